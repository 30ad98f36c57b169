package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.ale.api.Trajectory;
import dev.ale.api.spi.Judge;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.task.TaskSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/** A verification context like {@code parent}, whose output root is {@code output} (an unpacked archive). */
@API(status = INTERNAL)
public record ScopedContext(VerificationContext parent, Path output) implements VerificationContext {
    @Override
    public Path reference() {
        return parent.reference();
    }

    @Override
    public TaskSpec task() {
        return parent.task();
    }

    @Override
    public Trajectory trajectory() {
        return parent.trajectory();
    }

    @Override
    public Optional<Judge> judge() {
        return parent.judge();
    }

    @Override
    public Optional<Verdict> previous() {
        return parent.previous();
    }

    @Override
    public Instant deadline() {
        return parent.deadline();
    }
}
