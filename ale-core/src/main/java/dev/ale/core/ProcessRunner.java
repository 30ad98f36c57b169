package dev.ale.core;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a process with a timeout and capped output, killing its whole tree when time is up. */
final class ProcessRunner {
    /** The most bytes kept of each of stdout and stderr. */
    static final int OUTPUT_CAP = 1 << 20;

    private ProcessRunner() {}

    static ExecResult run(ExecRequest request, Path directory) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(request.command()).directory(directory.toFile());
        pb.environment().putAll(request.environment());
        Process process = pb.start();
        CappedSink out = new CappedSink(process.getInputStream());
        CappedSink err = new CappedSink(process.getErrorStream());
        out.start();
        err.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(request.stdin().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process closed its input early: that is its business
        }
        boolean finished;
        try {
            finished = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IOException(
                    "interrupted while waiting for " + request.command().get(0), e);
        }
        if (!finished) {
            killTree(process);
        }
        return new ExecResult(finished ? process.exitValue() : -1, out.text(), err.text(), !finished);
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a stream on its own thread, keeping the first {@link #OUTPUT_CAP} bytes. */
    private static final class CappedSink extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        CappedSink(InputStream in) {
            this.in = in;
            setDaemon(true);
            setName("ale-process-output");
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int room = OUTPUT_CAP - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, n));
                    }
                    truncated |= n > room;
                }
            } catch (IOException e) {
                // the process went away: keep what was read
            }
        }

        void joinQuietly() {
            try {
                join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            joinQuietly();
            String s = kept.toString(StandardCharsets.UTF_8);
            return truncated ? s + "\n[output truncated at " + OUTPUT_CAP + " bytes]" : s;
        }
    }
}
