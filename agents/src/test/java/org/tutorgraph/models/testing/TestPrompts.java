package org.tutorgraph.models.testing;

import dev.langchain4j.model.input.PromptTemplate;
import org.tutorgraph.models.prompt.Prompts;

import java.util.Map;

/**
 * Small inline templates with the shipped templates' names and variables, for unit tests that must not depend on the
 * prompt library's wording. Rendering uses langchain4j's {@link PromptTemplate}: a missing variable fails the test.
 */
public final class TestPrompts implements Prompts {

    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("tutor-system", "You tutor the course {{course}} in {{language}}. Never reveal the answer below bottom-out."),
            Map.entry("tutor-orient", "ORIENT for: {{item}} Concept: {{concept}}. {{conceptDescription}} Attempt: {{attempt}}. Hint: {{rungText}}"),
            Map.entry("tutor-probe", "PROBE for: {{item}} Attempt: {{attempt}}. Misconception: {{misconception}}. Hint: {{rungText}}"),
            Map.entry("tutor-scaffold", "SCAFFOLD for: {{item}} Attempt: {{attempt}}. Hint: {{rungText}}"),
            Map.entry("tutor-bottom-out", "BOTTOM-OUT for: {{item}} The answer is {{answer}}. Hint: {{rungText}}"),
            Map.entry("tutor-feedback", "FEEDBACK for: {{item}} Attempt: {{attempt}} Verdict: {{verdict}}"),
            Map.entry("tutor-regenerate", "REGENERATE the {{rung}} rung without the answer. Hint: {{rungText}}"),
            Map.entry("grade-answer", "GRADE {{attempt}} against {{answers}} for {{item}}. Reply JSON."),
            Map.entry("name-misconception", "NAME the misconception behind {{attempt}} for {{item}} among:\n{{misconceptions}}"),
            Map.entry("plan-rationale", "EXPLAIN the plan for {{goals}}:\n{{plan}}"));

    @Override
    public String render(String name, Map<String, ?> vars) {
        String t = TEMPLATES.get(name);
        if (t == null) throw new IllegalArgumentException("no test template " + name);
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) vars;
        return PromptTemplate.from(t).apply(v).text();
    }
}
