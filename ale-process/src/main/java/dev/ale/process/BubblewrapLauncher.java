package dev.ale.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts processes under bubblewrap: the system directories read-only, the spec's mounts at their
 * inside paths, a fresh {@code /proc}, {@code /dev} and {@code /tmp}; new PID, IPC, UTS, cgroup (and,
 * unless the network is allowed, network) namespaces; no capabilities, a new session, and death with
 * the SDK. The program, when it is outside the system directories, and any existing file named by
 * its absolute path in the command (a script given to {@code sh}) are shown read-only at their own
 * paths; host paths inside a mount are rewritten to where the mount appears. Killing the {@code bwrap} process ends its PID namespace and with it every process inside,
 * detached or not. The environment reaches the process through {@code bwrap}'s own environment,
 * never its command line (which the process can read in {@code /proc/1/cmdline}).
 */
record BubblewrapLauncher(BubblewrapOptions options, Path program) implements ProcessLauncher {
    /** The host's system directories, shown read-only at their own paths (links recreated as links). */
    static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc");

    private static final Set<String> RESERVED = Set.of("/proc", "/dev", "/tmp");
    private static final long PROBE_SECONDS = 20;

    @Override
    public String name() {
        return options.network() ? "bubblewrap+network" : "bubblewrap";
    }

    @Override
    public String pathOf(Mount mount) {
        return mount.inside();
    }

    @Override
    public ChildProcess start(LaunchSpec spec) throws IOException {
        return DirectLauncher.start(arguments(spec), spec);
    }

    /** The {@code bwrap} command line that runs {@code spec}. */
    List<String> arguments(LaunchSpec spec) {
        List<String> a = base(program, options);
        for (Mount m : spec.mounts()) {
            String inside = m.inside();
            if (isSystem(inside) || RESERVED.stream().anyMatch(r -> inside.equals(r) || inside.startsWith(r + "/"))) {
                throw new IllegalArgumentException("a mount cannot be placed at " + inside + " in the sandbox");
            }
            a.addAll(List.of(m.writable() ? "--bind" : "--ro-bind", m.host().toString(), inside));
        }
        List<String> command = new ArrayList<>(spec.command());
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i);
            if (!word.startsWith("/") || isSystem(word)) {
                continue;
            }
            Path host = Path.of(word).normalize();
            if (spec.mounts().stream().anyMatch(m -> host.startsWith(m.host()))) {
                command.set(i, pathOf(host, spec.mounts()));
            } else if (i == 0 || Files.isRegularFile(host)) {
                // the program, and files the user named in the command (a script for sh), read-only
                a.addAll(List.of("--ro-bind", realPath(host).toString(), host.toString()));
            }
        }
        a.addAll(List.of("--chdir", pathOf(spec.directory(), spec.mounts()), "--"));
        a.addAll(command);
        return a;
    }

    private static List<String> base(Path program, BubblewrapOptions options) {
        List<String> a = new ArrayList<>(List.of(
                program.toString(),
                "--die-with-parent",
                "--new-session",
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
                "--hostname",
                "ale-sandbox",
                "--cap-drop",
                "ALL"));
        if (!options.network()) {
            a.add("--unshare-net");
        }
        for (String dir : SYSTEM) {
            Path p = Path.of(dir);
            if (Files.isSymbolicLink(p)) {
                try {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                } catch (IOException e) {
                    // an unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                a.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        // /proc/sys read-only: a process running as root (without capabilities) could still write some of it
        a.addAll(List.of(
                "--proc",
                "/proc",
                "--ro-bind",
                "/proc/sys",
                "/proc/sys",
                "--ro-bind-try",
                "/proc/sysrq-trigger",
                "/proc/sysrq-trigger",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp"));
        for (Path p : options.readOnly()) {
            a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        return a;
    }

    private static boolean isSystem(String path) {
        return SYSTEM.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "/"));
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** Starts {@code true} in a sandbox: empty when that works, else why not. */
    static Optional<String> probe(BubblewrapOptions options) {
        Path program = options.requireProgram();
        List<String> a = base(program, options);
        a.addAll(List.of("--chdir", "/", "--", "true"));
        ProcessBuilder pb = new ProcessBuilder(a).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin"));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("bwrap did not start a sandbox within " + PROBE_SECONDS + " s");
            }
            return p.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of("bwrap cannot create its sandbox here (exit " + p.exitValue() + "): "
                            + new String(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.of("bwrap could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying bwrap");
        }
    }
}
