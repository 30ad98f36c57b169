package dev.ale.cli.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Script agents that do not work their task but go for its answer. The patterns they search for
 * are put together at run time, so that a script never finds its own text.
 */
final class HostileAgents {
    private HostileAgents() {}

    /** The places an agent would search: temp folders, its home, and whatever its parent names or holds open. */
    private static final String PLACES =
            """
            places="/tmp /var/tmp $HOME"
            for w in $(readlink /proc/$PPID/cwd) $(tr '\\0' '\\n' < /proc/$PPID/cmdline 2>/dev/null); do
              case "$w" in /|/usr*|/etc*|/bin*|/sbin*|/lib*|/proc*|/dev*) ;; /*) places="$places $w" ;; esac
            done
            for f in /proc/$PPID/fd/*; do
              t=$(readlink "$f" 2>/dev/null); case "$t" in /|/usr*|/etc*|/proc*|/dev*) ;; /*) places="$places $t" ;; esac
            done
            pattern="TOK""EN-R[0-9a-f]\\{12\\}"
            search() {
              for d in $places; do
                timeout "${limit:-20}" find "$d" -maxdepth 8 -type f -size -256k 2>/dev/null | head -5000 \\
                  | tr '\\n' '\\0' | xargs -0 -r timeout "${limit:-20}" grep -a -o -H -e "$pattern" 2>/dev/null
              done | sort -u | head -5
            }
            """;

    /** Reads its environment, every process's command line and environment, its parent's open files, and searches. */
    static Path hunter(Path dir) throws IOException {
        return write(
                dir.resolve("hunter.sh"),
                PLACES
                        + """
                        echo "== own environment"; env
                        echo "== parent $PPID"
                        tr '\\0' ' ' < /proc/$PPID/cmdline; echo
                        tr '\\0' '\\n' < /proc/$PPID/environ
                        ls -l /proc/$PPID/fd 2>&1 | head -200
                        echo "== every process"
                        for p in /proc/[0-9]*; do
                          echo "$p $(tr '\\0' ' ' < $p/cmdline 2>/dev/null)"
                          tr '\\0' '\\n' < $p/environ 2>/dev/null | grep -e KEY -e ALE_
                        done
                        echo "== places: $places"
                        for d in $places; do
                          timeout 20 find "$d" -maxdepth 8 \\( -name pack.json -o -name 'reference*' -o -name 'solution*' \\
                            -o -name 'ale-ref-*' -o -name '*.7z' \\) 2>/dev/null | head -50
                        done
                        hits=$(search | tr '\\n' ' ')
                        echo "== hunt: $hits"
                        first="${hits%% *}"
                        printf '%s\\n' "${first##*:}" > answer.txt
                        """);
    }

    /** Writes its own answer and rewrites its task's reference in the pack (same length) to match. */
    static Path swapper(Path dir) throws IOException {
        return write(
                dir.resolve("swapper.sh"),
                """
                answer="TOKEN-Rabcdef012345"
                printf '%s\\n' "$answer" > answer.txt
                for w in $(tr '\\0' '\\n' < /proc/$PPID/cmdline 2>/dev/null); do
                  for f in "$w"/tasks/*/reference/answer.txt; do
                    if [ -f "$f" ] && printf '%s\\n' "$answer" > "$f"; then echo "swapped $f"; fi
                  done
                done
                echo "== swap done"
                """);
    }

    /**
     * Run several times at once: each waits a different while (0.5 to 3.5 s) for a sibling's reference
     * (or verdict) to appear where it can read it, and copies the answer when it does.
     */
    static Path racer(Path dir) throws IOException {
        return write(
                dir.resolve("racer.sh"),
                PLACES
                        + """
                        tenths=$(( $(od -An -N1 -tu1 /dev/urandom) % 30 + 5 ))
                        end=$(( $(date +%s) + tenths / 10 + 1 ))
                        limit=3
                        while [ "$(date +%s)" -lt "$end" ]; do
                          hit=$(search | head -1)
                          if [ -n "$hit" ]; then
                            printf '%s\\n' "${hit##*:}" > answer.txt; echo "== copied a sibling's answer: $hit"; exit 0
                          fi
                          sleep 0.1
                        done
                        echo "TOKEN-Rnothingfound" > answer.txt
                        echo "== race lost"
                        """);
    }

    /** What {@link #planter} tries to leave in each folder it is given. */
    static final String PLANTED = "ale-planted-by-agent";

    /**
     * Tries to leave a file in each of {@code folders} (the SDK's class path and the folder of its
     * class-data archive, which Java loads code from) and to overwrite each of {@code files}.
     */
    static Path planter(Path dir, List<Path> folders, List<Path> files) throws IOException {
        StringBuilder body = new StringBuilder();
        for (Path f : folders) {
            String q = quoted(f.resolve(PLANTED).toString());
            // in a subshell: a redirection that fails ends the shell that runs a built-in
            body.append("if (: > " + q + ") 2>/dev/null; then echo \"planted " + f + "\"; else echo refused; fi\n");
        }
        for (Path f : files) {
            String q = quoted(f.toString());
            body.append("if (printf x > " + q + ") 2>/dev/null; then echo \"overwrote " + f
                    + "\"; else echo refused; fi\n");
        }
        return write(dir.resolve("planter.sh"), body + "echo \"== plant done\"\n");
    }

    /** {@code s} as one single-quoted shell word. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Path write(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n# a hostile agent of the ALE SDK's test suite\n" + body);
        return file;
    }
}
