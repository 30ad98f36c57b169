package dev.ale.cli;

import dev.ale.tools.openai.OpenAiChatHarness;
import dev.ale.tools.openai.TokenPrice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code --harness 'openai:model=<m>,base-url=<url>[,api-key-env=<VAR>][,input-price=<usd>,output-price=<usd>]
 * [,max-turns=<n>][,temperature=<t>]'}: the OpenAI-compatible chat harness. The key is read from the
 * environment variable named by {@code api-key-env} (default {@code OPENAI_API_KEY}; when that default
 * is unset, no key is sent, as local servers want), never from the command line. Prices are USD per
 * million tokens.
 */
final class OpenAiSpec {
    /** The prefix of the harness spec. */
    static final String PREFIX = "openai:";

    static final String DEFAULT_KEY_VARIABLE = "OPENAI_API_KEY";
    private static final Set<String> KEYS =
            Set.of("model", "base-url", "api-key-env", "input-price", "output-price", "max-turns", "temperature");

    private OpenAiSpec() {}

    /** The harness {@code spec} (after the prefix) describes; a {@link UsageException} naming the bad part. */
    static OpenAiChatHarness parse(String spec, UnaryOperator<String> environment) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : spec.split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            if (eq < 0 || !KEYS.contains(name)) {
                throw usage("'" + part + "' is not one of "
                        + String.join("=, ", KEYS.stream().sorted().toList()) + "=");
            }
            if (options.put(name, part.substring(eq + 1).strip()) != null) {
                throw usage(name + " is given twice");
            }
        }
        String model = options.get("model");
        if (model == null || model.isEmpty()) {
            throw usage("model=<name> is required");
        }
        OpenAiChatHarness.Builder b = OpenAiChatHarness.builder().model(model);
        try {
            if (options.containsKey("base-url")) {
                b.baseUrl(options.get("base-url"));
            }
            String variable = options.getOrDefault("api-key-env", DEFAULT_KEY_VARIABLE);
            if (options.containsKey("api-key-env") || environment.apply(variable) != null) {
                b.apiKeyFromEnv(variable, environment);
            }
            if (options.containsKey("input-price") || options.containsKey("output-price")) {
                b.price(new TokenPrice(number(options, "input-price"), number(options, "output-price")));
            }
            if (options.containsKey("max-turns")) {
                b.maxTurns((int) number(options, "max-turns"));
            }
            if (options.containsKey("temperature")) {
                b.temperature(number(options, "temperature"));
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage(e.getMessage());
        }
    }

    private static double number(Map<String, String> options, String name) {
        String text = options.get(name);
        if (text == null) {
            throw usage(name + " is required with " + (name.startsWith("input") ? "output-price" : "input-price"));
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw usage(name + " must be a number, got '" + text + "'");
        }
    }

    private static UsageException usage(String why) {
        return new UsageException("--harness " + PREFIX + "...: " + why);
    }
}
