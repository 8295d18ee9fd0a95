package org.tutorgraph.session.agent;

import org.tutorgraph.answer.AnswerChecker;
import org.tutorgraph.answer.CheckResult;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.models.diagnose.AnswerGrader;
import org.tutorgraph.models.diagnose.Grade;
import org.tutorgraph.models.diagnose.MisconceptionNamer;
import org.tutorgraph.models.diagnose.Naming;
import org.tutorgraph.session.message.AnswerGraded;

import java.util.Objects;
import java.util.Optional;

/**
 * The Diagnostician's grading of an attempt, shared by the diagnosis and practice: the deterministic checker first;
 * the grader's model only where the checker cannot decide, and only to decide or to name, never to guess:
 * <ul>
 *   <li>an attempt the checker found undecidable ({@link CheckResult.Ambiguity#UNDECIDED}), or a free-text answer it
 *       found simply wrong (a paraphrase no normaliser can match), goes to {@link AnswerGrader}; its verdict is used
 *       only when it is sure ({@link Grade.Graded}), otherwise the checker's result stands (ambiguous stays ungraded);</li>
 *   <li>a wrong answer that matched none of the item's known wrong answers goes to {@link MisconceptionNamer}, which may
 *       name one of the item's own misconceptions (so the tutor answers with its probe).</li>
 * </ul>
 * Offline both ports decide nothing and cost nothing.
 */
public final class Grading {

    /**
     * A graded attempt.
     *
     * @param result the result the tutor's ladder works with
     * @param by     who decided
     * @param detail why (the checker's reason, or the model's), "" when nothing to say
     */
    public record Graded(CheckResult result, AnswerGraded.GradedBy by, String detail) {

        public AnswerGraded.Verdict verdict() {
            if (result instanceof CheckResult.Correct) return AnswerGraded.Verdict.CORRECT;
            if (result instanceof CheckResult.Incorrect) return AnswerGraded.Verdict.INCORRECT;
            if (result instanceof CheckResult.Ambiguous a) {
                return a.kind() == CheckResult.Ambiguity.NO_ANSWER ? AnswerGraded.Verdict.NO_ANSWER : AnswerGraded.Verdict.AMBIGUOUS;
            }
            return AnswerGraded.Verdict.UNREADABLE;
        }

        /** The id of the misconception the attempt matched, or null. */
        public String misconception() {
            return result instanceof CheckResult.Incorrect i ? i.misconception().map(m -> m.id()).orElse(null) : null;
        }
    }

    private final CoursePack pack;
    private final AnswerChecker checker;
    private final AnswerGrader grader;
    private final MisconceptionNamer namer;

    public Grading(CoursePack pack, AnswerChecker checker, AnswerGrader grader, MisconceptionNamer namer) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.grader = Objects.requireNonNull(grader, "grader");
        this.namer = Objects.requireNonNull(namer, "namer");
    }

    /** Deterministic checking only (no model). */
    public static Grading offline(CoursePack pack) {
        return new Grading(pack, new AnswerChecker(), AnswerGrader.offline(), MisconceptionNamer.offline());
    }

    public AnswerChecker checker() {
        return checker;
    }

    public Graded grade(Item item, String attempt) {
        CheckResult r = checker.check(item, attempt);
        AnswerGraded.GradedBy by = r.isDefinite() || isNoAnswer(r) ? AnswerGraded.GradedBy.CHECKER : AnswerGraded.GradedBy.NONE;
        String detail = detail(r);
        if (undecided(item, r)) {
            Grade g = grader.grade(pack, item, attempt);
            if (g instanceof Grade.Graded sure) {
                r = sure.correct() ? new CheckResult.Correct(item.primaryAnswer()) : CheckResult.Incorrect.plain();
                by = AnswerGraded.GradedBy.MODEL;
                detail = sure.reason();
            }
        }
        if (r instanceof CheckResult.Incorrect i && i.misconception().isEmpty() && i.shortfall() == CheckResult.Shortfall.NONE
                && !item.misconceptions().isEmpty()) {
            Naming n = namer.name(pack, item, attempt);
            if (n instanceof Naming.Named named) {
                r = new CheckResult.Incorrect(Optional.of(named.misconception()), CheckResult.Shortfall.NONE);
                detail = named.reason();
            }
        }
        return new Graded(r, by, detail);
    }

    private static boolean undecided(Item item, CheckResult r) {
        if (r instanceof CheckResult.Ambiguous a) return a.kind() == CheckResult.Ambiguity.UNDECIDED;
        return item.type() == AnswerType.TEXT && r instanceof CheckResult.Incorrect i
                && i.misconception().isEmpty() && i.shortfall() == CheckResult.Shortfall.NONE;
    }

    private static boolean isNoAnswer(CheckResult r) {
        return r instanceof CheckResult.Ambiguous a && a.kind() == CheckResult.Ambiguity.NO_ANSWER;
    }

    private static String detail(CheckResult r) {
        if (r instanceof CheckResult.Ambiguous a) return a.reason();
        if (r instanceof CheckResult.Unreadable u) return u.reason();
        if (r instanceof CheckResult.Incorrect i && i.shortfall() == CheckResult.Shortfall.UNFINISHED) return "not finished";
        return "";
    }
}
