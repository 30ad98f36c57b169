package dev.ale.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calls the run's listeners, shielding the run from them: a listener that throws is reported once
 * in the warnings and keeps being called.
 */
final class Listeners {
    private final List<EvaluationListener> listeners;
    private final Map<EvaluationListener, Boolean> reported = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    Listeners(List<EvaluationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void warn(String warning) {
        warnings.add(warning);
        RunLog.warning(warning);
    }

    List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    void runResumed(int alreadyDone, int attempts) {
        RunLog.resumed(alreadyDone, attempts);
        each(l -> l.runResumed(alreadyDone, attempts), "runResumed");
    }

    void runStarted(int attempts) {
        each(l -> l.runStarted(attempts), "runStarted");
    }

    void attemptStarted(String taskId, int trial) {
        each(l -> l.attemptStarted(taskId, trial), "attemptStarted");
    }

    void sessionStarted(String taskId, int trial, int session) {
        each(l -> l.sessionStarted(taskId, trial, session), "sessionStarted");
    }

    void attemptFinished(AttemptResult result) {
        RunLog.attemptFinished(result);
        each(l -> l.attemptFinished(result), "attemptFinished");
    }

    void runFinished(EvaluationReport report) {
        RunLog.finished(report);
        each(l -> l.runFinished(report), "runFinished");
    }

    private void each(Consumer<EvaluationListener> call, String event) {
        for (EvaluationListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                if (reported.putIfAbsent(l, Boolean.TRUE) == null) {
                    warn("listener " + l.getClass().getName() + " threw in " + event + ": " + Describe.throwable(e)
                            + " (reported once; the run went on)");
                }
            }
        }
    }
}
