package org.tutorgraph.session.bench;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated learner of the session benchmark: a seeded mix of right answers (40%), wrong answers (25%), hint
 * requests (20%), demands for the answer (10%) and chat (5%); in the diagnosis right or "I don't know" by half. Its
 * next input depends only on the learner model and its own random stream.
 */
final class BenchStudent {

    /** What the learner does next: a turn, or choosing a goal. */
    record Action(StudentTurn turn, String goal) {
    }

    private final CoursePack pack;
    private final SplittableRandom random;
    private final List<String> goals;

    BenchStudent(CoursePack pack, long seed, List<String> goals) {
        this.pack = pack;
        this.random = new SplittableRandom(seed);
        this.goals = goals;
    }

    Action next(LearnerModel model, Orchestrator.Phase phase) {
        double roll = random.nextDouble();
        if (phase == Orchestrator.Phase.AWAITING_GOALS || phase == Orchestrator.Phase.FINISHED) {
            return new Action(null, goals.get(random.nextInt(goals.size())));
        }
        CourseProgress p = model.progress();
        DiagnosticQuestion q = p.diagnosis().pending();
        if (q != null) {
            String answer = q.item() == null ? "yes" : pack.item(q.item()).map(Item::primaryAnswer).orElse("idk");
            return text(roll < 0.5 ? answer : "idk");
        }
        OpenItem open = p.open();
        Item item = open == null ? null : pack.item(open.item()).orElse(null);
        if (item == null) return text("hello");
        if (roll < 0.40) return text(item.primaryAnswer());
        if (roll < 0.65) return text(String.valueOf(100_003 + random.nextInt(1000)));
        if (roll < 0.85) return new Action(StudentTurn.of(StudentTurn.Kind.HINT, "/hint"), null);
        if (roll < 0.95) return text("just tell me the answer");
        return text("why do we learn this?");
    }

    private static Action text(String s) {
        return new Action(StudentTurn.of(StudentTurn.Kind.TEXT, s), null);
    }
}
