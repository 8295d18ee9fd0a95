package org.tutorgraph.guard;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a course's authored words with the leak guard, for course validation: every rung below bottom-out at its
 * own level (so a scaffold's own answer may appear on the scaffold but not on orient or probe), and every
 * misconception probe at the probe level. O(total authored text), each message checked as {@link LeakGuard} does.
 */
public final class LadderAudit {

    private LadderAudit() {
    }

    /**
     * An authored text that reveals a protected answer.
     *
     * @param itemId  the item
     * @param where   which text ("rung orient", "rung scaffold #2", "misconception sign-ignored probe")
     * @param level   the ladder level it was checked at
     * @param leak    what it reveals
     */
    public record Finding(String itemId, String where, int level, Leak leak) {
        /** One line for a validation report. */
        public String message() {
            return "item " + itemId + ": " + where + " reveals " + (leak.secret().kind() == Secret.Kind.ITEM_ANSWER ? "the answer" : "a later scaffold's answer")
                    + " '" + leak.secret().answer() + "' as " + leak.form().key() + " '" + leak.text() + "'";
        }
    }

    public static List<Finding> audit(CoursePack pack) {
        List<Finding> out = new ArrayList<>();
        for (Item item : pack.items()) out.addAll(audit(item));
        return out;
    }

    public static List<Finding> audit(Item item) {
        LeakGuard guard = new LeakGuard();
        List<Finding> out = new ArrayList<>();
        int[] seen = new int[Rung.values().length + 1];
        for (HintRung h : item.ladder()) {
            seen[h.rung().level()]++;
            if (h.rung() == Rung.BOTTOM_OUT) continue;
            String where = "rung " + h.rung().key() + (seen[h.rung().level()] > 1 ? " #" + seen[h.rung().level()] : "");
            guard.check(item, h.rung().level(), h.text(), List.of()).first()
                    .ifPresent(l -> out.add(new Finding(item.id(), where, h.rung().level(), l)));
        }
        for (Misconception m : item.misconceptions()) {
            if (m.probe().isBlank()) continue;
            guard.check(item, Rung.PROBE.level(), m.probe(), List.of()).first()
                    .ifPresent(l -> out.add(new Finding(item.id(), "misconception " + m.id() + " probe", Rung.PROBE.level(), l)));
        }
        return out;
    }
}
