package dev.ale.verifiers.internal.command;

import dev.ale.api.AleException;
import dev.ale.api.spi.Verdict;
import dev.ale.api.spi.VerificationContext;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierLimitException;
import dev.ale.process.ChildProcess;
import dev.ale.verifiers.internal.support.Render;
import dev.ale.verifiers.internal.support.SafeFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One run of an external grader: private directories, the process with its environment, its
 * standard output and error written to files there (so a process it leaves behind cannot hold a
 * pipe open) and capped, its deadline, killing the whole process tree when time runs out or the
 * verifying thread is interrupted, and reading the result by ALE's protocol ({@link GraderProtocol}).
 * The directories and placeholders are {@link GraderSetup}'s. See {@link CommandVerifierFactory}.
 */
final class CommandRun {
    static final String REWARD_JSON = "reward.json";
    static final String REWARD_TXT = "reward.txt";
    private static final long POLL_MILLIS = 50;
    private static final int STDERR_TAIL = 2000;

    private CommandRun() {}

    /** The {@code command} verifier; immutable, each verification runs in directories of its own. */
    record Grader(
            List<String> command,
            Duration timeout,
            int maxOutput,
            Map<String, String> env,
            GraderProtocol.OnCrash onCrash,
            Optional<Path> python)
            implements Verifier {
        Grader {
            command = List.copyOf(command);
            env = Map.copyOf(env);
        }

        @Override
        public Verdict verify(VerificationContext ctx) throws IOException, InterruptedException {
            Instant own = Instant.now().plus(timeout);
            boolean ownFirst = !ctx.deadline().isBefore(own);
            Instant deadline = ownFirst ? own : ctx.deadline();
            String why = ownFirst
                    ? "its timeout of " + timeout.toString().substring(2).toLowerCase(Locale.ROOT)
                    : "the verification deadline";
            if (!Instant.now().isBefore(deadline)) {
                throw new AleException(
                        "",
                        "",
                        "the grader " + Render.quoted(command.get(0))
                                + " was not started: the verification deadline has passed");
            }
            Path dir = CommandDirs.createPrivate(ctx);
            try {
                GraderSetup.Dirs dirs = GraderSetup.prepare(dir, ctx, command, python);
                GraderLaunch launch = GraderLaunch.of(ctx, dirs.work(), dirs.readOnly());
                return run(launch, GraderSetup.expand(command, dirs, launch::path), dirs, ctx, deadline, why);
            } finally {
                CommandDirs.deleteTree(dir);
            }
        }

        /** Runs the grader process: the one call that starts a process. */
        private Verdict run(
                GraderLaunch launch,
                List<String> args,
                GraderSetup.Dirs dirs,
                VerificationContext ctx,
                Instant deadline,
                String why)
                throws IOException, InterruptedException {
            Path work = dirs.work();
            Path stdout = work.resolveSibling("stdout");
            Path stderr = work.resolveSibling("stderr");
            Map<String, String> e = new LinkedHashMap<>(env);
            e.put("ALE_OUTPUT", launch.path(dirs.output()));
            e.put("ALE_REFERENCE", launch.path(dirs.reference()));
            e.put("ALE_WORK_DIR", launch.path(work));
            e.put("ALE_REWARD_FILE", launch.path(work.resolve(REWARD_JSON)));
            e.put("ALE_TASK_ID", ctx.task().id());
            if (dirs.inputs() != null) {
                e.put("ALE_INPUTS", launch.path(dirs.inputs()));
            }
            if (dirs.task() != null) {
                e.put("ALE_TASK_DIR", launch.path(dirs.task()));
            }
            ChildProcess child;
            try {
                child = launch.start(args, e, stdout, stderr);
            } catch (IOException ex) {
                throw new AleException(
                        "",
                        "",
                        "the grader " + Render.quoted(args.get(0)) + " could not start: " + ex.getMessage(),
                        ex);
            }
            Process p = child.process();
            try (ChildProcess tree = child) {
                p.getOutputStream().close();
                String problem = await(p, tree, List.of(stdout, stderr), deadline, why);
                tree.kill();
                if (problem != null) {
                    throw overLimit(failure(problem, stderr));
                }
                return GraderProtocol.verdict(p.exitValue(), report(work, stdout), tail(stderr), onCrash, name());
            }
        }

        /**
         * Waits for the process, watching its tree and the size of its output; returns why it had to
         * be stopped, or null when it exited by itself.
         */
        private @Nullable String await(Process p, ChildProcess tree, List<Path> streams, Instant deadline, String why)
                throws InterruptedException, IOException {
            try {
                while (true) {
                    long left = Duration.between(Instant.now(), deadline).toMillis();
                    if (left <= 0) {
                        return "was killed at " + why;
                    }
                    if (p.waitFor(Math.min(left, POLL_MILLIS), TimeUnit.MILLISECONDS)) {
                        return null;
                    }
                    for (Path s : streams) {
                        if (Files.size(s) > maxOutput) {
                            return "wrote more than " + maxOutput + " bytes to its " + s.getFileName()
                                    + " and was killed";
                        }
                    }
                    tree.watch();
                }
            } catch (InterruptedException ex) {
                tree.kill();
                throw ex;
            }
        }

        /** What the grader reported: a reward file's text, else its standard output. */
        private GraderProtocol.Report report(Path work, Path stdout) throws IOException {
            String json = rewardFile(work.resolve(REWARD_JSON));
            String txt = rewardFile(work.resolve(REWARD_TXT));
            if (json != null && txt != null) {
                throw new AleException(
                        "grader", "", "the grader wrote both " + REWARD_JSON + " and " + REWARD_TXT + "; write one");
            }
            if (json != null || txt != null) {
                return new GraderProtocol.Report(
                        json != null ? json : txt, json != null ? REWARD_JSON : REWARD_TXT, false);
            }
            byte[] out = SafeFiles.readCapped(stdout, maxOutput);
            if (out == null) {
                throw overLimit(failure("wrote more than " + maxOutput + " bytes to its stdout", null));
            }
            return new GraderProtocol.Report(new String(out, StandardCharsets.UTF_8), "standard output", true);
        }

        /** The text of a reward file the grader wrote, or null; links and special files are refused. */
        private @Nullable String rewardFile(Path file) throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
            if (!a.isRegularFile()) {
                throw new AleException("grader " + file.getFileName(), "", "the reward file must be a regular file");
            }
            byte[] bytes = SafeFiles.readCapped(file, maxOutput);
            if (bytes == null) {
                throw new AleException(
                        "grader " + file.getFileName(), "", "the reward file is larger than " + maxOutput + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A grader stopped at a limit (time, output size): the output drove it there, so the agent failed. */
        private static VerifierLimitException overLimit(AleException e) {
            return new VerifierLimitException(e.source(), e.rule());
        }

        /** The grader for messages: its program, and its script when the program is an interpreter. */
        private String name() {
            return command.size() > 1 && command.get(0).equals("{python}")
                    ? command.get(0) + " " + command.get(1)
                    : command.get(0);
        }

        /** The end of the grader's standard error ({@code ""} when there is none). */
        private static String tail(Path stderr) throws IOException {
            if (stderr == null || !Files.exists(stderr)) {
                return "";
            }
            long size = Files.size(stderr);
            try (SeekableByteChannel ch = Files.newByteChannel(stderr)) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, STDERR_TAIL));
                ch.position(size - buf.capacity());
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // fill the buffer
                }
                return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            }
        }

        /** The grader failed: what happened, with the end of its standard error. */
        private AleException failure(String what, Path stderr) throws IOException {
            String tail = tail(stderr);
            return new AleException(
                    "",
                    "",
                    "the grader " + Render.quoted(command.get(0)) + " " + what
                            + (tail.isEmpty() ? "" : "; stderr ends: " + GraderProtocol.ending(tail)));
        }
    }
}
