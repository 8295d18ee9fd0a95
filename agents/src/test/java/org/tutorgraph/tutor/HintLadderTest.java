package org.tutorgraph.tutor;

import org.junit.jupiter.api.Test;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.answer.CheckResult.Ambiguity;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.tutor.LadderStep.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HintLadderTest {

    private final HintLadder ladder = new HintLadder(LadderPolicy.DEFAULT);

    private static LadderEvent wrong(String text) {
        return new LadderEvent.Answered(text, CheckResult.Incorrect.plain(), false);
    }

    private static LadderEvent repeat(String text) {
        return new LadderEvent.Answered(text, CheckResult.Incorrect.plain(), true);
    }

    private static LadderEvent hint() {
        return new LadderEvent.HintAsked();
    }

    /** Runs events from the start and returns every step. */
    private List<LadderStep> run(LadderEvent... events) {
        List<LadderStep> steps = new ArrayList<>();
        LadderState s = LadderState.start();
        for (LadderEvent e : events) {
            LadderStep step = ladder.next(s, e);
            steps.add(step);
            s = step.state();
        }
        return steps;
    }

    private static List<String> shown(List<LadderStep> steps) {
        return steps.stream().map(s -> s.shown().map(Rung::key).orElse("-")).toList();
    }

    @Test
    void rungsRiseOneAtATimeInOrderOnWrongAnswers() {
        List<LadderStep> steps = run(wrong("1"), wrong("2"), wrong("3"), wrong("4"));
        assertThat(shown(steps)).containsExactly("orient", "probe", "scaffold", "bottom-out");
        assertThat(steps.get(3).state().status()).isEqualTo(LadderState.Status.REVEALED);
        assertThat(steps).extracting(LadderStep::outcome).containsOnly(Outcome.CLIMBED);
    }

    @Test
    void hintRequestsAloneStopAtScaffold() {
        List<LadderStep> steps = run(hint(), hint(), hint(), hint(), hint());
        assertThat(shown(steps)).containsExactly("orient", "probe", "scaffold", "scaffold", "scaffold");
        assertThat(steps.get(4).outcome()).isEqualTo(Outcome.HELD);
        assertThat(steps.get(4).state().level()).isEqualTo(Rung.SCAFFOLD.level());
        assertThat(steps.get(4).state().hintRequests()).isEqualTo(5);
    }

    @Test
    void bottomOutComesOnlyAfterTheConfiguredGenuineAttempts() {
        List<LadderStep> one = run(hint(), hint(), hint(), wrong("7"), hint());
        assertThat(shown(one)).containsExactly("orient", "probe", "scaffold", "scaffold", "scaffold");
        List<LadderStep> two = run(hint(), hint(), hint(), wrong("7"), wrong("8"));
        assertThat(shown(two)).containsExactly("orient", "probe", "scaffold", "scaffold", "bottom-out");

        HintLadder patient = new HintLadder(new LadderPolicy(3));
        LadderState s = LadderState.start();
        for (String a : List.of("1", "2", "3")) s = patient.next(s, wrong(a)).state();
        assertThat(s.level()).isEqualTo(Rung.SCAFFOLD.level());
        LadderStep fourth = patient.next(s, hint());
        assertThat(fourth.shown()).hasValue(Rung.BOTTOM_OUT);
    }

    @Test
    void repeatsAndNonAnswersAreNotGenuine() {
        List<LadderStep> steps = run(wrong("7"), repeat("7"), repeat("seven"), new LadderEvent.Answered("idk",
                new CheckResult.Ambiguous(Ambiguity.NO_ANSWER, "no answer"), false), hint());
        LadderState last = steps.get(steps.size() - 1).state();
        assertThat(last.genuineAttempts()).isEqualTo(1);
        assertThat(last.level()).isEqualTo(Rung.SCAFFOLD.level());
        assertThat(last.wrongAnswers()).containsExactly("7");
        assertThat(last.said()).containsExactly("7", "7", "seven", "idk");
    }

    @Test
    void ambiguousUnreadableAndEverythingElseNeverMove() {
        List<LadderStep> steps = run(
                new LadderEvent.Answered("5 or 6", new CheckResult.Ambiguous(Ambiguity.SEVERAL_ANSWERS, "two"), false),
                new LadderEvent.Answered("banana", new CheckResult.Unreadable("not a number"), false),
                new LadderEvent.Other(), new LadderEvent.Other());
        assertThat(steps).extracting(LadderStep::outcome).containsOnly(Outcome.STAYED);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.state().level()).isZero();
            assertThat(s.state().genuineAttempts()).isZero();
            assertThat(s.shown()).isEmpty();
        });
    }

    @Test
    void aRecognisedMisconceptionGoesStraightToTheProbe() {
        Misconception m = new Misconception("signs", "ignores signs", List.of("19"), "Same side of zero?");
        List<LadderStep> steps = run(new LadderEvent.Answered("19", new CheckResult.Incorrect(Optional.of(m), CheckResult.Shortfall.NONE), false), wrong("3"));
        assertThat(shown(steps)).containsExactly("probe", "scaffold");
    }

    @Test
    void aCorrectAnswerSolvesAndClosesTheStep() {
        List<LadderStep> steps = run(wrong("3"), new LadderEvent.Answered("5", new CheckResult.Correct("5"), false), hint(), wrong("9"));
        assertThat(steps.get(1).outcome()).isEqualTo(Outcome.SOLVED);
        assertThat(steps.get(1).state().status()).isEqualTo(LadderState.Status.SOLVED);
        assertThat(steps.get(2).outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(steps.get(3).outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(steps.get(3).state().level()).isEqualTo(1);
    }

    @Test
    void theLevelNeverGoesDownWhateverHappens() {
        LadderState s = LadderState.start();
        int previous = 0;
        LadderEvent[] cycle = {hint(), new LadderEvent.Other(), repeat("1"), wrong("2"),
                new LadderEvent.Answered("x", new CheckResult.Unreadable("?"), false)};
        for (int i = 0; i < 40; i++) {
            s = ladder.next(s, cycle[i % cycle.length]).state();
            assertThat(s.level()).isGreaterThanOrEqualTo(previous);
            previous = s.level();
        }
    }

    @Test
    void policyAndStateRefuseNonsense() {
        assertThatThrownBy(() -> new LadderPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LadderState(5, 0, 0, List.of(), List.of(), LadderState.Status.OPEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remembersOnlyTheLatestAnswers() {
        LadderState s = LadderState.start();
        for (int i = 0; i < LadderState.MEMORY + 5; i++) s = ladder.next(s, new LadderEvent.Answered("x" + i, new CheckResult.Unreadable("?"), false)).state();
        assertThat(s.said()).hasSize(LadderState.MEMORY).startsWith("x5");
    }
}
