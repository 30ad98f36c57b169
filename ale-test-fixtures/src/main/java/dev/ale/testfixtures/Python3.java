package dev.ale.testfixtures;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * The {@code python3} on the PATH, for tests that check a rule of ALE's Python code against Python
 * itself rather than against a reading of it.
 */
@API(status = INTERNAL)
public final class Python3 {
    private Python3() {}

    /** Whether a {@code python3} is on the PATH (tests that need it skip without it). */
    public static boolean available() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "python3"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code python3 -c script} with {@code input} on its standard input (UTF-8) and returns
     * its standard output; fails, with what it printed on standard error, unless it exits with 0.
     */
    public static String run(String script, String input) {
        try {
            Process p = new ProcessBuilder("python3", "-c", script)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new AssertionError(
                        "python3 exited with " + code + ": " + new String(err.join(), StandardCharsets.UTF_8));
            }
            return new String(out.join(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while python3 ran", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
