package org.tutorgraph.models.call;

/** A stream that ended (the connection closed cleanly) before the protocol's final event. */
public final class StreamCutOffException extends RuntimeException {
    public StreamCutOffException(String message) {
        super(message, null, false, false);
    }
}
