package dev.ale.verifiers.internal.command;

import dev.ale.api.spi.VerificationContext;
import dev.ale.process.ChildEnvironment;
import dev.ale.process.ChildProcess;
import dev.ale.process.LaunchSpec;
import dev.ale.process.Mount;
import dev.ale.process.ProcessLauncher;
import dev.ale.process.ProcessSandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the {@code command} verifier starts its grader: through the attempt's sandbox (under
 * bubblewrap for a bubblewrap sandbox, where the grader sees only its own folders, each at
 * {@code /ale/<name>}: the output and reference and any other folder given, read-only, and its working
 * directory), with a clean environment ({@link ChildEnvironment}, {@code HOME} its working directory)
 * plus the variables given.
 */
final class GraderLaunch {
    private final ProcessLauncher launcher;
    private final Path work;
    private final List<Mount> mounts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private GraderLaunch(ProcessLauncher launcher, Path work) {
        this.launcher = launcher;
        this.work = work;
        add(work, true);
    }

    /** A launch for {@code ctx}'s sandbox, working in {@code work}, also reading {@code readOnly}. */
    static GraderLaunch of(VerificationContext ctx, Path work, Path... readOnly) {
        ProcessLauncher launcher = ctx.sandbox().map(ProcessSandbox::launcherOf).orElse(ProcessLauncher.local());
        GraderLaunch l = new GraderLaunch(launcher, work);
        for (Path p : readOnly) {
            l.add(p, false);
        }
        return l;
    }

    private void add(Path host, boolean writable) {
        String base = host.getFileName() == null
                ? "dir"
                : host.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "-" + i;
        }
        mounts.add(new Mount(host, "/ale/" + name, writable));
    }

    /** Where the grader sees {@code host} (one of the folders given, or a path inside one). */
    String path(Path host) {
        return launcher.pathOf(host, mounts);
    }

    /** Starts {@code args} in the working directory, its output and error going to the files given. */
    ChildProcess start(List<String> args, Map<String, String> env, Path stdout, Path stderr) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(ChildEnvironment.of(path(work), List.of()));
        all.putAll(env);
        LaunchSpec.Builder spec = LaunchSpec.builder(args)
                .directory(work)
                .environment(all)
                .stdout(stdout)
                .stderr(stderr);
        mounts.forEach(spec::mount);
        return launcher.start(spec.build());
    }
}
