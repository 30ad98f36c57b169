package dev.ale.verifiers.internal.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.CancellationException;
import org.apiguardian.api.API;

/**
 * Text for regular-expression matching that stops the match when the verifying thread is
 * interrupted (as the runner does at a verifier's deadline), so a pathological pattern over a
 * large output cannot hold a thread forever. One instance per match; not shared.
 */
@API(status = INTERNAL)
public final class Interruptible implements CharSequence {
    private final CharSequence text;
    private int reads;

    public Interruptible(CharSequence text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("regular expression matching interrupted");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Interruptible(text.subSequence(start, end));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
