package org.tutorgraph.session.model;

import org.tutorgraph.session.message.DiagnosticQuestion;

/**
 * Where the course's diagnosis stands.
 *
 * @param status      none yet, running, or done
 * @param fingerprint the course content it was made on ("" before any)
 * @param seed        the seed of the running or last diagnosis
 * @param budget      its question budget
 * @param answered    questions answered so far in it
 * @param pending     the question asked and not answered yet, or null
 * @param started     how many diagnoses this course has started (seeds the next one)
 */
public record DiagnosisProgress(Status status, String fingerprint, long seed, int budget, int answered,
                                DiagnosticQuestion pending, int started) {

    /** The diagnosis' state. */
    public enum Status { NONE, RUNNING, DONE }

    public static final DiagnosisProgress NONE = new DiagnosisProgress(Status.NONE, "", 0, 0, 0, null, 0);

    /** Whether a finished diagnosis was made on other content than {@code currentFingerprint} (an edited pack). */
    public boolean staleFor(String currentFingerprint) {
        return status != Status.NONE && !fingerprint.equals(currentFingerprint);
    }
}
