package org.tutorgraph.learner;

/** A store could not be opened, read or written; the message says which store and what failed, never a secret. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
