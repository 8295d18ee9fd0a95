package org.tutorgraph.session.view;

import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosisStarted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.ModelNotice;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;

import java.util.List;
import java.util.Locale;

/**
 * One readable line per message for {@code tutor trace}: the facts of the message, compact (ids, verdicts, levels,
 * posteriors), with quoted text cut and its line breaks shown as {@code \n}. Not for the learner (it names answers and
 * misconceptions); for teachers, developers and the docs.
 */
public final class TraceLine {

    private static final int QUOTE = 90;

    private TraceLine() {
    }

    public static String summary(SessionMessage message) {
        if (message instanceof SessionStarted m) {
            return "learner " + m.learner() + ", course " + m.course() + (m.courseVersion().isEmpty() ? "" : " " + m.courseVersion())
                    + " (" + m.fingerprint() + "), tutor " + m.tutorBackend();
        }
        if (message instanceof SessionResumed m) {
            return "after " + (m.previousSession().isEmpty() ? "an earlier session" : m.previousSession()) + ": " + m.phase()
                    + (m.item() == null ? "" : " on " + m.concept() + ", item " + m.item() + ", level " + m.level());
        }
        if (message instanceof StudentTurn m) {
            return m.kind() + " " + quote(m.text()) + (m.truncated() ? " (cut)" : "");
        }
        if (message instanceof GoalsSet m) return String.join(", ", m.goals()) + " (" + lower(m.source()) + ")";
        if (message instanceof DiagnosisStarted m) {
            return String.format(Locale.ROOT, "seed %d, at most %d questions, target accuracy %.2f, prior evidence on %d concept%s",
                    m.seed(), m.budget(), m.targetAccuracy(), m.prior().size(), m.prior().size() == 1 ? "" : "s");
        }
        if (message instanceof DiagnosticQuestion m) {
            return "#" + m.number() + " " + (m.item() == null ? m.question() : "item " + m.item()) + " on " + String.join(", ", m.concepts())
                    + (m.note().isEmpty() ? "" : " (asked again)");
        }
        if (message instanceof AnswerGraded m) {
            return lower(m.phase()) + " " + (m.item() == null ? m.question() : m.item()) + " " + quote(m.attempt()) + " " + m.verdict()
                    + (m.misconception() == null ? "" : " misconception " + m.misconception())
                    + " (" + lower(m.gradedBy()) + (m.detail().isEmpty() ? "" : ": " + cut(m.detail())) + ")";
        }
        if (message instanceof MasteryUpdated m) {
            return String.format(Locale.ROOT, "%s %.3f (%d answer%s, %d right; %s)", m.concept(), m.posterior(), m.evidence(),
                    m.evidence() == 1 ? "" : "s", m.correct(), lower(m.cause()));
        }
        if (message instanceof DiagnosisCompleted m) {
            return String.format(Locale.ROOT, "%d questions, estimated accuracy %.3f, %d of %d concepts mastered", m.questions(),
                    m.estimatedAccuracy(), m.mastered().size(), m.concepts());
        }
        if (message instanceof PlanAdopted m) {
            return m.reason() + ": " + m.steps().size() + " step" + (m.steps().size() == 1 ? "" : "s") + " " + list(m.conceptOrder())
                    + String.format(Locale.ROOT, ", %.0f min", m.totalMinutes())
                    + (m.masteredGoals().isEmpty() ? "" : ", goals mastered " + m.masteredGoals())
                    + (m.unreachable().isEmpty() ? "" : ", unreachable " + m.unreachable().stream().map(PlanAdopted.Unreachable::goal).toList());
        }
        if (message instanceof TeachStep m) {
            return m.concept() + " item " + m.item() + " (" + m.itemNumber() + " of " + m.items() + ", " + lower(m.reason()) + ")";
        }
        if (message instanceof HintGiven m) return m.item() + " " + m.rung().key() + (m.requested() ? " (asked)" : " (after a wrong answer)");
        if (message instanceof TutorReply m) {
            return (m.rung() == null ? "feedback" : m.rung().key()) + "/" + m.move().key() + " " + lower(m.situation())
                    + ", level " + m.ladder().level() + " " + lower(m.ladder().status()) + ": " + quote(m.text())
                    + (m.guardReplaced() ? " [guard replaced a leak" + (m.leakForm() == null ? "" : " (" + m.leakForm() + ")") + "]" : "");
        }
        if (message instanceof ConceptSkipped m) return m.concept() + (m.item() == null ? "" : " (item " + m.item() + " dropped)");
        if (message instanceof ConceptCompleted m) {
            return String.format(Locale.ROOT, "%s %s, mastery %.3f", m.concept(), lower(m.outcome()), m.mastery());
        }
        if (message instanceof PlanFinished m) return "mastered " + list(m.mastered()) + ", not mastered " + list(m.notMastered());
        if (message instanceof ModelNotice m) {
            return m.role() + " " + m.kind() + ": " + cut(m.detail()) + (m.fallback().isEmpty() ? "" : " -> " + m.fallback())
                    + (m.note().isEmpty() ? "" : " (told the learner)");
        }
        if (message instanceof SessionEnded m) return lower(m.reason()) + " after " + m.turns() + " turn" + (m.turns() == 1 ? "" : "s");
        return message.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String list(List<String> ids) {
        if (ids.isEmpty()) return "[]";
        if (ids.size() <= 6) return "[" + String.join(", ", ids) + "]";
        return "[" + String.join(", ", ids.subList(0, 5)) + ", … " + ids.get(ids.size() - 1) + "]";
    }

    /** Text in double quotes, cut, with line breaks and quotes escaped. */
    static String quote(String text) {
        return "\"" + cut(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private static String cut(String text) {
        return text.length() <= QUOTE ? text : text.substring(0, QUOTE - 1) + "…";
    }
}
