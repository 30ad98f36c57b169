package dev.ale.verifiers.internal;

import java.util.concurrent.CancellationException;

/**
 * Text for regular-expression matching that stops the match when the verifying thread is
 * interrupted (as the runner does at a verifier's deadline), so a pathological pattern over a
 * large output cannot hold a thread forever. One instance per match; not shared.
 */
final class Interruptible implements CharSequence {
    private final CharSequence text;
    private int reads;

    Interruptible(CharSequence text) {
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
