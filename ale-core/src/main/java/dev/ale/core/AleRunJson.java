package dev.ale.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ale.api.Cause;
import dev.ale.api.Outcome;

/**
 * The {@code run.json} and {@code eval_result.json} that ALE's runner writes for one run, built from
 * an attempt. Field names and values follow {@code ale_run} (rdi-berkeley/agents-last-exam):
 * {@code run.json} is {@code _build_run_meta} of {@code ale_run/orchastration/lifecycle.py}
 * (schema_version 2), its {@code status} values and {@code termination.error} those of
 * {@code run_one_unit} there and of {@code err_dict} in {@code ale_run/orchastration/termination.py};
 * {@code eval_result.json} is {@code RunWriter.write_eval_result} of
 * {@code ale_run/orchastration/run_writer.py}.
 */
final class AleRunJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AleRunJson() {}

    /** ALE's {@code status}: completed, timeout, failed or cancelled (how the run ended, not the score). */
    static String status(AttemptResult a) {
        if (a.outcome() == Outcome.ERROR) {
            return "failed";
        }
        return switch (a.cause()) {
            case TIMEOUT -> "timeout";
            case HARNESS_ERROR, BUDGET -> "failed";
            case CANCELLED -> "cancelled";
            default -> "completed";
        };
    }

    /** ALE's {@code eval_status}: success when a verdict was given, failed when the verifier failed, else not_executed. */
    static String evalStatus(AttemptResult a) {
        if (a.cause() == Cause.VERIFIER) {
            return "failed";
        }
        return scored(a) ? "success" : "not_executed";
    }

    /** Whether the verifier gave a verdict (the runner fills in an empty "not scored: ..." one when it did not). */
    static boolean scored(AttemptResult a) {
        return a.outcome() != Outcome.ERROR
                && !(a.verdict().checks().isEmpty() && a.verdict().summary().startsWith("not scored: "));
    }

    /** The trajectory's {@code final_metrics.status}: how the agent's own run ended (completed, timeout, failed). */
    static String agentStatus(AttemptResult a) {
        return switch (a.cause()) {
            case TIMEOUT -> "timeout";
            case HARNESS_ERROR, BUDGET, CANCELLED -> "failed";
            default -> "completed";
        };
    }

    /** {@code eval_result.json}: eval_status, score, eval_duration_s, error. */
    static ObjectNode evalResult(AttemptResult a) {
        ObjectNode n = F.objectNode();
        n.put("eval_status", evalStatus(a));
        putScore(n, a);
        n.putNull("eval_duration_s");
        if (a.cause() == Cause.VERIFIER) {
            n.set("error", error(a));
        } else {
            n.putNull("error");
        }
        return n;
    }

    /** {@code run.json}, ALE's schema_version 2. */
    static ObjectNode run(
            AttemptResult a,
            AleResults.Slugs slugs,
            String harness,
            String sandbox,
            String timestampUtc,
            ObjectNode usage) {
        ObjectNode n = F.objectNode();
        n.put("schema_version", 2);
        n.put("run_id", slugs.runId());
        n.put("timestamp_utc", timestampUtc);
        ObjectNode agent = n.putObject("agent");
        agent.put("id", harness).put("class", harness).put("name", harness).putNull("version");
        agent.putNull("model");
        agent.put("runtime", sandbox);
        agent.putObject("config_repr");
        ObjectNode task = n.putObject("task");
        task.put("slug", slugs.task()).put("path", "tasks/" + a.taskId()).put("variant_index", 0);
        String status = status(a);
        n.put("status", status);
        putScore(n, a);
        ObjectNode termination = n.putObject("termination");
        termination.put("reason", status);
        if (status.equals("completed")) {
            termination.putNull("phase");
        } else {
            termination.put("phase", phase(a));
        }
        termination.putNull("category");
        if (status.equals("completed") || status.equals("timeout")) {
            termination.putNull("error");
        } else {
            termination.set("error", error(a));
        }
        n.putObject("timings").put("duration_s", Math.round(a.duration().toMillis() / 10.0) / 100.0);
        if (usage == null) {
            n.putNull("usage");
        } else {
            n.set("usage", usage);
        }
        ObjectNode sdk = n.putObject("sdk");
        sdk.put("taskId", a.taskId()).put("taskDigest", a.taskDigest()).put("trial", a.trial());
        sdk.put("outcome", a.outcome().name()).put("cause", a.cause().name());
        sdk.putObject("pack")
                .put("name", a.pack().name())
                .put("version", a.pack().version())
                .put("digest", a.pack().digest());
        return n;
    }

    /** ALE's phase names ({@code env.set_phase} in lifecycle.py) for where an attempt that did not complete stopped. */
    private static String phase(AttemptResult a) {
        return switch (a.cause()) {
            case SANDBOX -> "stage_inputs";
            case PACK -> a.message().contains("reference") ? "stage_reference" : "stage_inputs";
            case VERIFIER -> "evaluation";
            default -> "agent_run";
        };
    }

    /** ALE's {@code err_dict}: type, message, traceback (the SDK has the cause and its message). */
    private static ObjectNode error(AttemptResult a) {
        return F.objectNode()
                .put("type", a.cause().name())
                .put("message", a.message())
                .put("traceback", a.message());
    }

    private static void putScore(ObjectNode n, AttemptResult a) {
        if (scored(a)) {
            n.put("score", a.score());
        } else {
            n.putNull("score");
        }
    }
}
