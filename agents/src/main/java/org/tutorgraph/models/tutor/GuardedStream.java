package org.tutorgraph.models.tutor;

import org.tutorgraph.models.call.ModelGateway;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams a tutor message below bottom-out through the answer-leak guard, a sentence at a time. Tokens are held in a
 * buffer; whenever the buffer holds a complete sentence, the text shown so far plus that sentence is checked, and the
 * sentence is released to the student only if the whole is clean. The first leak stops the stream: the leaking
 * sentence and everything after it are never shown.
 *
 * <p>So the student sees the words as they come (a sentence late), and never a prefix the guard has not passed as a
 * whole. The guard sees exactly what the student would see at each release, never less. A leak that only appears
 * once a later sentence completes it is caught there, before that sentence is shown.
 *
 * <p>Cost: one guard check per sentence over the text so far, O(sentences × message length) characters scanned.
 */
public final class GuardedStream implements ModelGateway.TokenSink {

    private final Predicate<String> leaks;
    private final Consumer<String> out;
    private final StringBuilder shown = new StringBuilder();
    private final StringBuilder held = new StringBuilder();
    private boolean leaked;

    /**
     * @param leaks whether a message would reveal a protected answer (the guard, at this rung)
     * @param out   receives each released piece, in order
     */
    public GuardedStream(Predicate<String> leaks, Consumer<String> out) {
        this.leaks = leaks;
        this.out = out;
    }

    @Override
    public boolean accept(String token) {
        if (leaked) return false;
        held.append(token);
        int end = lastSentenceEnd(held);
        if (end > 0) release(end);
        return !leaked;
    }

    /** The stream ended: checks and releases what is still held. */
    public void finish() {
        if (!leaked && !held.isEmpty()) release(held.length());
    }

    /** Everything released to the student. */
    public String shown() {
        return shown.toString();
    }

    /** Whether a leak stopped the stream. */
    public boolean leaked() {
        return leaked;
    }

    private void release(int end) {
        String piece = held.substring(0, end);
        if (leaks.test(shown + piece)) {
            leaked = true;
            held.setLength(0);
            return;
        }
        held.delete(0, end);
        shown.append(piece);
        out.accept(piece);
    }

    /**
     * The index just after the last complete sentence in {@code text} (after its closing punctuation and the white
     * space that follows), or 0. A sentence ends at '.', '!', '?' or '…' followed by white space, or at a line break:
     * "0.5" or "x.y" do not end one, so a number is never split.
     */
    static int lastSentenceEnd(CharSequence text) {
        for (int i = text.length() - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') return i + 1;
            if (Character.isWhitespace(c)) {
                char p = text.charAt(i - 1);
                if (p == '.' || p == '!' || p == '?' || p == '…') {
                    int j = i;
                    while (j < text.length() && Character.isWhitespace(text.charAt(j))) j++;
                    // the white space must be complete: the next non-space character has arrived
                    if (j < text.length()) return j;
                }
            }
        }
        return 0;
    }
}
