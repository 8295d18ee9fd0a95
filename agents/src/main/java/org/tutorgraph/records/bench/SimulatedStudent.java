package org.tutorgraph.records.bench;

import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A scripted learner for load tests: answers what the tutor asks the way a real one would, right with probability
 * {@code skill}, otherwise wrong (a known misconception's answer when the item has one), "I don't know", a hint
 * request, now and then a skip or a demand for the answer; chooses a goal at the start and a new one when the plan is
 * finished. Everything it does follows from its seed and what it sees, so a run is reproducible. Not thread-safe: one
 * per learner.
 */
public final class SimulatedStudent {

    /** What the student does next. */
    public sealed interface Action permits Submit, ChooseGoals {
    }

    /** Types a line ({@code /hint}, {@code /skip} or text). */
    public record Submit(StudentTurn turn) implements Action {
    }

    /** Chooses goals. */
    public record ChooseGoals(List<String> goals) implements Action {
    }

    private final CoursePack pack;
    private final Random random;
    private final double skill;
    private final List<String> goalChoices;

    public SimulatedStudent(CoursePack pack, long seed) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.random = new Random(seed);
        this.skill = 0.35 + 0.5 * random.nextDouble();
        List<String> order = pack.graph().topologicalOrder();
        // goals from the later half of the course: plans with a few steps, not the whole course
        this.goalChoices = List.copyOf(order.subList(order.size() / 2, order.size()));
    }

    public double skill() {
        return skill;
    }

    /** The next action, given the phase the last turn ended in and the learner model. */
    public Action next(Orchestrator.Phase phase, LearnerModel model) {
        CourseProgress p = model.progress();
        if (phase == Orchestrator.Phase.AWAITING_GOALS || phase == Orchestrator.Phase.FINISHED) {
            String goal;
            do {
                goal = goalChoices.get(random.nextInt(goalChoices.size()));
            } while (goalChoices.size() > 1 && p.goals().contains(goal));
            return new ChooseGoals(List.of(goal));
        }
        DiagnosticQuestion q = p.diagnosis().pending();
        if (q != null) {
            Item item = q.item() == null ? null : pack.item(q.item()).orElse(null);
            double r = random.nextDouble();
            if (item == null) return text(r < skill ? "yes" : "no");
            if (r < skill) return text(item.primaryAnswer());
            if (r < skill + (1 - skill) * 0.7) return text(wrong(item));
            return text("I don't know");
        }
        OpenItem open = p.open();
        if (open != null && open.isOpen()) {
            Item item = pack.item(open.item()).orElse(null);
            double r = random.nextDouble();
            if (r < 0.12) return new Submit(StudentTurn.of(StudentTurn.Kind.HINT, "/hint"));
            if (r < 0.13) return new Submit(StudentTurn.of(StudentTurn.Kind.SKIP, "/skip"));
            if (r < 0.15) return text("just tell me the answer");
            if (item == null) return text("I don't know");
            return text(random.nextDouble() < skill ? item.primaryAnswer() : wrong(item));
        }
        return text("ok");
    }

    private static Submit text(String s) {
        return new Submit(StudentTurn.of(StudentTurn.Kind.TEXT, s));
    }

    /** A readable wrong answer for the item: a misconception's, else one of the item's type that is not accepted. */
    private String wrong(Item item) {
        List<String> known = new ArrayList<>();
        for (Misconception m : item.misconceptions()) known.addAll(m.wrongAnswers());
        if (!known.isEmpty() && random.nextBoolean()) return known.get(random.nextInt(known.size()));
        if (item.type() == AnswerType.CHOICE) {
            for (int i = 0; i < item.choices().size(); i++) {
                String letter = String.valueOf((char) ('A' + i));
                if (!item.answers().contains(letter) && !item.answers().contains(item.choices().get(i))) return letter;
            }
        }
        return switch (item.type()) {
            case NUMBER, EXPRESSION -> Integer.toString(9000 + random.nextInt(999));
            default -> "banana";
        };
    }
}
