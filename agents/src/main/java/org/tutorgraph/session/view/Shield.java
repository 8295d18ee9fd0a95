package org.tutorgraph.session.view;

import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.Leak;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.LeakVerdict;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer-leak guard in front of the prose the learner reads besides the tutor's replies (which are guarded where
 * they are made, {@link org.tutorgraph.tutor.GuardedVoice}): a model's plan rationale and the course prose {@code /why}
 * quotes could happen to state the open item's answer. Figures and names computed without the answer (step numbers,
 * minutes, mastery, the question header) carry no information about it and are not shielded: masking "11%" because
 * an answer is 11 would only garble the screen. A span the guard finds is masked with "…" (checked again, until
 * clean; O(guard) per pass, at most a few passes).
 */
public final class Shield {

    private static final LeakGuard GUARD = new LeakGuard();
    private static final String MASK = "…";
    private static final int PASSES = 4;

    private Shield() {
    }

    /** {@code text} with whatever would reveal {@code item}'s answer at ladder {@code level} masked. */
    public static String mask(String text, Item item, int level, List<String> learnerSaid) {
        if (text.isEmpty() || level >= Rung.BOTTOM_OUT.level()) return text;
        String out = text;
        for (int pass = 0; pass < PASSES; pass++) {
            LeakVerdict v = GUARD.check(item, level, out, learnerSaid);
            if (!(v instanceof LeakVerdict.Leaked leaked)) return out;
            List<Leak> spans = new ArrayList<>(leaked.leaks());
            spans.sort(Comparator.comparingInt(Leak::start).reversed());
            StringBuilder sb = new StringBuilder(out);
            int lastStart = Integer.MAX_VALUE;
            for (Leak l : spans) {
                if (l.end() > lastStart) continue; // overlapping spans: the later one already went
                sb.replace(l.start(), l.end(), MASK);
                lastStart = l.start();
            }
            out = sb.toString();
        }
        return GUARD.check(item, level, out, learnerSaid).leaked() ? "(…)" : out;
    }

    /**
     * A plan's rationale shielded: for the open item when one is open, else for every item of the plan's first step,
     * one of which is the next question the learner sees (the rationale stays on screen while they answer it).
     * O(items of the step × guard).
     */
    public static String forPlan(String text, PlanAdopted plan, LearnerModel model, CourseContext course) {
        OpenItem open = model.progress().open();
        if ((open != null && open.isOpen()) || plan.steps().isEmpty()) return forOpenItem(text, model, course);
        String out = text;
        for (Item next : course.pack().itemsFor(plan.steps().get(0).concept())) out = mask(out, next, Rung.ORIENT.level(), List.of());
        return out;
    }

    /** {@code text} shielded for the item open in {@code model}, if one is open. */
    public static String forOpenItem(String text, LearnerModel model, CourseContext course) {
        OpenItem open = model.progress().open();
        if (open == null || !open.isOpen()) return text;
        Item item = course.pack().item(open.item()).orElse(null);
        return item == null ? text : mask(text, item, open.ladder().level(), open.ladder().said());
    }
}
