package org.tutorgraph.planner.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.graph.Link;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.Source;
import org.tutorgraph.planner.Step;
import org.tutorgraph.planner.UnreachableGoal;
import org.tutorgraph.planner.cost.SequenceCost;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * A plan as JSON, for scripts and for the agents' messages:
 * <pre>
 * {"goals": [...], "threshold": 0.95,
 *  "steps": [{"number", "concept", "name", "area", "difficulty", "mastery", "cost", "goal", "forGoals": [...],
 *             "enables": [{"kind": "requires"|"anyOf", "from", "to", "group"?}]}],
 *  "sources": [{"concept", "name", "mastery", "enables": [...]}],
 *  "masteredGoals": [...], "unreachable": [{"goal", "reason"}],
 *  "totals": {"steps", "learningMinutes", "sequence": {"switches", "switchCost", "gapCost", "jumpCost", "total"},
 *             "totalMinutes"}}
 * </pre>
 * Minutes and posteriors are rounded to 4 decimals.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static ObjectNode tree(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        strings(root.putArray("goals"), plan.goals());
        root.put("threshold", plan.threshold());
        ArrayNode steps = root.putArray("steps");
        for (Step s : plan.steps()) {
            ObjectNode o = steps.addObject();
            o.put("number", s.number());
            o.put("concept", s.concept());
            o.put("name", s.name());
            o.put("area", s.area());
            o.put("difficulty", s.difficulty());
            o.put("mastery", round(s.mastery()));
            o.put("cost", round(s.cost()));
            o.put("goal", s.goal());
            strings(o.putArray("forGoals"), s.forGoals());
            links(o.putArray("enables"), s.enables());
        }
        ArrayNode sources = root.putArray("sources");
        for (Source s : plan.sources()) {
            ObjectNode o = sources.addObject();
            o.put("concept", s.concept());
            o.put("name", s.name());
            o.put("mastery", round(s.mastery()));
            links(o.putArray("enables"), s.enables());
        }
        strings(root.putArray("masteredGoals"), plan.masteredGoals());
        ArrayNode unreachable = root.putArray("unreachable");
        for (UnreachableGoal u : plan.unreachable()) unreachable.addObject().put("goal", u.goal()).put("reason", u.reason());
        ObjectNode totals = root.putObject("totals");
        totals.put("steps", plan.totals().steps());
        totals.put("learningMinutes", round(plan.totals().learningMinutes()));
        SequenceCost seq = plan.totals().sequence();
        totals.putObject("sequence")
                .put("switches", seq.switches())
                .put("switchCost", round(seq.switchCost()))
                .put("gapCost", round(seq.gapCost()))
                .put("jumpCost", round(seq.jumpCost()))
                .put("total", round(seq.total()));
        totals.put("totalMinutes", round(plan.totals().total()));
        return root;
    }

    public static String render(Plan plan) {
        try {
            return MAPPER.writeValueAsString(tree(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void links(ArrayNode array, List<Link> links) {
        for (Link link : links) {
            ObjectNode o = array.addObject();
            o.put("kind", Links.kind(link));
            o.put("from", link.source());
            o.put("to", link.target());
            if (link instanceof Link.AnyOf a) o.put("group", a.group());
        }
    }

    static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
