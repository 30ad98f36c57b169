package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A path from a verifier configuration: relative, '/'-separated, with no empty, {@code .} or
 * {@code ..} segment, no backslash and no NUL, so it can only name something under a root.
 */
@API(status = INTERNAL)
public record RelPath(String value, List<String> segments) {
    public RelPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a configured path.
     *
     * @throws IllegalArgumentException with the rule that the path breaks
     */
    static RelPath parse(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        if (value.startsWith("/")
                || (value.length() > 1 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':')) {
            throw new IllegalArgumentException("path '" + value + "' must be relative, not absolute");
        }
        if (value.indexOf('\\') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path '" + value + "' must use '/' separators and no backslash or NUL");
        }
        List<String> segments = List.of(value.split("/", -1));
        for (String s : segments) {
            if (s.equals("..")) {
                throw new IllegalArgumentException("path '" + value + "' must not contain '..'");
            }
            if (s.isEmpty() || s.equals(".")) {
                throw new IllegalArgumentException("path '" + value + "' must not contain empty or '.' segments");
            }
        }
        return new RelPath(value, segments);
    }

    /** This path under {@code root}, one segment at a time (so it works on any file system). */
    Path under(Path root) {
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }

    @Override
    public String toString() {
        return value;
    }
}
