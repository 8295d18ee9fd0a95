package org.tutorgraph.records.xapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.records.LearnerLog;
import org.tutorgraph.records.NameUuid;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.DiagnosisCompleted;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner's log as xAPI 1.0.3 statements, one per event that says something about the learner's learning:
 *
 * <pre>
 *   SessionStarted     initialized  the course          SessionResumed    resumed     the course
 *   TeachStep          attempted    the item            AnswerGraded      answered    the item (or probe)
 *   HintGiven          asked        the item (the learner asked) / experienced (shown after a wrong answer)
 *   MasteryUpdated     progressed   the concept         ConceptCompleted  mastered / completed  the concept
 *   ConceptSkipped     skipped      the concept         DiagnosisCompleted completed the course's diagnosis
 *   PlanFinished       completed    the course          SessionEnded      terminated  the course
 * </pre>
 *
 * The rest (the learner's words, the tutor's replies, plans, questions asked) is dialogue, not a learning record. The
 * actor is an account ({@code homePage} + learner id); activity ids are IRIs built from the activity base, the course
 * id and the concept or item id; timestamps are the store's; each statement's id is a version-5 UUID of the store's
 * identity, the learner (with the time the store first saw them) and the event's sequence number, so a re-export
 * yields the same ids and a Learning Record Store keeps each statement once. Context extensions carry the hint rung,
 * the mastery before and after, and the plan step ({@link Vocabulary}).
 *
 * <p>O(n) in the length of the log, apart from answers, which look ahead to the end of their turn for the mastery
 * after it. Stateless and thread-safe; one instance serves every learner of an export.
 */
public final class XapiExport {

    /** Namespace of the statement and registration ids (a constant: changing it would change every id). */
    static final UUID NAMESPACE = UUID.fromString("66f4bef8-ba94-4b6e-b160-a93c2f847c39");

    /**
     * How statements name people and things.
     *
     * @param homePage      the account's {@code homePage}: the system the learner ids belong to (an IRI)
     * @param activityBase  the prefix of activity ids (an absolute IRI; {@code /} or {@code :} is added when missing)
     * @param language      the language tag of activity names and descriptions (course content)
     * @param storeIdentity the store's identity ({@link org.tutorgraph.learner.LearnerStore#identity()})
     */
    public record Options(String homePage, String activityBase, String language, String storeIdentity) {
        public static final String DEFAULT_HOME_PAGE = "urn:tutorgraph";
        public static final String DEFAULT_ACTIVITY_BASE = "urn:tutorgraph:";
        public static final String DEFAULT_LANGUAGE = "en";

        public Options {
            homePage = requireIri(homePage == null ? DEFAULT_HOME_PAGE : homePage, "home page");
            String base = requireIri(activityBase == null ? DEFAULT_ACTIVITY_BASE : activityBase, "activity base");
            activityBase = base.endsWith("/") || base.endsWith(":") ? base : base + "/";
            language = language == null ? DEFAULT_LANGUAGE : language;
            if (!language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new IllegalArgumentException("not a language tag: " + language + " (e.g. en, en-US, fr)");
            }
            Objects.requireNonNull(storeIdentity, "storeIdentity");
        }

