package org.tutorgraph.tutor;

import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.Rung;

import java.util.Objects;
import java.util.Optional;

/**
 * The hint ladder of one item step as a pure state machine (DESIGN §5): attempt (0) → orient (1) → probe (2) →
 * scaffold (3) → bottom-out (4).
 *
 * <ul>
 *   <li>The ladder rises one rung on a wrong answer or a hint request ("I don't know" counts as a request). A wrong
 *       answer that matches one of the item's misconceptions goes straight to the probe rung (at least), where the
 *       misconception's own probe is asked.</li>
 *   <li>Bottom-out (the answer) is shown only once the learner has made {@link LadderPolicy#attemptsBeforeBottomOut}
 *       <em>genuine</em> attempts; until then hint requests stop at scaffold ({@link LadderStep.Outcome#HELD}).
 *       A genuine attempt is one definite answer (graded right or wrong, not ambiguous, not unreadable, not blank
 *       or "idk") that is not the same, by the item's rules, as an earlier wrong answer.</li>
 *   <li>Nothing else moves the ladder: ambiguous or unreadable answers, demands for the answer, instructions to the
 *       tutor, small talk ({@link LadderEvent.Other}). The level never goes down.</li>
 *   <li>A correct answer solves the step; after it is solved or revealed the ladder is closed.</li>
 * </ul>
 * O(1) per event; no I/O.
 */
public final class HintLadder {

    private final LadderPolicy policy;

    public HintLadder(LadderPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LadderPolicy policy() {
        return policy;
    }

    /** The state after {@code event}, and the rung to show. */
    public LadderStep next(LadderState state, LadderEvent event) {
        if (!state.isOpen()) {
            LadderState s = event instanceof LadderEvent.Answered a ? state.saying(a.text()) : state;
            return new LadderStep(s, Optional.empty(), LadderStep.Outcome.CLOSED);
        }
        if (event instanceof LadderEvent.Answered a) return answered(state.saying(a.text()), a);
        if (event instanceof LadderEvent.HintAsked) return climb(state.countingHintRequest(), 0);
        return new LadderStep(state, Optional.empty(), LadderStep.Outcome.STAYED);
    }

    private LadderStep answered(LadderState s, LadderEvent.Answered a) {
        CheckResult r = a.result();
        if (r instanceof CheckResult.Correct) {
            return new LadderStep(s.countingGenuine().withStatus(LadderState.Status.SOLVED), Optional.empty(), LadderStep.Outcome.SOLVED);
        }
        if (r instanceof CheckResult.Incorrect wrong) {
            int floor = wrong.misconception().isPresent() ? Rung.PROBE.level() : 0;
            LadderState counted = a.repeat() ? s : s.countingGenuine().rememberingWrong(a.text());
            return climb(counted, floor);
        }
        if (r instanceof CheckResult.Ambiguous amb && amb.kind() == CheckResult.Ambiguity.NO_ANSWER) {
            return climb(s.countingHintRequest(), 0);
        }
        return new LadderStep(s, Optional.empty(), LadderStep.Outcome.STAYED);
    }

    /** Rises one rung (at least to {@code floor}), never past scaffold before enough genuine attempts. */
    private LadderStep climb(LadderState s, int floor) {
        int cap = s.genuineAttempts() >= policy.attemptsBeforeBottomOut() ? Rung.BOTTOM_OUT.level() : Rung.SCAFFOLD.level();
        int target = Math.min(Math.max(s.level() + 1, floor), cap);
        if (target <= s.level()) return new LadderStep(s, s.rung(), LadderStep.Outcome.HELD);
        LadderState next = s.withLevel(target);
        return new LadderStep(next, next.rung(), LadderStep.Outcome.CLIMBED);
    }
}
