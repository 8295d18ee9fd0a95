package org.tutorgraph.models.bench;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;
import org.tutorgraph.models.prompt.Prompts;
import org.tutorgraph.models.tutor.TutorPrompt;
import org.tutorgraph.prompts.ScriptedLearner;
import org.tutorgraph.prompts.TutorSituation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prompt tokens per tutor turn on a scripted session over a course: for every item, a learner who gives the item's
 * first known wrong answer (or "I'm not sure") and climbs the whole ladder (orient, probe, scaffold, bottom-out),
 * then a feedback turn on a correct answer. Each turn's request is built exactly as the chat builds it
 * ({@link TutorPrompt}: system + rung or feedback template, with the mastery summary and the dialogue so far) and
 * counted with the OpenAI tokenizer langchain4j ships (jtokkit, {@code gpt-4o-mini}'s o200k encoding, message
 * overhead included). The regeneration after a leak is not a turn of its own and is not counted. O(items × rungs).
 */
public final class PromptTokenBench {

    /** The per-turn target of issue 6. */
    public static final int TARGET_MEDIAN = 900;

    /** One template's sizes over the session: its user message alone, in tokens. */
    public record TemplateSize(String template, int turns, int median, int min, int max) {
    }

    /**
     * @param turns        tutor turns counted
     * @param median       median prompt tokens per turn (system + user message)
     * @param p90          90th percentile
     * @param max          largest turn
     * @param systemTokens the system message alone (the same on every turn of a course)
     * @param templates    per template, its user message's sizes
     */
    public record Result(String course, int turns, int median, int p90, int max, int systemTokens, List<TemplateSize> templates) {
        public boolean meetsTarget() {
            return median <= TARGET_MEDIAN;
        }
    }

    private final OpenAiTokenCountEstimator tokenizer = new OpenAiTokenCountEstimator("gpt-4o-mini");

    public Result run(CoursePack pack, Prompts prompts) {
        ModelSettings s = ModelSettings.offline(ModelRole.TUTOR);
        List<Integer> perTurn = new ArrayList<>();
        Map<String, List<Integer>> perTemplate = new LinkedHashMap<>();
        int system = -1;
        for (Item item : pack.items()) {
            String attempt = wrongAnswer(item);
            Misconception m = ScriptedLearner.misconception(item);
            String mastery = ScriptedLearner.mastery(pack, item);
            for (Rung rung : Rung.values()) {
                TutorSituation situation = TutorSituation.of(pack, item, rung, attempt, m, mastery)
                        .withVerdict("incorrect").withDialogue(ScriptedLearner.dialogueBefore(item, rung, attempt));
                system = count(prompts, situation, false, s, perTurn, perTemplate, TutorPrompt.template(rung));
            }
            TutorSituation correct = TutorSituation.of(pack, item, Rung.ORIENT, item.primaryAnswer(), null, mastery)
                    .withVerdict("correct").withDialogue(ScriptedLearner.dialogueBefore(item, Rung.BOTTOM_OUT, attempt));
            count(prompts, correct, true, s, perTurn, perTemplate, TutorPrompt.FEEDBACK);
        }
        List<TemplateSize> sizes = new ArrayList<>();
        perTemplate.forEach((t, list) -> sizes.add(new TemplateSize(t, list.size(), percentile(list, 50),
                list.stream().mapToInt(Integer::intValue).min().orElse(0), list.stream().mapToInt(Integer::intValue).max().orElse(0))));
        return new Result(pack.meta().title(), perTurn.size(), percentile(perTurn, 50), percentile(perTurn, 90),
                perTurn.stream().mapToInt(Integer::intValue).max().orElse(0), Math.max(system, 0), sizes);
    }

    private int count(Prompts prompts, TutorSituation situation, boolean feedback, ModelSettings s, List<Integer> perTurn,
                      Map<String, List<Integer>> perTemplate, String template) {
        ModelResult<List<ChatMessage>> messages = TutorPrompt.messages(prompts, situation, feedback, s);
        if (messages instanceof ModelResult.Failed<List<ChatMessage>> f) {
            throw new IllegalArgumentException(f.failure().detail());
        }
        List<ChatMessage> m = messages.valueIfOk().orElseThrow();
        perTurn.add(tokenizer.estimateTokenCountInMessages(m));
        perTemplate.computeIfAbsent(template, k -> new ArrayList<>()).add(tokenizer.estimateTokenCountInText(((UserMessage) m.get(1)).singleText()));
        return tokenizer.estimateTokenCountInText(((SystemMessage) m.get(0)).text());
    }

    private static String wrongAnswer(Item item) {
        Misconception m = ScriptedLearner.misconception(item);
        return m != null ? m.wrongAnswers().get(0) : "I'm not sure";
    }

    /** The nearest-rank percentile {@code p} of {@code values}. */
    static int percentile(List<Integer> values, int p) {
        if (values.isEmpty()) return 0;
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
