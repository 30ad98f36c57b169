package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.ExecRequest;
import dev.ale.api.ExecResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code Sandbox.exec} for sandboxes with a workspace on disk: runs an {@link ExecRequest} through a
 * launcher with the workspace as its one writable mount, a clean environment (see
 * {@link ChildEnvironment}) plus the request's variables, its standard input, a timeout that kills
 * the whole process tree, and standard output and error capped at {@link #OUTPUT_CAP} bytes each.
 */
@API(status = EXPERIMENTAL)
public final class SandboxExec {
    /** The most bytes kept of each of stdout and stderr. */
    public static final int OUTPUT_CAP = 1 << 20;

    private SandboxExec() {}

    /**
     * Runs {@code request} in {@code directory} (inside {@code workspace}).
     *
     * @throws IOException when the process cannot start or the wait is interrupted
     */
    public static ExecResult run(ProcessLauncher launcher, Path workspace, Path directory, ExecRequest request)
            throws IOException {
        Mount ws = Mount.readWrite(workspace, ProcessSandbox.WORKSPACE);
        Map<String, String> env = new LinkedHashMap<>(ChildEnvironment.of(launcher.pathOf(ws), List.of()));
        env.putAll(request.environment());
        LaunchSpec spec = LaunchSpec.builder(request.command())
                .mount(ws)
                .directory(directory)
                .environment(env)
                .build();
        try (ChildProcess child = launcher.start(spec)) {
            Process process = child.process();
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
                finished = child.waitFor(request.timeout().toMillis());
            } catch (InterruptedException e) {
                child.kill();
                Thread.currentThread().interrupt();
                throw new IOException(
                        "interrupted while waiting for " + request.command().get(0), e);
            }
            child.kill();
            return new ExecResult(finished ? process.exitValue() : -1, out.text(), err.text(), !finished);
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
                    synchronized (this) {
                        int room = OUTPUT_CAP - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                        truncated |= n > room;
                    }
                }
            } catch (IOException e) {
                // the process went away: keep what was read
            }
        }

        String text() {
            try {
                join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                String s = kept.toString(StandardCharsets.UTF_8);
                return truncated ? s + "\n[output truncated at " + OUTPUT_CAP + " bytes]" : s;
            }
        }
    }
}
