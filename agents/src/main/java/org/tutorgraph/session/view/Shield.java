package org.tutorgraph.session.view;

import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.Leak;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.LeakVerdict;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer-leak guard in front of everything else the learner reads while an item is open: the tutor's replies are
 * guarded where they are made ({@link org.tutorgraph.tutor.GuardedVoice}), but a progress line, a plan table or a
 * question header is made of numbers too, and "mastery 11%" or "25 min" must not show an item whose answer is 11 or 25.
 * A span the guard finds is masked with "…" (checked again, until clean; O(guard) per pass, at most a few passes).
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

    /** {@code text} shielded for the item open in {@code model}, if one is open. */
    public static String forOpenItem(String text, LearnerModel model, CourseContext course) {
        OpenItem open = model.progress().open();
        if (open == null || !open.isOpen()) return text;
        Item item = course.pack().item(open.item()).orElse(null);
        return item == null ? text : mask(text, item, open.ladder().level(), open.ladder().said());
    }
}
