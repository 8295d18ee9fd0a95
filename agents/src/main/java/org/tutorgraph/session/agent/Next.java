package org.tutorgraph.session.agent;

/** What a turn does after an agent acted. */
public enum Next {
    /** The agent asked the learner something: the turn ends and waits for the next input. */
    AWAIT_STUDENT,
    /** The agent is done for now: the orchestrator routes again. */
    ROUTE_AGAIN
}
