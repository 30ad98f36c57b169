package dev.ale.process;

import dev.ale.api.SessionContext;
import dev.ale.api.SessionOutcome;
import dev.ale.api.Step;
import dev.ale.api.Usage;
import dev.ale.process.internal.AgentProtocol;
import dev.ale.process.internal.LineReader;
import dev.ale.process.internal.OutputCapture;
import dev.ale.process.internal.Slot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request of a {@link PersistentCommandHarness} on one of its processes, from handing over the
 * workspace to giving it back: the hello (for a new process), the task line, the wait for the
 * answer until the attempt's deadline, and what becomes of the process (back to the pool after an
 * answer by the rules; killed and replaced after anything else).
 */
final class AgentRequest {
    private final AgentPool pool;
    private final AgentProcess process;
    private final SessionContext ctx;
    private final OutputCapture stderr;
    private final String who;
    private final long id;
    private final String attempt;
    private final boolean fresh;
    private boolean moved;

    AgentRequest(AgentPool pool, AgentProcess process, boolean fresh, SessionContext ctx, long id, String attempt) {
        this.fresh = fresh;
        this.pool = pool;
        this.process = process;
        this.ctx = ctx;
        this.id = id;
        this.attempt = attempt;
        this.stderr = new OutputCapture(ctx, "stderr", PersistentCommandHarness.CAPTURE_BYTES);
        this.who = "attempt " + attempt + " (task " + ctx.task().id() + ", session " + ctx.session() + ", request " + id
                + ", persistent process " + process.number() + ")";
    }

    /** Says hello to a new process and waits for it to be ready; null when it is, else how the session ends. */
    @Nullable
    SessionOutcome hello() throws PersistentAgentException {
        process.stderrTo(stderr);
        try {
            process.send(AgentProtocol.hello(process.number()));
            LineReader.Event e = process.next(ctx.deadline(), ctx::cancelled);
            if (e == null) {
                return killed(
                        ctx.cancelled()
                                ? "killed: the attempt was cancelled"
                                : "killed at the deadline (the agent never answered hello)");
            }
            byte[] line = line(e, "hello");
            try {
                AgentProtocol.ready(line);
            } catch (AgentProtocol.Violation v) {
                throw broken("its answer to hello breaks the protocol: " + v.getMessage());
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return killed("killed: the harness was interrupted");
        }
    }

    /**
     * Sends the task, waits for its answer and gives the workspace back; null when a process that
     * had served earlier requests answered one of those instead (it answered one twice): it was
     * replaced, and the request should go to another process.
     */
    @Nullable
    SessionOutcome run() throws PersistentAgentException {
        process.stderrTo(stderr);
        Path workspace = ctx.workspace();
        try {
            Optional<Slot> slot = process.slot();
            if (slot.isPresent()) {
                moved = true; // from here on, whatever has moved goes back
                try {
                    slot.get().moveIn(workspace);
                } catch (IOException e) {
                    process.kill();
                    abandon();
                    throw new PersistentAgentException(
                            who + ": the workspace could not be handed to the process: " + e.getMessage(), e);
                }
            }
            process.send(AgentProtocol.task(id, attempt, ctx, process.workspaceFor(workspace)));
            LineReader.Event e = process.next(ctx.deadline(), ctx::cancelled);
            if (e == null) {
                return killed(ctx.cancelled() ? "killed: the attempt was cancelled" : "killed at the deadline");
            }
            AgentProtocol.Answer answer;
            byte[] line = line(e, "the task");
            try {
                answer = AgentProtocol.answer(line, id, ctx.session());
            } catch (AgentProtocol.Violation v) {
                if (!fresh && AgentProtocol.answersEarlier(line, id)) {
                    process.kill();
                    abandon();
                    return null;
                }
                throw broken("its answer breaks the protocol: " + v.getMessage());
            }
            try {
                giveBack();
            } finally {
                finish();
            }
            pool.release(process);
            record(answer);
            if (answer.done()) {
                return SessionOutcome.completed();
            }
            return SessionOutcome.gaveUp(answer.message().isEmpty() ? "the agent answered failed" : answer.message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return killed("killed: the harness was interrupted");
        }
    }

    private byte[] line(LineReader.Event e, String what) throws PersistentAgentException, InterruptedException {
        return switch (e.kind()) {
            case LINE -> e.bytes();
            case TOO_LONG -> throw broken("it wrote a line over " + AgentProtocol.MAX_LINE_BYTES
                    + " bytes on stdout; rule: a line of the protocol is at most " + AgentProtocol.MAX_LINE_BYTES
                    + " bytes (PersistentCommandHarness.MAX_LINE_BYTES)");
            case FLOOD -> throw broken(
                    "it wrote more lines on stdout than it was asked for; rule: one answer line per request");
            case END -> throw exited(what);
        };
    }

    private void record(AgentProtocol.Answer answer) {
        for (Step s : answer.steps()) {
            ctx.trajectory().record(s);
        }
        Usage u = answer.usage();
        if (!u.equals(Usage.ZERO)) {
            ctx.trajectory().usage(u.inputTokens(), u.outputTokens(), u.costUsd());
        }
    }

    /** Kills the process, gives the workspace back, and ends the session as given up. */
    private SessionOutcome killed(String why) throws PersistentAgentException {
        process.kill();
        abandon();
        return SessionOutcome.gaveUp(why);
    }

    private PersistentAgentException exited(String what) throws InterruptedException {
        process.kill();
        Optional<Integer> code = process.exitCode();
        try {
            abandon();
        } catch (PersistentAgentException e) {
            return e;
        }
        String tail = stderr.tail();
        return new PersistentAgentException(who + ": the agent process exited"
                + code.map(c -> " (code " + c + ")").orElse("") + " before answering " + what
                + (tail.isEmpty() ? "" : "; its stderr ended: " + tail));
    }

    private PersistentAgentException broken(String rule) {
        process.kill();
        try {
            abandon();
        } catch (PersistentAgentException p) {
            return p;
        }
        return new PersistentAgentException(who + ": " + rule + "; the process was killed and will be replaced");
    }

    /** After the process was killed: the workspace back to the attempt, the process out of the pool. */
    private void abandon() throws PersistentAgentException {
        try {
            giveBack();
        } finally {
            finish();
            pool.discard(process);
        }
    }

    private void giveBack() throws PersistentAgentException {
        if (!moved) {
            return;
        }
        moved = false;
        try {
            process.slot().orElseThrow().moveOut(ctx.workspace());
        } catch (IOException e) {
            pool.discard(process);
            throw new PersistentAgentException(who + ": the workspace could not be given back: " + e.getMessage(), e);
        }
    }

    private void finish() {
        process.stderrTo(null);
        stderr.finish();
    }
}
