package dev.ale.verifiers.internal.command;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ale.api.spi.Verifier;
import dev.ale.api.spi.VerifierConfigException;
import dev.ale.api.spi.VerifierFactories;
import dev.ale.verifiers.internal.support.JsonPointers;
import dev.ale.verifiers.internal.support.Options;
import dev.ale.verifiers.internal.support.OptionsFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The {@code command} verifier: runs an external grader program (an existing Python scoring
 * script, say) and reads its score. Refused unless the evaluator's {@code VerifierPolicy} allows
 * commands, since a pack from elsewhere must not run code by default.
 *
 * <pre>{"type": "command", "command": ["{python}", "{task}/scripts/grade.py", "{output}", "{reference}"],
 *  "timeout": "2m", "maxOutputBytes": 1048576, "env": {"LANG": "C.UTF-8"}, "onCrash": "zero"}</pre>
 * <ul>
 * <li>{@code command} (required): the program and its arguments; {@code {output}}, {@code {reference}},
 *     {@code {workdir}}, {@code {inputs}}, {@code {task}}, {@code {python}} and {@code {ale-evaluate}}
 *     are replaced as {@link GraderSetup} says. When neither {@code {output}} nor {@code {reference}}
 *     appears, the output and reference directories are appended as the last two arguments.</li>
 * <li>{@code timeout} (default 5m): an ISO-8601 duration, a number of seconds or {@code <n>s|m|h};
 *     the grader never runs past the verification deadline either.</li>
 * <li>{@code maxOutputBytes} (default 1 MiB, at most 64 MiB): the cap on standard output, standard
 *     error and the reward file.</li>
 * <li>{@code env}: extra environment variables (names not starting with {@code ALE_}).</li>
 * <li>{@code onCrash} (default {@code zero}): what a grader that exits non-zero without a score
 *     means: {@code zero}, the agent's failure scored 0 (ALE's behaviour), or {@code error}, an
 *     ERROR of the attempt.</li>
 * </ul>
 * The grader gets ALE_OUTPUT, ALE_REFERENCE, ALE_WORK_DIR, ALE_REWARD_FILE and ALE_TASK_ID (and
 * ALE_INPUTS, ALE_TASK_DIR when those are staged), runs in a private temporary working directory,
 * and reports {@code {"score": 0.75, "checks": [...], "gateFailed": false}} or a plain number in
 * {@code reward.json} or {@code reward.txt} in that directory, or else on its standard output; see
 * {@link GraderResult} and {@link GraderProtocol}.
 */
@API(status = INTERNAL)
public final class CommandVerifierFactory extends OptionsFactory {
    private static final String[] OPTIONS = {"command", "timeout", "maxOutputBytes", "env", "onCrash"};
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    static final int DEFAULT_MAX_OUTPUT = 1 << 20;
    static final int MAX_MAX_OUTPUT = 64 << 20;

    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})\\s*([smh])");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_TIMEOUT_SECONDS = 366L * 24 * 3600;

    public CommandVerifierFactory() {
        super("command", OPTIONS);
    }

    @Override
    public Verifier create(JsonNode config, VerifierFactories nested) {
        if (!nested.policy().allowCommands()) {
            throw new VerifierConfigException(
                    "/type",
                    "command verifiers are not allowed: the evaluator must be "
                            + "configured to allow them (VerifierPolicy allowCommands, e.g. "
                            + "VerifierRegistry.discover().withPolicy(new VerifierPolicy(true)))");
        }
        return super.create(config, nested);
    }

    @Override
    protected Verifier build(Options o, VerifierFactories nested) {
        JsonNode cmd = o.require("command");
        if (!cmd.isArray() || cmd.isEmpty()) {
            throw o.error(
                    "command",
                    "must be a non-empty array of strings (the program and its arguments), got " + Options.kind(cmd));
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < cmd.size(); i++) {
            String arg = Options.text(cmd.get(i), JsonPointers.child(o.pointer("command"), i));
            if (arg.indexOf('\0') >= 0) {
                throw new VerifierConfigException(
                        JsonPointers.child(o.pointer("command"), i), "must not contain a NUL character");
            }
            command.add(arg);
        }
        Duration timeout = o.has("timeout") ? duration(o.raw("timeout"), o.pointer("timeout")) : DEFAULT_TIMEOUT;
        int maxOutput = o.wholeNumber("maxOutputBytes", 1, MAX_MAX_OUTPUT, DEFAULT_MAX_OUTPUT);
        GraderProtocol.OnCrash onCrash = o.choice("onCrash", GraderProtocol.OnCrash.ZERO);
        return new CommandRun.Grader(
                command,
                timeout,
                maxOutput,
                o.has("env") ? env(o) : Map.of(),
                onCrash,
                nested.policy().python());
    }

    private static Map<String, String> env(Options o) {
        Options env = o.map("env");
        Map<String, String> out = new TreeMap<>();
        for (String name : env.names()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw env.error(name, "'" + name + "' is not an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
            }
            if (name.startsWith("ALE_")) {
                throw env.error(name, "names starting with ALE_ are set by the verifier");
            }
            JsonNode v = env.raw(name);
            if (!v.isTextual() || v.textValue().indexOf('\0') >= 0) {
                throw env.error(name, "must be a string without NUL characters, got " + Options.kind(v));
            }
            out.put(name, v.textValue());
        }
        return out;
    }

    /** A duration: an ISO-8601 duration ({@code PT2M}), a number of seconds, or {@code <n>s|m|h}; positive. */
    static Duration duration(JsonNode value, String at) {
        Duration d;
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            if (seconds.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_SECONDS)) > 0) {
                throw new VerifierConfigException(at, "timeout is more than a year: " + value.asText());
            }
            d = Duration.ofNanos(seconds.movePointRight(9).longValue());
        } else if (value.isTextual()) {
            String s = value.textValue().trim();
            Matcher m = SHORT_DURATION.matcher(s);
            try {
                d = m.matches()
                        ? switch (m.group(2)) {
                            case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
                            case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
                            default -> Duration.ofHours(Long.parseLong(m.group(1)));
                        }
                        : Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new VerifierConfigException(
                        at,
                        "not a duration: '" + s
                                + "' (use an ISO-8601 duration such as PT2M, a number of seconds, or <n>s, <n>m, <n>h)");
            }
            if (d.getSeconds() > MAX_TIMEOUT_SECONDS) {
                throw new VerifierConfigException(at, "timeout is more than a year: '" + s + "'");
            }
        } else {
            throw new VerifierConfigException(
                    at,
                    "must be a duration (a string such as \"2m\" or \"PT2M\", " + "or a number of seconds), got "
                            + Options.kind(value));
        }
        if (d.isNegative() || d.isZero()) {
            throw new VerifierConfigException(at, "timeout must be positive, got " + value);
        }
        return d;
    }
}
