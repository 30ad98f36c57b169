package dev.ale.samples.openai;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.api.Harness;
import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.tools.openai.OpenAiChatHarness;
import dev.ale.tools.openai.TokenPrice;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A model behind any OpenAI-compatible server (OpenAI itself, a vLLM or llama.cpp server, Ollama,
 * LiteLLM) as a harness class, configured from the environment so that the {@code ale} command can
 * load it by name:
 *
 * <pre>
 * OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_MODEL=qwen2.5:7b \
 *     ./ale run samples/packs/starter --harness dev.ale.samples.openai.OpenAiCompatibleAgent --sandbox local
 * </pre>
 *
 * {@code OPENAI_API_KEY} is sent when set (local servers need none). It delegates to
 * {@link OpenAiChatHarness} with a price table, so the tasks' cost caps apply; in a local-directory
 * sandbox the model also gets {@code run_command}.
 */
@API(status = EXPERIMENTAL)
public final class OpenAiCompatibleAgent implements Harness {
    /** USD per million input and output tokens of a few models; add the ones you use. */
    static final Map<String, TokenPrice> PRICES =
            Map.of("gpt-4o-mini", new TokenPrice(0.15, 0.60), "gpt-4.1", new TokenPrice(2.00, 8.00));

    private final OpenAiChatHarness model;

    /** Reads {@code OPENAI_BASE_URL} (default the OpenAI API), {@code OPENAI_MODEL} (required) and {@code OPENAI_API_KEY}. */
    public OpenAiCompatibleAgent() {
        this(
                Objects.requireNonNullElse(System.getenv("OPENAI_BASE_URL"), "https://api.openai.com/v1"),
                required("OPENAI_MODEL"),
                System.getenv("OPENAI_API_KEY"));
    }

    /** The model {@code model} at {@code baseUrl}; {@code apiKey} may be null (local servers). */
    public OpenAiCompatibleAgent(String baseUrl, String model, String apiKey) {
        OpenAiChatHarness.Builder b = OpenAiChatHarness.builder()
                .baseUrl(baseUrl)
                .model(model)
                .prices(PRICES)
                .maxTurns(60);
        if (apiKey != null && !apiKey.isBlank()) {
            b.apiKey(apiKey);
        }
        this.model = b.build();
    }

    @Override
    public SessionOutcome run(SessionContext ctx) throws Exception {
        return model.run(ctx);
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String description() {
        return model.description();
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "set " + variable + " to the model's name (and OPENAI_BASE_URL to the server)");
        }
        return value;
    }
}
