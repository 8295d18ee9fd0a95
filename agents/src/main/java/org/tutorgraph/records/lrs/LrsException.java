package org.tutorgraph.records.lrs;

/**
 * A push to the Learning Record Store stopped: the message says what the LRS answered and what to do (and never
 * carries credentials); {@link #pushed()} tells how far the push got.
 */
public final class LrsException extends Exception {

    private final transient LrsClient.Report pushed;

    public LrsException(String message, LrsClient.Report pushed) {
        super(message);
        this.pushed = pushed;
    }

    /** What was stored before the push stopped. */
    public LrsClient.Report pushed() {
        return pushed;
    }
}
