package org.tutorgraph.records.xapi;

/**
 * The IRIs the xAPI export uses: ADL verbs and activity types (the xAPI vocabulary everyone reads), one verb of the
 * Tin Can registry where ADL has none (skipped), and tutorgraph's own extension keys. Extension keys are URNs: they
 * name a meaning, not a place, so they stay the same whatever activity base a school chooses.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    static final String ADL_VERBS = "http://adlnet.gov/expapi/verbs/";
    static final String ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/";

    /** The verbs, with their English display. */
    public enum Verb {
        /** A chat began. */
        INITIALIZED(ADL_VERBS + "initialized", "initialized"),
        /** A chat continued progress made in an earlier one. */
        RESUMED(ADL_VERBS + "resumed", "resumed"),
        /** The tutor presented an item and the learner started on it. */
        ATTEMPTED(ADL_VERBS + "attempted", "attempted"),
        /** The learner answered a question (diagnosis or practice). */
        ANSWERED(ADL_VERBS + "answered", "answered"),
        /** The learner asked for a hint. */
        ASKED(ADL_VERBS + "asked", "asked"),
        /** The learner was shown a hint after a wrong answer, without asking. */
        EXPERIENCED(ADL_VERBS + "experienced", "experienced"),
        /** Knowledge tracing moved a concept's mastery. */
        PROGRESSED(ADL_VERBS + "progressed", "progressed"),
        /** A concept reached the mastery threshold. */
        MASTERED(ADL_VERBS + "mastered", "mastered"),
        /** A concept's practice, the diagnosis or the plan is over (result.success says how it went). */
        COMPLETED(ADL_VERBS + "completed", "completed"),
        /** The learner skipped a concept for now. */
        SKIPPED("http://id.tincanapi.com/verb/skipped", "skipped"),
        /** A chat ended cleanly. */
        TERMINATED(ADL_VERBS + "terminated", "terminated");

        public final String iri;
        public final String display;

        Verb(String iri, String display) {
            this.iri = iri;
            this.display = display;
        }
    }

    /** Activity types. */
    static final String COURSE = ADL_ACTIVITIES + "course";
    static final String OBJECTIVE = ADL_ACTIVITIES + "objective";
    static final String QUESTION = ADL_ACTIVITIES + "cmi.interaction";
    static final String ASSESSMENT = ADL_ACTIVITIES + "assessment";

    /** Prefix of tutorgraph's extension keys. */
    public static final String EXTENSION = "urn:tutorgraph:xapi:";

    /** The session id the statement comes from (context). */
    public static final String SESSION = EXTENSION + "session";
    /** The event's position in the learner's log (context). */
    public static final String SEQ = EXTENSION + "seq";
    /** {@code diagnosis} or {@code practice} (context of answers). */
    public static final String PHASE = EXTENSION + "phase";
    /** The hint ladder's rung when the learner acted: {@code {"level": 0..4, "rung": "ORIENT"…}} (context). */
    public static final String HINT_RUNG = EXTENSION + "hint-rung";
    /** Mastery (P(mastered)) of the concepts concerned before the event: {@code {concept: p}} (context). */
    public static final String MASTERY_BEFORE = EXTENSION + "mastery-before";
    /** Mastery of the same concepts after the event's turn was traced (context). */
    public static final String MASTERY_AFTER = EXTENSION + "mastery-after";
    /** The plan step being worked on: {@code {"number", "of", "concept"}} (context). */
    public static final String PLAN_STEP = EXTENSION + "plan-step";
    /** The grading: {@code CORRECT}, {@code INCORRECT}, {@code NO_ANSWER}, {@code AMBIGUOUS}, {@code UNREADABLE} (result). */
    public static final String VERDICT = EXTENSION + "verdict";
    /** The misconception the answer matched (result). */
    public static final String MISCONCEPTION = EXTENSION + "misconception";
    /** Who graded: {@code CHECKER}, {@code MODEL}, {@code NONE} (result). */
    public static final String GRADED_BY = EXTENSION + "graded-by";
    /** Graded answers behind a mastery value, and how many were right: {@code {"answers", "correct"}} (result). */
    public static final String EVIDENCE = EXTENSION + "evidence";
    /** What moved the mastery: {@code DIAGNOSIS} or {@code PRACTICE} (context). */
    public static final String CAUSE = EXTENSION + "cause";
    /** Why a concept's practice is over: {@code MASTERED}, {@code ITEMS_EXHAUSTED}, {@code NO_ITEMS} (result). */
    public static final String OUTCOME = EXTENSION + "outcome";
    /** Why the tutor presented this item: {@code NEW_CONCEPT}, {@code NEXT_ITEM}, {@code RETURN_TO_SKIPPED} (context). */
    public static final String REASON = EXTENSION + "reason";
    /** Where a resumed session picked up: phase, concept, item, ladder level (context). */
    public static final String RESUMED_AT = EXTENSION + "resumed-at";
    /** The diagnosis' outcome: questions, concepts judged mastered, its own accuracy estimate (result). */
    public static final String DIAGNOSIS = EXTENSION + "diagnosis";
    /** The goals of the plan: concept ids (result of a finished plan). */
    public static final String GOALS = EXTENSION + "goals";
}
