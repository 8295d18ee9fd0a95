package org.tutorgraph.tutor;

import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.messages.MessageLibrary;

import java.util.Objects;
import java.util.Optional;

/**
 * The tutor's core, as a session orchestrator calls it: given the step, the ladder state and what the learner sent,
 * grade it, move the ladder, phrase the reply through the guard, and return the reply with its rung, teacher move,
 * grading and the new state. No messaging, no persistence, no model of its own (the voice may be one).
 *
 * <p>Per turn: one grading ({@link AnswerChecker}), one comparison per earlier wrong answer (to spot repeats), one
 * phrasing and one guard check (two more on a leak). Deterministic with a deterministic voice.
 */
public final class TutorEngine {

    private final AnswerChecker checker;
    private final HintLadder ladder;
    private final GuardedVoice voice;

    /** The tutor with {@code voice}; the guard's last-resort words come from the shipped messages. */
    public TutorEngine(TutorVoice voice, LadderPolicy policy) {
        this(voice, policy, MessageLibrary.shipped());
    }

    /** The tutor with {@code voice}; the guard's last-resort words come from {@code messages} (the layered prompt folders). */
    public TutorEngine(TutorVoice voice, LadderPolicy policy, MessageLibrary messages) {
        this.checker = new AnswerChecker();
        this.ladder = new HintLadder(policy);
        this.voice = new GuardedVoice(voice, new LeakGuard(), messages);
    }

    /** The offline tutor with the default policy. */
    public static TutorEngine offline() {
        return new TutorEngine(new OfflineVoice(), LadderPolicy.DEFAULT);
    }

    public LadderPolicy policy() {
        return ladder.policy();
    }

    /** The deterministic answer checker the engine grades with. */
    public AnswerChecker checker() {
        return checker;
    }

    /** The guarded voice: the default {@link Speech} (whole messages). */
    public Speech guarded() {
        return voice::speak;
    }

    /** Answers free text: classified first ({@link InputClassifier}). */
    public TutorTurn respond(TutorContext ctx, LadderState state, String text) {
        return respond(ctx, state, InputClassifier.classify(text, ctx.item().type()));
    }

    /** Answers one input on the step. */
    public TutorTurn respond(TutorContext ctx, LadderState state, StudentInput input) {
        return respond(ctx, state, input, guarded());
    }

    /**
     * Answers an attempt whose grading the caller has already decided: the deterministic check, or a model grader's
     * verdict where the check could not decide (the session's Diagnostician does that). Same ladder and phrasing rules
     * as an attempt graded here.
     */
    public TutorTurn respondGraded(TutorContext ctx, LadderState state, String attempt, CheckResult result, Speech speech) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(speech, "speech");
        return attempt(ctx, state, attempt, result, speech);
    }

    /** Answers one input on the step, the words produced by {@code speech} (whole, or streamed as generated). */
    public TutorTurn respond(TutorContext ctx, LadderState state, StudentInput input, Speech speech) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(speech, "speech");
        if (input instanceof StudentInput.Attempt a) return attempt(ctx, state, a.text(), checker.check(ctx.item(), a.text()), speech);
        if (input instanceof StudentInput.HintRequest) {
            LadderStep step = ladder.next(state, new LadderEvent.HintAsked());
            Situation s = switch (step.outcome()) {
                case CLIMBED -> Situation.HINT_REQUESTED;
                case HELD -> Situation.HINT_HELD;
                default -> Situation.FINISHED;
            };
            return say(ctx, step, s, Optional.empty(), Optional.empty(), Optional.empty(), "", speech);
        }
        LadderStep stay = ladder.next(state, new LadderEvent.Other());
        if (!state.isOpen()) return say(ctx, stay, Situation.FINISHED, Optional.empty(), Optional.empty(), Optional.empty(), "", speech);
        // a demand re-shows the rung already reached (never a new one)
        LadderStep shown = new LadderStep(stay.state(), state.rung(), stay.outcome());
        if (input instanceof StudentInput.AnswerDemand) {
            return say(ctx, shown, Situation.DEMAND, Optional.empty(), Optional.empty(), Optional.empty(), "", speech);
        }
        return say(ctx, new LadderStep(stay.state(), Optional.empty(), stay.outcome()), Situation.CHAT,
                Optional.empty(), Optional.empty(), Optional.empty(), "", speech);
    }

    private TutorTurn attempt(TutorContext ctx, LadderState state, String text, CheckResult result, Speech speech) {
        boolean repeat = result instanceof CheckResult.Incorrect
                && state.wrongAnswers().stream().anyMatch(w -> checker.sameAnswer(ctx.item(), w, text));
        LadderStep step = ladder.next(state, new LadderEvent.Answered(text, result, repeat));
        Optional<Misconception> misconception = Optional.empty();
        String detail = "";
        Situation s;
        if (step.outcome() == LadderStep.Outcome.CLOSED) {
            s = result.isCorrect() ? Situation.CORRECT : Situation.FINISHED;
        } else if (result instanceof CheckResult.Correct) {
            s = Situation.CORRECT;
        } else if (result instanceof CheckResult.Incorrect wrong) {
            misconception = repeat ? Optional.empty() : wrong.misconception();
            s = repeat ? Situation.REPEATED
                    : misconception.isPresent() ? Situation.MISCONCEPTION
                    : wrong.shortfall() == CheckResult.Shortfall.UNFINISHED ? Situation.UNFINISHED
                    : Situation.INCORRECT;
        } else if (result instanceof CheckResult.Ambiguous amb) {
            s = switch (amb.kind()) {
                case NO_ANSWER -> step.outcome() == LadderStep.Outcome.HELD ? Situation.HINT_HELD : Situation.NO_ANSWER;
                case SEVERAL_ANSWERS, UNDECIDED -> Situation.SEVERAL_ANSWERS;
            };
            detail = amb.reason();
        } else {
            s = Situation.UNREADABLE;
            detail = ((CheckResult.Unreadable) result).reason();
        }
        return say(ctx, step, s, Optional.of(text), misconception, Optional.of(result), detail, speech);
    }

    private TutorTurn say(TutorContext ctx, LadderStep step, Situation situation, Optional<String> attempt,
                          Optional<Misconception> misconception, Optional<CheckResult> graded, String detail, Speech speech) {
        Optional<Rung> rung = step.shown();
        Phrasing request = new Phrasing(ctx.concept(), ctx.item(), rung, situation, attempt, misconception, detail,
                ctx.mastery(), ctx.language(), Optional.empty(), ctx.dialogue());
        // nothing is secret once the step is solved or revealed
        int level = step.state().isOpen() ? step.state().level() : Rung.BOTTOM_OUT.level();
        GuardedVoice.Spoken spoken = speech.speak(request, level, step.state().said());
        TeacherMove move = rung.map(TeacherMove::of).orElse(TeacherMove.GENERIC);
        if (situation == Situation.DEMAND || situation == Situation.CHAT || situation == Situation.FINISHED) move = TeacherMove.GENERIC;
        return new TutorTurn(spoken.text(), rung, move, situation, graded, step.state(), spoken.replaced());
    }
}
