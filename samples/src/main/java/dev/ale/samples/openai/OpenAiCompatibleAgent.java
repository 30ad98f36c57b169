package dev.ale.samples.openai;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.ale.core.EvaluationReport;
import dev.ale.core.Evaluator;
import dev.ale.core.Sandboxes;
import dev.ale.taskpack.TaskFilter;
import dev.ale.taskpack.TaskPack;
import dev.ale.taskpack.TaskPacks;
import dev.ale.tools.openai.OpenAiChatHarness;
import dev.ale.tools.openai.TokenPrice;
import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A model behind any OpenAI-compatible server (OpenAI itself, a vLLM or llama.cpp server, Ollama,
 * LiteLLM) evaluated on a pack with {@link OpenAiChatHarness}:
 *
 * <pre>
 * java ... dev.ale.samples.openai.OpenAiCompatibleAgent samples/packs/starter http://127.0.0.1:11434/v1 qwen2.5:7b [select]
 * </pre>
 *
 * The API key, when the server wants one, is read from {@code OPENAI_API_KEY}. Sandboxes are local
 * directories, so the model also gets {@code run_command}.
 */
@API(status = EXPERIMENTAL)
public final class OpenAiCompatibleAgent {
    private OpenAiCompatibleAgent() {}

    /** {@code <pack> <base-url> <model> [select]}: runs the pack (or the selection) and prints the summary. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: OpenAiCompatibleAgent <pack> <base-url> <model> [select, such as list:smoke]");
            System.exit(2);
        }
        try (TaskPack pack = TaskPacks.open(Path.of(args[0]))) {
            TaskPack tasks = args.length > 3 ? pack.select(TaskFilter.parse(args[3])) : pack;
            System.out.println(evaluate(tasks, args[1], args[2], System.getenv("OPENAI_API_KEY"))
                    .summary());
        }
    }

    /** Runs {@code tasks} with the model {@code model} at {@code baseUrl}; {@code apiKey} may be null (local servers). */
    public static EvaluationReport evaluate(TaskPack tasks, String baseUrl, String model, String apiKey) {
        OpenAiChatHarness.Builder agent = OpenAiChatHarness.builder()
                .baseUrl(baseUrl)
                .model(model)
                // USD per million tokens, so the tasks' cost caps apply; add the models you use
                .prices(Map.of("gpt-4o-mini", new TokenPrice(0.15, 0.60), "gpt-4.1", new TokenPrice(2.00, 8.00)))
                .maxTurns(60);
        if (apiKey != null && !apiKey.isBlank()) {
            agent.apiKey(apiKey);
        }
        return Evaluator.builder()
                .tasks(tasks)
                .harness(agent.build())
                .sandboxProvider(Sandboxes.localDirectory())
                .parallelism(2)
                .build()
                .run();
    }
}
