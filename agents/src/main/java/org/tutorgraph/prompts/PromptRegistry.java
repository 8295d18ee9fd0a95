package org.tutorgraph.prompts;

import org.tutorgraph.graph.Rung;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says which templates exist, who renders them, and which variables each receives.
 * {@code tutor prompts vars} prints it, the linter checks templates against it and {@link PromptLibrary} refuses a
 * template whose body uses a variable its caller does not supply. Callers (the model backends) must pass every
 * variable listed for a template; {@link TutorSituation#vars()} does that for the tutor and judge templates.
 *
 * <p>Secret variables ({@code answer}, {@code answers}) carry the item's answer. Only the tutor's bottom-out
 * template, the Diagnostician (which grades against them) and the tournament's judges receive them; below
 * bottom-out the tutor never sees the answer, so it cannot repeat it.
 */
public final class PromptRegistry {

    /** The agent that renders a template. */
    public enum Agent {
        TUTOR, DIAGNOSTICIAN, PLANNER, JUDGE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Agent> fromKey(String key) {
            if (key == null) return Optional.empty();
            for (Agent a : values()) if (a.key().equals(key.trim().toLowerCase(Locale.ROOT))) return Optional.of(a);
            return Optional.empty();
        }
    }

    /** Which chat message a rendered template becomes. */
    public enum Role {
        SYSTEM, USER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> fromKey(String key) {
            if (key == null) return Optional.empty();
            for (Role r : values()) if (r.key().equals(key.trim().toLowerCase(Locale.ROOT))) return Optional.of(r);
            return Optional.empty();
        }
    }

    /**
     * A template variable.
     *
     * @param name    as written in a body: {@code {{name}}}
     * @param meaning one line for educators
     * @param example the value {@code tutor prompts render} uses when a template gives no sample
     * @param secret  it carries the answer: never supplied to tutor templates below bottom-out
     */
    public record Variable(String name, String meaning, String example, boolean secret) {
    }

    /**
     * A template the program renders.
     *
     * @param name      file name without {@code .md}
     * @param agent     who renders it
     * @param rung      the hint-ladder rung it phrases, if any
     * @param role      the chat message it becomes
     * @param variables the variables its caller supplies, in display order
     * @param purpose   one line
     */
    public record TemplateSpec(String name, Agent agent, Optional<Rung> rung, Role role, List<String> variables, String purpose) {
        public TemplateSpec {
            variables = List.copyOf(variables);
        }

        /** True when the student reads what this template produces while the answer must stay hidden. */
        public boolean belowBottomOut() {
            return agent == Agent.TUTOR && rung.map(r -> r != Rung.BOTTOM_OUT).orElse(true);
        }
    }

    /** Prefix of the tournament's judge templates: {@code judge-<criterion>}; educators may add criteria. */
    public static final String JUDGE_PREFIX = "judge-";

    /** The default judging criteria, as in "LLM Prompt Evaluation for Educational Applications" plus answer safety. */
    public static final List<String> DEFAULT_CRITERIA = List.of("format", "dialogue-support", "appropriateness", "no-answer");

    /** Variables langchain4j's {@code PromptTemplate} fills in by itself. */
    public static final Set<String> BUILT_IN = Set.of("current_date", "current_time", "current_date_time");

    private static final Map<String, Variable> VARIABLES = new LinkedHashMap<>();

    private static void v(String name, String meaning, String example) {
        VARIABLES.put(name, new Variable(name, meaning, example, false));
    }

    private static void secret(String name, String meaning, String example) {
        VARIABLES.put(name, new Variable(name, meaning, example, true));
    }

    static {
        v("course", "the course title", "Middle-school algebra to linear functions");
        v("concept", "the concept being practised (its name)", "Adding integers");
        v("conceptDescription", "what the concept is about, from the course pack", "Adding positive and negative whole numbers using the number line.");
        v("item", "the question the learner is working on (the item's prompt)", "What is -7 + 12?");
        v("choices", "the options of a multiple-choice item, one per line as 'A) text', or '(not multiple choice)'", "(not multiple choice)");
        v("attempt", "the learner's latest answer or message, or '(no attempt yet)'", "19");
        v("verdict", "how the latest attempt was graded: correct, incorrect, ungraded, or '(not graded)'", "incorrect");
        v("misconception", "the diagnosed misconception (its description), or '(none diagnosed)'", "Adds the sizes and ignores the signs.");
        v("misconceptionProbe", "the course's probing question for that misconception, or ''", "Are -7 and 12 on the same side of zero, or on opposite sides?");
        v("rung", "the hint-ladder rung to phrase: orient, probe, scaffold or bottom-out", "probe");
        v("rungText", "the course's authored text for this rung: ground the phrasing in it", "How many steps does it take to climb from -7 up to zero, and how much of the 12 is still left after that?");
        v("mastery", "the learner's mastery summary: related concepts with their estimated mastery", "Integers on the number line: likely mastered (0.85); Adding integers: not yet (0.30)");
        v("dialogue", "the last turns of the conversation, oldest first, one per line, or '(no earlier turns)'", "Tutor: What is -7 + 12?\nStudent: 19");
        v("language", "the course language's English name: the tutor answers in it", "English");
        v("languageTag", "the course language as a BCP 47 tag", "en");
        secret("answer", "SECRET: the item's answer (bottom-out and judges only)", "5");
        secret("answers", "SECRET: every accepted answer, separated by ' | ' (Diagnostician only)", "5");
        v("answerType", "how the item's answers are written: number, expression, choice or text", "number");
        v("misconceptions", "the item's known misconceptions, one per line as 'id: description (typical wrong answers: …)'",
                "signs-ignored: Adds the sizes and ignores the signs. (typical wrong answers: 19, -19)\nwrong-sign-kept: Subtracts the sizes but keeps the sign of the first number. (typical wrong answers: -5)");
        v("goals", "the learner's goals (concept names), comma-separated", "Solving two-step equations");
        v("plan", "the algorithmic plan, one step per line with its reason", "1. One-step equations: needed by Solving two-step equations (requires); mastery 0.20; 25 min");
        v("replyA", "the first of the two tutor replies being compared (order randomised)", "What happens when you start at -7 and move 12 steps right?");
        v("replyB", "the second of the two tutor replies being compared", "The answer is 5.");
        v("judgePersona", "who the judge is (each judge on the panel has its own)", "an experienced middle-school mathematics teacher");
    }

    private static final List<String> TUTOR = List.of("course", "concept", "conceptDescription", "item", "choices", "attempt",
            "verdict", "misconception", "misconceptionProbe", "rung", "rungText", "mastery", "dialogue", "language", "languageTag");
    private static final List<String> TUTOR_BOTTOM_OUT = plus(TUTOR, "answer");
    private static final List<String> GRADING = List.of("course", "concept", "conceptDescription", "item", "choices",
            "answerType", "answers", "attempt", "language", "languageTag");
    private static final List<String> MISCONCEPTION = plus(GRADING, "misconceptions");
    private static final List<String> PLAN = List.of("course", "goals", "plan", "mastery", "language", "languageTag");
    private static final List<String> JUDGE = plus(TUTOR, "answer", "replyA", "replyB", "judgePersona");

    private static final Map<String, TemplateSpec> TEMPLATES = new LinkedHashMap<>();

    private static void t(String name, Agent agent, Rung rung, Role role, List<String> vars, String purpose) {
        TEMPLATES.put(name, new TemplateSpec(name, agent, Optional.ofNullable(rung), role, vars, purpose));
    }

    static {
        t("tutor-system", Agent.TUTOR, null, Role.SYSTEM, TUTOR, "The tutor's system message: role, pedagogy, language, never the answer below bottom-out.");
        t("tutor-orient", Agent.TUTOR, Rung.ORIENT, Role.USER, TUTOR, "Phrase rung 1: focus the learner on the goal and on what they know.");
        t("tutor-probe", Agent.TUTOR, Rung.PROBE, Role.USER, TUTOR, "Phrase rung 2: one question aimed at the misconception or the next sub-step.");
        t("tutor-scaffold", Agent.TUTOR, Rung.SCAFFOLD, Role.USER, TUTOR, "Phrase rung 3: a smaller sub-problem or an analogous worked example.");
        t("tutor-bottom-out", Agent.TUTOR, Rung.BOTTOM_OUT, Role.USER, TUTOR_BOTTOM_OUT, "Phrase rung 4: show the step and its reason (the only rung that tells).");
        t("tutor-regenerate", Agent.TUTOR, null, Role.USER, TUTOR, "The firmer instruction after a reply revealed the answer below bottom-out.");
        t("tutor-feedback", Agent.TUTOR, null, Role.USER, TUTOR, "Reply to a graded attempt without revealing the answer.");
        t("grade-answer", Agent.DIAGNOSTICIAN, null, Role.USER, GRADING, "Grade a free-text answer that deterministic checking cannot decide (JSON).");
        t("name-misconception", Agent.DIAGNOSTICIAN, null, Role.USER, MISCONCEPTION, "Pick the misconception behind a wrong answer from the item's list, or none (JSON).");
        t("plan-rationale", Agent.PLANNER, null, Role.USER, PLAN, "Phrase the rationale of the algorithmic plan for the learner.");
        t("judge-format", Agent.JUDGE, null, Role.USER, JUDGE, "Tournament judge: which reply is better formatted for a chat turn (JSON).");
        t("judge-dialogue-support", Agent.JUDGE, null, Role.USER, JUDGE, "Tournament judge: which reply better moves the learner's own reasoning forward (JSON).");
        t("judge-appropriateness", Agent.JUDGE, null, Role.USER, JUDGE, "Tournament judge: which reply better suits this learner and situation (JSON).");
        t("judge-no-answer", Agent.JUDGE, null, Role.USER, JUDGE, "Tournament judge: which reply better keeps the answer hidden below bottom-out (JSON).");
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private PromptRegistry() {
    }

    /** Every variable, in display order. */
    public static List<Variable> variables() {
        return List.copyOf(VARIABLES.values());
    }

    public static Optional<Variable> variable(String name) {
        return Optional.ofNullable(VARIABLES.get(name));
    }

    /** The templates the program renders, in display order (custom {@code judge-*} criteria are not listed). */
    public static List<TemplateSpec> templates() {
        return List.copyOf(TEMPLATES.values());
    }

    /**
     * The spec of template {@code name}: a known template, or a custom judge criterion ({@code judge-…}, receiving
     * the judge variables); empty for a name nothing renders.
     */
    public static Optional<TemplateSpec> spec(String name) {
        TemplateSpec known = TEMPLATES.get(name);
        if (known != null) return Optional.of(known);
        if (name.startsWith(JUDGE_PREFIX) && name.length() > JUDGE_PREFIX.length()) {
            return Optional.of(new TemplateSpec(name, Agent.JUDGE, Optional.empty(), Role.USER, JUDGE,
                    "Tournament judge for the custom criterion '" + name.substring(JUDGE_PREFIX.length()) + "' (JSON)."));
        }
        return Optional.empty();
    }

    /** The tutor template that phrases {@code rung}: {@code tutor-orient}, …, {@code tutor-bottom-out}. */
    public static String tutorTemplate(Rung rung) {
        return "tutor-" + rung.key();
    }

    /** The judge template of a criterion. */
    public static String judgeTemplate(String criterion) {
        return JUDGE_PREFIX + criterion;
    }

    /** The names of the templates that every complete library must have (all known templates). */
    public static Set<String> requiredNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(TEMPLATES.keySet()));
    }

    /** Which known templates receive variable {@code name}. */
    public static List<String> templatesReceiving(String name) {
        List<String> out = new ArrayList<>();
        for (TemplateSpec s : TEMPLATES.values()) if (s.variables().contains(name)) out.add(s.name());
        return out;
    }
}
