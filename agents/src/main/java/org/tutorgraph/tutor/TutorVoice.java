package org.tutorgraph.tutor;

/**
 * The port through which the tutor's words are produced: the offline voice ({@link OfflineVoice}) phrases authored
 * rungs with templates; a model-backed voice plugs in here later. Whatever it says below bottom-out passes the
 * answer-leak guard ({@link GuardedVoice}).
 */
public interface TutorVoice {

    /** The message for this turn. */
    String phrase(Phrasing request);

    /**
     * Whether asking again can give a different message (a model can be asked again with a firmer instruction, the
     * offline templates cannot). When true, a leaking message is regenerated once before falling back to the authored rung.
     */
    default boolean canRegenerate() {
        return false;
    }
}
