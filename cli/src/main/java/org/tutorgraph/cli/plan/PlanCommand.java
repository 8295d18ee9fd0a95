package org.tutorgraph.cli.plan;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.planner.Plan;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.Planner;
import org.tutorgraph.planner.explain.PlanDiagram;
import org.tutorgraph.planner.explain.PlanJson;
import org.tutorgraph.planner.explain.PlanText;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code tutor plan}: the learning path from what a learner masters to their goals. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Plan what to learn, and in which order, to reach one or more goals.",
                "",
                "The plan starts from what the learner masters. Every step comes after its",
                "prerequisites; prerequisites shared by several goals are learned once; where a",
                "concept accepts any one of several alternatives (anyOf), the cheapest route is",
                "chosen. Each step says which goal needs it and through which edge, the",
                "learner's mastery and its cost in minutes (expected learning time, less for",
                "partly known concepts and mastered supporting concepts, more for difficult",
                "ones). A concept counts as mastered when its posterior reaches --threshold.",
                "",
                "Examples:",
                "  tutor plan --mastered integer-addition --goal linear-equations",
                "  tutor plan --learner ana --goal linear-equations   (mastery from the store)",
                "  tutor plan --mastered a,b=0.7 --goal x --goal y --format json",
                "  tutor plan --course my-pack --mastered '' --goal final --format dot \\",
                "      | dot -Tsvg > plan.svg",
                "",
                "Exit code 0 when every goal is planned or mastered, 1 when a goal is unknown",
                "or cannot be reached (the plan for the other goals is still printed).",
                ""
        })
public final class PlanCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json, dot, mermaid }

    @Spec
    CommandSpec spec;

    @Option(names = "--course", paramLabel = "PACK", description = "Course pack folder (default: the bundled course).")
    Path course;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Learner learner;

    @Mixin
    StoreOption store;

    static final class Learner {
        @Option(names = "--learner", paramLabel = "ID", converter = org.tutorgraph.cli.learners.LearnerIdConverter.class,
                description = "Read the learner's mastery from the learner store (see --store); concepts of "
                        + "other courses in their record are ignored.")
        LearnerId id;

        @Option(names = "--mastered", paramLabel = "CONCEPT[=P]", split = ",",
                description = "Concepts the learner masters (posterior 1), or CONCEPT=P for partial mastery, "
                        + "e.g. a,b=0.7. Every other concept counts as unknown (0); '' for a new learner.")
        List<String> mastered;
    }

    @Option(names = "--goal", paramLabel = "CONCEPT", required = true, split = ",",
            description = "A goal concept; repeat (or separate by commas) for several goals.")
    List<String> goals;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, dot (Graphviz) or mermaid.")
    Format format;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.95",
            description = "Posterior at which a concept counts as mastered (default: ${DEFAULT-VALUE}, as in BKT practice).")
    double threshold;

    @Option(names = "--unavailable", paramLabel = "CONCEPT", split = ",",
            description = "Concepts that cannot be taught now; routes through them are avoided.")
    List<String> unavailable = new ArrayList<>();

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold <= 1)) throw new UserException("tutor plan: --threshold must be in (0, 1], got " + threshold);
        CoursePack pack = CourseOption.load(course);
        CourseGraph graph = pack.graph();
        Map<String, Double> mastery = learner.id != null ? storeMastery(learner.id, graph) : parseMastered(graph, learner.mastered);
        List<String> problems = new ArrayList<>();
        for (String id : unavailable) {
            if (!id.isBlank() && !graph.contains(id.strip())) problems.add("tutor plan: --unavailable names unknown concept '" + id.strip() + "'");
        }
        if (!problems.isEmpty()) throw new UserException(problems);
        Set<String> unavailableIds = new LinkedHashSet<>();
        for (String id : unavailable) if (!id.isBlank()) unavailableIds.add(id.strip());
        List<String> goalIds = goals.stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        if (goalIds.isEmpty()) throw new UserException("tutor plan: --goal is empty");

        PlanConfig config = PlanConfig.DEFAULT.withThreshold(threshold).withUnavailable(unavailableIds);
        Plan plan = Planner.plan(graph, mastery, goalIds, config);
        PrintWriter out = spec.commandLine().getOut();
        String rendered = switch (format) {
            case text -> PlanText.render(plan, graph);
            case json -> PlanJson.render(plan);
            case dot -> PlanDiagram.dot(plan, graph);
            case mermaid -> PlanDiagram.mermaid(plan, graph);
        };
        out.print(Terminal.safe(rendered));
        out.flush();
        return plan.reachesAllGoals() ? 0 : 1;
    }

    /** Parses {@code --mastered}: ids, or id=posterior; every problem is reported, with a suggestion for typos. */
    static Map<String, Double> parseMastered(CourseGraph graph, List<String> items) {
        Map<String, Double> mastery = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String raw : items == null ? List.<String>of() : items) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            String id = item;
            double posterior = 1.0;
            int eq = item.indexOf('=');
            if (eq >= 0) {
                id = item.substring(0, eq).strip();
                String value = item.substring(eq + 1).strip();
                try {
                    posterior = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    problems.add("tutor plan: --mastered " + item + ": '" + value + "' is not a number");
                    continue;
                }
                if (!(posterior >= 0 && posterior <= 1)) {
                    problems.add("tutor plan: --mastered " + item + ": posterior must be between 0 and 1");
                    continue;
                }
            }
            if (!graph.contains(id)) {
                problems.add("tutor plan: --mastered names unknown concept '" + id + "'" + suggest(graph, id));
                continue;
            }
            mastery.put(id, posterior);
        }
        if (!problems.isEmpty()) throw new UserException(problems);
        return mastery;
    }

    private static String suggest(CourseGraph graph, String id) {
        String lower = id.toLowerCase(java.util.Locale.ROOT);
        for (var c : graph.concepts()) {
            String cid = c.id().toLowerCase(java.util.Locale.ROOT);
            if (cid.equals(lower) || cid.startsWith(lower) || lower.startsWith(cid)) return " (did you mean '" + c.id() + "'?)";
        }
        return "";
    }

    /** The learner's posteriors for this course's concepts, from the store's mastery view. */
    private Map<String, Double> storeMastery(LearnerId id, CourseGraph graph) {
        Optional<LearnerStore> opened = store.openIfExists();
        if (opened.isEmpty()) throw new UserException("tutor plan: no learner '" + id + "' (no store at " + store.location() + ")");
        try (LearnerStore s = opened.get()) {
            if (s.learner(id).isEmpty()) throw new UserException("tutor plan: no learner '" + id + "' in " + s.describe());
            Map<String, Double> mastery = new LinkedHashMap<>();
            for (Mastery m : s.mastery(id).values()) {
                if (graph.contains(m.concept())) mastery.put(m.concept(), Math.max(0, Math.min(1, m.posterior())));
            }
            return mastery;
        }
    }
}
