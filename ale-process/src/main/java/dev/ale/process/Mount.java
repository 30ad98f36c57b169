package dev.ale.process;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A directory (or file) of the host that a process may reach: at its own path when the process
 * runs directly, at {@code inside} under bubblewrap, where nothing else of the host's own files is
 * visible. See {@link ProcessLauncher#pathOf(Mount)}.
 *
 * @param host     the directory or file on the host
 * @param inside   where it appears in a bubblewrap sandbox: an absolute path such as {@code /workspace}
 * @param writable whether the process may change it
 */
@API(status = EXPERIMENTAL)
public record Mount(Path host, String inside, boolean writable) {
    public Mount {
        host = Objects.requireNonNull(host, "host").toAbsolutePath().normalize();
        Objects.requireNonNull(inside, "inside");
        if (!inside.startsWith("/")
                || inside.equals("/")
                || inside.contains("//")
                || inside.contains("/..")
                || inside.contains("/./")
                || inside.endsWith("/")
                || inside.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a mount's inside path must be a plain absolute path below /, got '" + inside + "'");
        }
    }

    /** {@code host} readable and writable, at {@code inside} in a sandbox. */
    public static Mount readWrite(Path host, String inside) {
        return new Mount(host, inside, true);
    }

    /** {@code host} read-only, at {@code inside} in a sandbox. */
    public static Mount readOnly(Path host, String inside) {
        return new Mount(host, inside, false);
    }
}
