package org.tutorgraph.learner;

/**
 * The contract between the event log and the mastery view: an event of type {@value #TYPE} carries a JSON object
 * with the fields {@value #CONCEPT} (string), {@value #POSTERIOR} (number in [0, 1]) and {@value #EVIDENCE} (integer).
 * The store folds these into the view as they are appended and when the view is rebuilt; every other event type is
 * stored and replayed but does not touch the view.
 */
public final class MasteryEvents {
    public static final String TYPE = "MasteryUpdated";
    public static final String CONCEPT = "concept";
    public static final String POSTERIOR = "posterior";
    public static final String EVIDENCE = "evidence";

    private MasteryEvents() {
    }
}
