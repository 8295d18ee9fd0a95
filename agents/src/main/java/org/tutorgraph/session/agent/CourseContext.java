package org.tutorgraph.session.agent;

import org.tutorgraph.diagnosis.DiagnosisSettings;
import org.tutorgraph.diagnosis.Diagnostician;
import org.tutorgraph.graph.AnyOfGroup;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.ConceptParams;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.planner.PlanConfig;
import org.tutorgraph.planner.Planner;
import org.tutorgraph.session.model.LearnerModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read-only half of the shared knowledge graph, as the agents of one chat see it: the course pack, its compiled
 * planner, its Diagnostician (with the pack's BKT parameters), the planning settings, and the course's fingerprint.
 * The other half, the learner's overlay, is the {@link LearnerModel}. Immutable; built once per chat.
 */
public final class CourseContext {

    /** The most questions a chat's diagnosis asks, whatever the size of the course (a quarter of 392 is too many to sit). */
    public static final int MAX_DIAGNOSIS_QUESTIONS = 12;

    private final CoursePack pack;
    private final Planner planner;
    private final Diagnostician diagnostician;
    private final PlanConfig planConfig;
    private final String fingerprint;

    public CourseContext(CoursePack pack, Diagnostician diagnostician, PlanConfig planConfig) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.diagnostician = Objects.requireNonNull(diagnostician, "diagnostician");
        this.planConfig = Objects.requireNonNull(planConfig, "planConfig");
        this.planner = Planner.forCourse(pack.graph());
        this.fingerprint = fingerprint(pack, diagnostician.params());
    }

    /**
     * The context of a course pack with the default settings: the pack's {@code tracing.json} BKT parameters when it has
     * one, the planner's default mastery threshold (0.95), and a diagnosis of at most {@value #MAX_DIAGNOSIS_QUESTIONS}
     * questions whose items are its questions (abstract probes only for courses without items).
     *
     * @throws LogFormatException when the pack's {@code tracing.json} is malformed
     */
    public static CourseContext of(CoursePack pack) throws IOException, LogFormatException {
        boolean hasItems = !pack.items().isEmpty();
        DiagnosisSettings settings = DiagnosisSettings.defaults();
        settings = new DiagnosisSettings(settings.targetAccuracy(), settings.maxQuestions(), settings.particles(),
                settings.movesPerParticle(), settings.maxAsksPerConcept(), !hasItems, settings.steepness(), settings.seed());
        return new CourseContext(pack, Diagnostician.forPack(pack, settings), PlanConfig.DEFAULT);
    }

    public CoursePack pack() {
        return pack;
    }

    public CourseGraph graph() {
        return pack.graph();
    }

    public Planner planner() {
        return planner;
    }

    public Diagnostician diagnostician() {
        return diagnostician;
    }

    public PlanConfig planConfig() {
        return planConfig;
    }

    /** The posterior at or above which a concept counts as mastered (the planner's threshold). */
    public double threshold() {
        return planConfig.threshold();
    }

    public String id() {
        return pack.meta().id();
    }

    /** A digest of what the learner's progress depends on: concepts, edges, items (ids, concepts, answers), BKT parameters. */
    public String fingerprint() {
        return fingerprint;
    }

    public Concept concept(String id) {
        return pack.graph().concept(id);
    }

    public BktParams bkt(String concept) {
        return diagnostician.params().of(concept);
    }

    /** The diagnosis' question budget on this course. */
    public int diagnosisBudget() {
        return Math.min(MAX_DIAGNOSIS_QUESTIONS, diagnostician.settings().budgetFor(pack.graph().size()));
    }

    /**
     * The course's final concepts, offered as goals: those nothing else builds on (sinks of the prerequisite graph),
     * in course order. O(V).
     */
    public List<Concept> finalConcepts() {
        List<Concept> out = new ArrayList<>();
        for (Concept c : pack.graph().concepts()) {
            if (pack.graph().prerequisiteChildren(c.id()).isEmpty()) out.add(c);
        }
        return out;
    }

    /** The learner's posteriors for this course's concepts (others are ignored), for the planner. */
    public Map<String, Double> masteryOf(LearnerModel model) {
        Map<String, Double> out = new LinkedHashMap<>();
        model.mastery().forEach((concept, state) -> {
            if (pack.graph().contains(concept)) out.put(concept, state.posterior());
        });
        return out;
    }

    /** Whether {@code model}'s current session runs on this very course content. */
    public boolean isCurrent(LearnerModel model) {
        return id().equals(model.course()) && fingerprint.equals(model.fingerprint());
    }

    private static String fingerprint(CoursePack pack, ConceptParams params) {
        StringBuilder sb = new StringBuilder();
        CourseGraph g = pack.graph();
        for (Concept c : g.concepts()) {
            sb.append("c ").append(c.id()).append(" r ").append(g.requires(c.id()));
            for (AnyOfGroup group : g.anyOfGroups(c.id())) sb.append(" any ").append(group.id()).append(group.alternatives());
            BktParams p = params.of(c.id());
            sb.append(" bkt ").append(p.prior()).append(',').append(p.learn()).append(',').append(p.slip()).append(',')
                    .append(p.guess()).append(',').append(p.forget()).append('\n');
        }
        for (Item i : pack.items()) {
            sb.append("i ").append(i.id()).append(' ').append(i.type()).append(' ').append(i.concepts()).append(' ')
                    .append(i.answers()).append(' ').append(i.choices()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
