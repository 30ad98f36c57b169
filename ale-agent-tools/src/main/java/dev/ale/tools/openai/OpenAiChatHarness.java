package dev.ale.tools.openai;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.tools.ToolLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * A harness that puts a model behind any OpenAI-compatible chat completions endpoint (OpenAI, Azure
 * OpenAI, vLLM, Ollama, llama.cpp, LiteLLM and the like) to work on a task with the
 * {@link dev.ale.tools.AgentTools tool kit}: it sends the instruction, carries out the tool calls
 * the model makes, and ends the session when the model answers without one. It honours the task's
 * deadline, step cap and cost cap, retries rate limits and server errors with backoff, and records
 * messages, tool calls and token usage (priced with the table given) in the trajectory. The API key
 * goes into the {@code Authorization} header and nowhere else. It uses {@code java.net.http} and
 * Jackson only. Instances are thread-safe; each session is a fresh conversation.
 *
 * <pre>{@code
 * Harness agent = OpenAiChatHarness.builder()
 *         .baseUrl("https://api.openai.com/v1")
 *         .model("gpt-4o-mini")
 *         .apiKeyFromEnv("OPENAI_API_KEY")
 *         .price(new TokenPrice(0.15, 0.60))
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL)
public final class OpenAiChatHarness implements Harness {
    /** The system prompt used when none is given. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are an agent doing a professional task in a workspace"
            + " directory. Use the tools to read the inputs and to write every deliverable the instruction asks for"
            + " into the workspace, with the exact file names and formats it gives; paths are relative to the"
            + " workspace root. Only the files you leave are graded. When the work is done, answer with a short"
            + " summary and no tool call.";

    /** What the session loop needs, fixed when the harness is built. */
    record Settings(
            String model,
            String systemPrompt,
            ToolLimits toolLimits,
            int maxTurns,
            Double temperature,
            int maxOutputTokens,
            Prices prices) {}

    private final Settings settings;
    private final ChatClient client;
    private final String description;

    private OpenAiChatHarness(Settings settings, ChatClient client, String description) {
        this.settings = settings;
        this.client = client;
        this.description = description;
    }

    /** A builder; {@link Builder#model} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        return new ChatSession(settings, client, ctx).run();
    }

    /** {@code openai:<model>}. */
    @Override
    public String name() {
        return "openai:" + settings.model();
    }

