package org.tutorgraph.learner;

/** A learner's session lease is held by another session; the message names the holder as far as it is known. */
public class SessionBusyException extends StoreException {

    private final transient LearnerId learner;

    public SessionBusyException(LearnerId learner, String holder) {
        super("learner " + learner + " is in another session (" + holder + "); finish that session first");
        this.learner = learner;
    }

    public LearnerId learner() {
        return learner;
    }
}
