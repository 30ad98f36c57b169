package dev.ale.taskpack.hostile;

import static dev.ale.taskpack.hostile.HostileCase.of;
import static dev.ale.taskpack.hostile.PackDir.INPUTS;
import static dev.ale.taskpack.hostile.PackDir.TASK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.task.TaskPackException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The corpus cases about what the entries hold: malformed, oversized and deeply nested JSON,
 * manifests and task files that break the format, wrong digests, unknown verifiers, task ids that
 * leave their folder, and directory packs holding links or special files.
 */
final class ContentCases {
    private static final Class<TaskPackException> TPE = TaskPackException.class;
    private static final String TASK_JSON = "tasks/" + TASK + "/task.json";

    private ContentCases() {}

    static Stream<HostileCase> cases() {
        return Stream.of(
                of(
                        "malformed pack.json (cut short)",
                        TPE,
                        "pack.json",
                        "malformed JSON at line",
                        (p, d) -> cut(p, "pack.json")),
                of("pack.json nested 100,000 arrays deep", TPE, "pack.json", "nesting depth", (p, d) -> p.write(
                                "pack.json", "[".repeat(100_000))
                        .dir()),
                of("task.json nested 10,000 objects deep", TPE, TASK_JSON, "nesting depth", (p, d) -> p.write(
                                TASK_JSON, "{\"metadata\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_001))
                        .dir()),
                of("duplicate key in pack.json", TPE, "pack.json", "Duplicate field 'name'", (p, d) -> p.write(
                                "pack.json", text(p, "pack.json").replaceFirst("\\{", "{\"name\": \"twin\","))
                        .dir()),
                of(
                        "pack.json over the JSON size limit (5 MiB)",
                        TPE,
                        "pack.json",
                        "larger than the limit of 4194304 bytes",
                        (p, d) -> p.editJson("pack.json", m -> m.put("description", "x".repeat(5 << 20)))
                                .dir()),
                of(
                        "pack.json that is an array",
                        TPE,
                        "pack.json",
                        "a JSON object is expected, found an array",
                        (p, d) -> p.write("pack.json", "[]").dir()),
                of("pack.json that is not UTF-8", TPE, "pack.json", "malformed JSON", (p, d) -> p.write(
                                "pack.json", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'})
                        .dir()),
                of("missing pack.json", TPE, "pack.json", "missing", (p, d) -> {
                    Files.delete(p.dir().resolve("pack.json"));
                    return p.dir();
                }),
                of(
                                "unknown format major (2.0)",
                                TPE,
                                "pack.json",
                                "format version 2.0 is not supported",
                                (p, d) -> p.editJson("pack.json", m -> m.put("formatVersion", "2.0"))
                                        .dir())
                        .field("/formatVersion"),
                of(
                                "unknown format major in a tar.gz (extraction cleaned up)",
                                TPE,
                                "pack.json",
                                "is not supported",
                                (p, d) -> Archives.tgz(
                                        d.resolve("pack.tgz"),
                                        p.editJson("pack.json", m -> m.put("formatVersion", "7.1"))
                                                .entries()))
                        .field("/formatVersion"),
                of("foreign format name", TPE, "pack.json", "not an ale-taskpack manifest", (p, d) -> p.editJson(
                                        "pack.json", m -> m.put("format", "zip-of-doom"))
                                .dir())
                        .field("/format"),
                of(
                        "wrong digest (an input edited after hashing)",
                        TPE,
                        "tasks/" + TASK + "/",
                        "does not match its digest",
                        (p, d) -> p.write(INPUTS + "statement.csv", "date,amount\n2024-03-01,999.00\n")
                                .dir()),
                of(
                        "wrong digest (zip)",
                        TPE,
                        "tasks/" + TASK + "/",
                        "does not match its digest",
                        (p, d) -> Archives.zip(
                                d.resolve("pack.zip"),
                                p.write(INPUTS + "marker.txt", "changed").entries())),
                of("digest that is not SHA-256 hex", TPE, "pack.json", "not a SHA-256 digest", (p, d) -> p.editJson(
                                        "pack.json", m -> task0(m).put("digest", "../../etc/passwd"))
                                .dir())
                        .field("/tasks/0/digest"),
                of(
                                "revision that does not match task.json",
                                TPE,
                                "pack.json",
                                "does not match the revision",
                                (p, d) -> p.editJson("pack.json", m -> task0(m).put("revision", 2))
                                        .dir())
                        .field("/tasks/0/revision"),
                of(
                                "unknown verifier type",
                                VerifierConfigException.class,
                                TASK_JSON,
                                "unknown verifier type 'rm-rf'",
                                (p, d) -> p.editJson(TASK_JSON, t -> ((ObjectNode) t.get("verifier")
                                                        .get("checks")
                                                        .get(0))
                                                .put("type", "rm-rf"))
                                        .dir())
                        .field("/verifier/checks/0/type"),
                of(
                                "task id that escapes its folder (pack.json lists '../evil')",
                                TPE,
                                "pack.json",
                                "not a valid task id '../evil'",
                                (p, d) -> p.editJson("pack.json", m -> task0(m).put("id", "../evil"))
                                        .dir())
                        .field("/tasks/0/id"),
                of(
                                "task.json whose id is another task's folder",
                                TPE,
                                TASK_JSON,
                                "does not match its folder",
                                (p, d) -> p.editJson(TASK_JSON, t -> t.put("id", "ledger-close"))
                                        .dir())
                        .field("/id"),
                of(
                                "task.json whose id climbs out of tasks/",
                                TPE,
                                TASK_JSON,
                                "not a valid task id '../../etc'",
                                (p, d) -> p.editJson(TASK_JSON, t -> t.put("id", "../../etc"))
                                        .dir())
                        .field("/id"),
                of(
                        "task folder not listed in pack.json",
                        TPE,
                        "tasks/stowaway/",
                        "task folder not listed",
                        (p, d) -> p.writeJson("tasks/stowaway/task.json", PackDir.task("stowaway", 1))
                                .dir()),
                of("stray file at the top level", TPE, "run.sh", "not part of the pack layout", (p, d) -> p.write(
                                "run.sh", "rm -rf /")
                        .dir()),
                // U+FFFF sorts after every name: the top level's listing once stopped short of it
                of(
                        "stray file at the top level named to sort last",
                        TPE,
                        "\uffffrun.sh",
                        "not part of the pack layout",
                        (p, d) -> p.write("\uffffrun.sh", "rm -rf /").dir()),
                of(
                        "session folder beyond the task's sessions",
                        TPE,
                        "tasks/" + TASK + "/sessions/7/",
                        "session 7 does not exist",
                        (p, d) -> p.write("tasks/" + TASK + "/sessions/7/x.txt", "x")
                                .dir()),
                of("unknown field (a typo of verifier)", TPE, TASK_JSON, "unknown field", (p, d) -> p.editJson(
                                        TASK_JSON, t -> t.put("verfier", "x"))
                                .dir())
                        .field("/verfier"),
                of("negative timeout", TPE, TASK_JSON, "timeout must be positive", (p, d) -> p.editJson(
                                        TASK_JSON, t -> ((ObjectNode) t.get("limits")).put("timeout", "PT-5M"))
                                .dir())
                        .field("/limits/timeout"),
                of("timeout of 1e400 seconds", TPE, TASK_JSON, "more than a year", (p, d) -> p.write(
                                        TASK_JSON, text(p, TASK_JSON).replace("\"10m\"", "1e400"))
                                .dir())
                        .field("/limits/timeout"),
                of("unknown SOC code", TPE, TASK_JSON, "99-9999", (p, d) -> p.editJson(
                                        TASK_JSON, t -> ((ObjectNode) t.get("taxonomy"))
                                                .putArray("soc")
                                                .add("99-9999"))
                                .dir())
                        .field("/taxonomy/soc/0"),
                of("directory pack holding a symbolic link", TPE, INPUTS + "passwd", "symbolic link", (p, d) -> {
                    Files.createSymbolicLink(p.dir().resolve(INPUTS + "passwd"), Path.of("/etc/passwd"));
                    return p.dir();
                }),
                of(
                        "directory pack whose reference folder is a link",
                        TPE,
                        "tasks/" + TASK + "/reference",
                        "symbolic link",
                        (p, d) -> {
                            Path ref = p.dir().resolve("tasks/" + TASK + "/reference");
                            Files.move(ref, d.resolve("decoy"));
                            Files.createSymbolicLink(ref, d.resolve("decoy"));
                            return p.dir();
                        }),
                of("directory pack holding a fifo", TPE, INPUTS + "pipe", "special file", ContentCases::fifo));
    }

    private static ObjectNode task0(ObjectNode manifest) {
        return (ObjectNode) manifest.get("tasks").get(0);
    }

    private static String text(PackDir p, String path) throws IOException {
        return Files.readString(p.dir().resolve(path), StandardCharsets.UTF_8);
    }

    private static Path cut(PackDir p, String path) throws IOException {
        String t = text(p, path);
        return p.write(path, t.substring(0, t.length() / 2)).dir();
    }

    private static Path fifo(PackDir p, Path d) throws IOException {
        Path pipe = p.dir().resolve(INPUTS + "pipe");
        try {
            Process mk = new ProcessBuilder("mkfifo", pipe.toString())
                    .redirectErrorStream(true)
                    .start();
            Assumptions.assumeTrue(mk.waitFor(60, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return p.dir();
    }
}