    /** The model, endpoint and settings (never the API key). */
    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name() + " (" + description + ")";
    }

    /** Options of an {@link OpenAiChatHarness}. */
    @API(status = EXPERIMENTAL)
    public static final class Builder {
        private String baseUrl = "https://api.openai.com/v1";
        private String model;
        private ApiKey key = ApiKey.NONE;
        private String keySource = "none";
        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private final Map<String, TokenPrice> prices = new HashMap<>();
        private TokenPrice price;
        private int maxRetries = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private int maxTurns = 100;
        private Double temperature;
        private int maxOutputTokens;
        private ToolLimits toolLimits = ToolLimits.defaults();

        private Builder() {}

        /** The API's base URL, up to and without {@code /chat/completions}; default {@code https://api.openai.com/v1}. */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The model name the endpoint knows, such as {@code gpt-4o-mini}. */
        public Builder model(String name) {
            this.model = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The API key itself (prefer {@link #apiKeyFromEnv}, which keeps it out of code and command lines). */
        public Builder apiKey(String value) {
            this.key = ApiKey.of(value);
            this.keySource = "given";
            return this;
        }

        /**
         * Reads the API key from the environment variable {@code variable} now.
         *
         * @throws IllegalStateException naming the variable when it is not set
         */
        public Builder apiKeyFromEnv(String variable) {
            return apiKeyFromEnv(variable, System::getenv);
        }

        /**
         * Reads the API key from the variable {@code variable} of {@code environment} (a map's
         * {@code get}, a secret store) now.
         *
         * @throws IllegalStateException naming the variable when it has no value
         */
        public Builder apiKeyFromEnv(String variable, UnaryOperator<String> environment) {
            String value = environment.apply(Objects.requireNonNull(variable, "variable"));
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(
                        "the environment variable " + variable + " that should hold the API key" + " is not set");
            }
            this.key = ApiKey.of(value);
            this.keySource = "$" + variable;
            return this;
        }

        /** The system prompt; default {@link #DEFAULT_SYSTEM_PROMPT}. */
        public Builder systemPrompt(String prompt) {
            this.systemPrompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** The price of the configured model's tokens. Without a price, cost is recorded as 0 (with a warning). */
        public Builder price(TokenPrice value) {
            this.price = Objects.requireNonNull(value, "value");
            return this;
        }

        /** A price table by model name (as configured, or as the server reports it in responses). */
        public Builder prices(Map<String, TokenPrice> table) {
            prices.putAll(table);
            return this;
        }

        /**
         * Retries of a rate limit (429), a server error (5xx) or a broken connection: at most {@code max}
         * (default 4), waiting {@code initialBackoff} (default 1 s), then twice as long each time up to 30 s,
         * or what the server's {@code Retry-After} says; never past the session's deadline.
         */
        public Builder retries(int max, Duration initial) {
            if (max < 0 || max > 20) {
                throw new IllegalArgumentException("retries must be between 0 and 20, got " + max);
            }
            if (initial.isNegative()) {
                throw new IllegalArgumentException("the initial backoff must be >= 0");
            }
            this.maxRetries = max;
            this.initialBackoff = initial;
            return this;
        }

        /** The longest one request may take (shortened to the session's deadline); default 5 minutes. */
        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the request timeout must be positive");
            }
            this.requestTimeout = timeout;
            return this;
        }

        /** The most model calls in one session, whatever the task's caps; default 100. */
        public Builder maxTurns(int turns) {
            this.maxTurns = atLeastOne("maxTurns", turns);
            return this;
        }

        /** The sampling temperature sent with each request; by default none is sent (the server's default). */
        public Builder temperature(double value) {
            if (!(value >= 0 && value <= 2)) {
                throw new IllegalArgumentException("temperature must be between 0 and 2, got " + value);
            }
            this.temperature = value;
            return this;
        }

        /** The most tokens of one response ({@code max_tokens}); by default none is sent. */
        public Builder maxOutputTokens(int tokens) {
            this.maxOutputTokens = atLeastOne("maxOutputTokens", tokens);
            return this;
        }

        private static int atLeastOne(String option, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be >= 1, got " + value);
            }
            return value;
        }

        /** The caps of the tool kit; default {@link ToolLimits#defaults()}. */
        public Builder toolLimits(ToolLimits limits) {
            this.toolLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * The harness.
         *
         * @throws IllegalStateException without a model
         * @throws IllegalArgumentException for a base URL that is not http(s), or that carries user info
         */
        public OpenAiChatHarness build() {
            if (model == null || model.isBlank()) {
                throw new IllegalStateException("no model: call model(...)");
            }
            URI endpoint = endpoint(baseUrl);
            Map<String, TokenPrice> table = new HashMap<>(prices);
            if (price != null) {
                table.put(model, price);
            }
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            ChatClient client = new ChatClient(
                    http,
                    endpoint,
                    key,
                    new ChatClient.Retries(maxRetries, initialBackoff, maxBackoff, requestTimeout));
            Settings settings = new Settings(
                    model, systemPrompt, toolLimits, maxTurns, temperature, maxOutputTokens, new Prices(table));
            String description = String.format(
                    Locale.ROOT,
                    "model=%s, base-url=%s, api-key=%s, max-turns=%d, retries=%d%s",
                    model,
                    baseUrl,
                    keySource,
                    maxTurns,
                    maxRetries,
                    price == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", price=%s/%s USD per M tokens",
                                    price.inputUsdPerMillion(),
                                    price.outputUsdPerMillion()));
            return new OpenAiChatHarness(settings, client, description);
        }

        private static URI endpoint(String baseUrl) {
            URI base;
            try {
                base = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base URL '" + baseUrl + "' is not a URL: " + e.getReason());
            }
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
                throw new IllegalArgumentException("base URL '" + baseUrl + "' must be an http:// or https:// URL");
            }
            if (base.getRawUserInfo() != null || base.getRawQuery() != null) {
                throw new IllegalArgumentException("base URL must carry no user info or query (the key goes in"
                        + " apiKeyFromEnv), got a URL with one");
            }
            String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            return base.resolve(path + "/chat/completions");
        }
    }
}
