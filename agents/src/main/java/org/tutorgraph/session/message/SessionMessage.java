package org.tutorgraph.session.message;

/**
 * Everything that happens in a tutoring session, as plain records: what the student typed, what each agent proposed,
 * what the learner model applied. The learner model changes only by applying these; every message of a session is
 * stored in order (one transaction per student turn) as an event whose type is the record's simple name and whose
 * payload is its JSON ({@link MessageCodec}). Replaying a learner's events therefore rebuilds the learner model
 * exactly, which is how a session resumes.
 *
 * <p>Messages carry no clock time (the store stamps each event): the same student turns give the same messages, and
 * a replay gives the same state, whenever it runs.
 */
public sealed interface SessionMessage permits SessionStarted, SessionResumed, StudentTurn, GoalsSet, DiagnosisStarted,
        DiagnosticQuestion, AnswerGraded, MasteryUpdated, DiagnosisCompleted, PlanAdopted, TeachStep, HintGiven,
        TutorReply, ConceptSkipped, ConceptCompleted, PlanFinished, ModelNotice, SessionEnded {

    /** The event type this message is stored under: the record's simple name. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