        /** The defaults, for the store of that identity. */
        public static Options defaults(String storeIdentity) {
            return new Options(null, null, null, storeIdentity);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Options options;

    public XapiExport(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /** The statements of one learner's log, in log order. */
    public List<ObjectNode> statements(LearnerLog log) {
        return new Walk(log).run();
    }

    /** The id of the statement made from event {@code seq} of a learner's log. */
    public UUID statementId(LearnerLog log, long seq) {
        return NameUuid.v5(NAMESPACE, learnerKey(log) + "/" + seq);
    }

    private String learnerKey(LearnerLog log) {
        return options.storeIdentity() + "/" + log.learner().value() + "/" + log.created().toEpochMilli();
    }

    // --- ids ---------------------------------------------------------------------------------------------------------

    String courseIri(String course) {
        return options.activityBase() + "course/" + segment(course);
    }

    String conceptIri(String course, String concept) {
        return courseIri(course) + "/concept/" + segment(concept);
    }

    String itemIri(String course, String item) {
        return courseIri(course) + "/item/" + segment(item);
    }

    String diagnosisIri(String course) {
        return courseIri(course) + "/diagnosis";
    }

    /** An id as one IRI path segment: unreserved characters and {@code :+} as they are, the rest percent-encoded. */
    static String segment(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~:+".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String requireIri(String iri, String what) {
        try {
            URI u = new URI(iri);
            if (u.getScheme() == null) throw new IllegalArgumentException(what + " must be an absolute IRI with a scheme (https:…, urn:…): " + iri);
            return iri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not an IRI: " + iri + " (" + e.getReason() + ")");
        }
    }

    // --- the walk over one log ---------------------------------------------------------------------------------------

    /** State while walking a log: what the learner model would know at each event, as far as statements need it. */
    private final class Walk {
        private final LearnerLog log;
        private final List<LearnerLog.Entry> entries;
        private final List<ObjectNode> out = new ArrayList<>();
        private final Map<String, Double> mastery = new HashMap<>();
        private final Map<String, String> conceptNames = new HashMap<>();
        private String course = "";
        private String courseTitle = "";
        private Instant sessionStart;
        private PlanAdopted plan;
        private TeachStep open;
        private int openLevel;

        Walk(LearnerLog log) {
            this.log = log;
            this.entries = log.entries();
        }

        List<ObjectNode> run() {
            for (int i = 0; i < entries.size(); i++) {
                LearnerLog.Entry e = entries.get(i);
                SessionMessage m = e.message();
                if (m instanceof SessionStarted s) {
                    course = s.course();
                    courseTitle = s.courseTitle();
                    sessionStart = e.at();
                    plan = null;
                    open = null;
                    openLevel = 0;
                    out.add(statement(e, Vocabulary.Verb.INITIALIZED, courseActivity(), null, context(e, null)));
                    continue;
                }
                if (course.isEmpty()) continue; // messages before any SessionStarted: no course to speak of
                if (m instanceof SessionResumed r) resumed(e, r);
                else if (m instanceof PlanAdopted p) {
                    plan = p;
                    for (PlanStep s : p.steps()) conceptNames.put(s.concept(), s.name());
                } else if (m instanceof TeachStep t) teach(e, t);
                else if (m instanceof AnswerGraded a) answered(i, e, a);
                else if (m instanceof HintGiven h) hint(i, e, h);
                else if (m instanceof TutorReply r) {
                    if (open != null && open.item().equals(r.item())) openLevel = r.ladder().level();
                } else if (m instanceof MasteryUpdated u) progressed(e, u);
                else if (m instanceof ConceptCompleted c) completed(e, c);
                else if (m instanceof ConceptSkipped s) skipped(e, s);
                else if (m instanceof DiagnosisCompleted d) diagnosed(e, d);
                else if (m instanceof PlanFinished f) finished(e, f);
                else if (m instanceof SessionEnded s) ended(e, s);
                else if (m instanceof DiagnosticQuestion || m instanceof StudentTurn) {
                    // what was asked and said: dialogue, no statement
                }
            }
            return out;
        }

        private void resumed(LearnerLog.Entry e, SessionResumed r) {
            ObjectNode ctx = context(e, null);
            ObjectNode at = JSON.objectNode();
            at.put("phase", r.phase());
            if (r.concept() != null) at.put("concept", r.concept());
            if (r.item() != null) at.put("item", r.item());
            at.put("level", r.level());
            ctx.with("extensions").set(Vocabulary.RESUMED_AT, at);
            out.add(statement(e, Vocabulary.Verb.RESUMED, courseActivity(), null, ctx));
        }

        private void teach(LearnerLog.Entry e, TeachStep t) {
            open = t;
            openLevel = 0;
            conceptNames.put(t.concept(), t.conceptName());
            ObjectNode ctx = context(e, conceptActivity(t.concept()));
            ObjectNode ext = ctx.with("extensions");
            planStep(ext, t.concept());
            ext.put(Vocabulary.REASON, t.reason().name());
            out.add(statement(e, Vocabulary.Verb.ATTEMPTED, itemActivity(t.item(), t.prompt(), t.choices()), null, ctx));
        }

        private void answered(int i, LearnerLog.Entry e, AnswerGraded a) {
            boolean practice = a.phase() == AnswerGraded.Phase.PRACTICE;
            ObjectNode object;
            ObjectNode parent;
            if (practice && open != null && open.item().equals(a.item())) {
                object = itemActivity(open.item(), open.prompt(), open.choices());
                parent = conceptActivity(open.concept());
            } else {
                object = a.item() != null ? itemActivity(a.item(), null, List.of())
                        : activity(courseIri(course) + "/probe/" + segment(a.question()), Vocabulary.QUESTION, a.question(), null);
                parent = practice ? null : diagnosisActivity();
            }
            ObjectNode result = JSON.objectNode();
            if (a.verdict() == AnswerGraded.Verdict.CORRECT) result.put("success", true);
            else if (a.isEvidence()) result.put("success", false);
            result.put("response", a.attempt());
            ObjectNode rext = result.putObject("extensions");
            rext.put(Vocabulary.VERDICT, a.verdict().name());
            if (a.misconception() != null) rext.put(Vocabulary.MISCONCEPTION, a.misconception());
            rext.put(Vocabulary.GRADED_BY, a.gradedBy().name());
            ObjectNode ctx = context(e, parent);
            ObjectNode ext = ctx.with("extensions");
            ext.put(Vocabulary.PHASE, practice ? "practice" : "diagnosis");
            if (practice) {
                rung(ext);
                if (open != null) planStep(ext, open.concept());
            }
            masteryAround(ext, i, a.concepts());
            out.add(statement(e, Vocabulary.Verb.ANSWERED, object, result, ctx));
        }

        private void hint(int i, LearnerLog.Entry e, HintGiven h) {
            openLevel = Math.max(openLevel, h.rung().level());
            boolean onOpen = open != null && open.item().equals(h.item());
            ObjectNode object = onOpen ? itemActivity(open.item(), open.prompt(), open.choices()) : itemActivity(h.item(), null, List.of());
            ObjectNode ctx = context(e, onOpen ? conceptActivity(open.concept()) : null);
            ObjectNode ext = ctx.with("extensions");
            ObjectNode r = ext.putObject(Vocabulary.HINT_RUNG);
            r.put("level", h.rung().level());
            r.put("rung", h.rung().name());
            if (onOpen) {
                planStep(ext, open.concept());
                if (h.requested()) masteryAround(ext, i, open.assesses());
            }
            out.add(statement(e, h.requested() ? Vocabulary.Verb.ASKED : Vocabulary.Verb.EXPERIENCED, object, null, ctx));
        }

        private void progressed(LearnerLog.Entry e, MasteryUpdated u) {
            Double before = mastery.put(u.concept(), u.posterior());
            ObjectNode result = JSON.objectNode();
            result.putObject("score").put("scaled", scaled(u.posterior()));
            ObjectNode ev = result.putObject("extensions").putObject(Vocabulary.EVIDENCE);
            ev.put("answers", u.evidence());
            ev.put("correct", u.correct());
            ObjectNode ctx = context(e, u.cause() == MasteryUpdated.Cause.DIAGNOSIS ? diagnosisActivity() : null);
            ObjectNode ext = ctx.with("extensions");
            ext.put(Vocabulary.CAUSE, u.cause().name());
            if (before != null) ext.putObject(Vocabulary.MASTERY_BEFORE).put(u.concept(), scaled(before));
            ext.putObject(Vocabulary.MASTERY_AFTER).put(u.concept(), scaled(u.posterior()));
            planStep(ext, u.concept());
            out.add(statement(e, Vocabulary.Verb.PROGRESSED, conceptActivity(u.concept()), result, ctx));
        }

        private void completed(LearnerLog.Entry e, ConceptCompleted c) {
            boolean mastered = c.outcome() == ConceptCompleted.Outcome.MASTERED;
            ObjectNode result = JSON.objectNode();
            result.putObject("score").put("scaled", scaled(c.mastery()));
            result.put("success", mastered);
            result.put("completion", true);
            result.putObject("extensions").put(Vocabulary.OUTCOME, c.outcome().name());
            ObjectNode ctx = context(e, null);
            planStep(ctx.with("extensions"), c.concept());
            out.add(statement(e, mastered ? Vocabulary.Verb.MASTERED : Vocabulary.Verb.COMPLETED,
                    conceptActivity(c.concept()), result, ctx));
            if (open != null && open.concept().equals(c.concept())) open = null;
        }

        private void skipped(LearnerLog.Entry e, ConceptSkipped s) {
            ObjectNode ctx = context(e, null);
            planStep(ctx.with("extensions"), s.concept());
            out.add(statement(e, Vocabulary.Verb.SKIPPED, conceptActivity(s.concept()), null, ctx));
            if (open != null && open.concept().equals(s.concept())) open = null;
        }

        private void diagnosed(LearnerLog.Entry e, DiagnosisCompleted d) {
            ObjectNode result = JSON.objectNode();
            result.put("completion", true);
            ObjectNode x = result.putObject("extensions").putObject(Vocabulary.DIAGNOSIS);
            x.put("questions", d.questions());
            x.put("concepts", d.concepts());
            x.put("estimatedAccuracy", d.estimatedAccuracy());
            ArrayNode mastered = x.putArray("mastered");
            d.mastered().forEach(mastered::add);
            out.add(statement(e, Vocabulary.Verb.COMPLETED, diagnosisActivity(), result, context(e, null)));
        }

        private void finished(LearnerLog.Entry e, PlanFinished f) {
            ObjectNode result = JSON.objectNode();
            result.put("success", f.notMastered().isEmpty());
            result.put("completion", true);
            ObjectNode goals = result.putObject("extensions").putObject(Vocabulary.GOALS);
            f.mastered().forEach(g -> goals.put(g, "mastered"));
            f.notMastered().forEach(g -> goals.put(g, "not mastered"));
            out.add(statement(e, Vocabulary.Verb.COMPLETED, courseActivity(), result, context(e, null)));
        }

        private void ended(LearnerLog.Entry e, SessionEnded s) {
            ObjectNode result = null;
            if (sessionStart != null && !e.at().isBefore(sessionStart)) {
                result = JSON.objectNode();
                result.put("duration", duration(Duration.between(sessionStart, e.at())));
            }
            out.add(statement(e, Vocabulary.Verb.TERMINATED, courseActivity(), result, context(e, null)));
        }

        // --- parts --------------------------------------------------------------------------------------------------

        private ObjectNode statement(LearnerLog.Entry e, Vocabulary.Verb verb, ObjectNode object, ObjectNode result,
                                     ObjectNode context) {
            ObjectNode s = JSON.objectNode();
            s.put("id", statementId(log, e.seq()).toString());
            ObjectNode actor = s.putObject("actor");
            actor.put("objectType", "Agent");
            ObjectNode account = actor.putObject("account");
            account.put("homePage", options.homePage());
            account.put("name", log.learner().value());
            ObjectNode v = s.putObject("verb");
            v.put("id", verb.iri);
            v.putObject("display").put("en-US", verb.display);
            s.set("object", object);
            if (result != null) s.set("result", result);
            s.set("context", context);
            s.put("timestamp", e.at().toString());
            return s;
        }

        /** Context: the enrolment (learner × course) as registration, the course as grouping, the session and seq. */
        private ObjectNode context(LearnerLog.Entry e, ObjectNode parent) {
            ObjectNode c = JSON.objectNode();
            c.put("registration", NameUuid.v5(NAMESPACE, learnerKey(log) + "/course/" + course).toString());
            c.put("platform", "tutorgraph");
            ObjectNode activities = c.putObject("contextActivities");
            if (parent != null) activities.putArray("parent").add(parent);
            activities.putArray("grouping").add(courseActivity());
            ObjectNode ext = c.putObject("extensions");
            ext.put(Vocabulary.SESSION, e.session());
            ext.put(Vocabulary.SEQ, e.seq());
            return c;
        }

        private void rung(ObjectNode ext) {
            ObjectNode r = ext.putObject(Vocabulary.HINT_RUNG);
            r.put("level", openLevel);
            r.put("rung", rungName(openLevel));
        }

        private void planStep(ObjectNode ext, String concept) {
            if (plan == null) return;
            for (PlanStep s : plan.steps()) {
                if (!s.concept().equals(concept)) continue;
                ObjectNode p = ext.putObject(Vocabulary.PLAN_STEP);
                p.put("number", s.number());
                p.put("of", plan.steps().size());
                p.put("concept", s.concept());
                return;
            }
        }

        /**
         * Mastery of {@code concepts} now, and after the rest of this turn (the tracing that follows an answer comes in
         * the same turn, before the next student input). O(length of the turn).
         */
        private void masteryAround(ObjectNode ext, int i, List<String> concepts) {
            Map<String, Double> after = new LinkedHashMap<>();
            ObjectNode before = JSON.objectNode();
            for (String c : concepts) {
                Double p = mastery.get(c);
                if (p != null) before.put(c, scaled(p));
                if (p != null) after.put(c, p);
            }
            for (int j = i + 1; j < entries.size(); j++) {
                SessionMessage m = entries.get(j).message();
                if (m instanceof StudentTurn || m instanceof SessionStarted || m instanceof SessionEnded) break;
                if (m instanceof MasteryUpdated u && concepts.contains(u.concept())) after.put(u.concept(), u.posterior());
            }
            if (!before.isEmpty()) ext.set(Vocabulary.MASTERY_BEFORE, before);
            if (!after.isEmpty()) {
                ObjectNode a = ext.putObject(Vocabulary.MASTERY_AFTER);
                after.forEach((c, p) -> a.put(c, scaled(p)));
            }
        }

        private ObjectNode courseActivity() {
            return activity(courseIri(course), Vocabulary.COURSE, courseTitle, null);
        }

        private ObjectNode diagnosisActivity() {
            return activity(diagnosisIri(course), Vocabulary.ASSESSMENT, "Diagnosis: " + courseTitle, null);
        }

        private ObjectNode conceptActivity(String concept) {
            return activity(conceptIri(course, concept), Vocabulary.OBJECTIVE, conceptNames.getOrDefault(concept, concept), null);
        }

        private ObjectNode itemActivity(String item, String prompt, List<String> choices) {
            ObjectNode a = activity(itemIri(course, item), Vocabulary.QUESTION, item, prompt);
            ObjectNode def = (ObjectNode) a.get("definition");
            if (choices.isEmpty()) {
                def.put("interactionType", "fill-in");
            } else {
                def.put("interactionType", "choice");
                ArrayNode cs = def.putArray("choices");
                for (int k = 0; k < choices.size(); k++) {
                    ObjectNode c = cs.addObject();
                    c.put("id", String.valueOf((char) ('A' + Math.min(k, 25))) + (k >= 26 ? String.valueOf(k) : ""));
                    c.putObject("description").put(options.language(), choices.get(k));
                }
            }
            return a;
        }

        private ObjectNode activity(String id, String type, String name, String description) {
            ObjectNode a = JSON.objectNode();
            a.put("objectType", "Activity");
            a.put("id", id);
            ObjectNode def = a.putObject("definition");
            def.put("type", type);
            def.putObject("name").put(options.language(), name == null || name.isBlank() ? id : name);
            if (description != null && !description.isBlank()) def.putObject("description").put(options.language(), description);
            return a;
        }
    }

    static String rungName(int level) {
        for (org.tutorgraph.graph.Rung r : org.tutorgraph.graph.Rung.values()) if (r.level() == level) return r.name();
        return "NONE";
    }

    /** A probability as {@code score.scaled} and in the mastery extensions: in [0, 1], at most 4 decimals. */
    static double scaled(double p) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, p))).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** An ISO 8601 duration to the hundredth of a second, as xAPI asks ({@code PT1H2M3.45S}). */
    static String duration(Duration d) {
        Duration cs = Duration.ofMillis(d.toMillis() / 10 * 10);
        return cs.toString();
    }
}
