package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** A child JVM on the test's own class path, for tests that kill or interrupt a run from outside. */
@API(status = INTERNAL)
public final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code main} with {@code args}; its output and errors go to {@code log}. */
    public static Process start(Path log, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
