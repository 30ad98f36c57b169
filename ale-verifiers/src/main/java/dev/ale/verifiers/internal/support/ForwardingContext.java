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

/**
 * A verification context that gives what its {@link #parent()} gives (roots, task, trajectory,
 * judge, previous verdict, deadline) except where an implementation says otherwise. The task's
 * files, the private directory and the sandbox are not forwarded: a context that offers them
 * says so itself.
 */
@API(status = INTERNAL)
public interface ForwardingContext extends VerificationContext {
    /** The context this one forwards to. */
    VerificationContext parent();

    @Override
    default Path output() {
        return parent().output();
    }

    @Override
    default Path reference() {
        return parent().reference();
    }

    @Override
    default TaskSpec task() {
        return parent().task();
    }

    @Override
    default Trajectory trajectory() {
        return parent().trajectory();
    }

    @Override
    default Optional<Judge> judge() {
        return parent().judge();
    }

    @Override
    default Optional<Verdict> previous() {
        return parent().previous();
    }

    @Override
    default Instant deadline() {
        return parent().deadline();
    }
}
