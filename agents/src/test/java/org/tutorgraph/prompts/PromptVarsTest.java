package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.Misconception;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PromptVarsTest {

    @Test
    void masterySummaryListsPrerequisitesThenTheConceptInWordsAndNumbers() {
        CourseGraph g = CourseGraph.builder()
                .concept(Concept.of("line", "Integers on the number line"))
                .concept(Concept.of("abs", "Absolute value"))
                .concept(Concept.of("add", "Adding integers"))
                .requires("line", "add").requires("abs", "add").build();
        assertThat(PromptVars.masterySummary(g, "add", Map.of("line", 0.85, "add", 0.3)))
                .isEqualTo("Integers on the number line: likely mastered (0.85); Absolute value: no evidence yet; Adding integers: not yet mastered (0.30)");
        assertThat(PromptVars.masterySummary(g, "line", Map.of("line", 0.6))).isEqualTo("Integers on the number line: partly mastered (0.60)");
    }

    @Test
    void misconceptionsAndChoicesAreOnePerLine() {
        assertThat(PromptVars.misconceptions(List.of(new Misconception("m1", "Adds the sizes.", List.of("19", "-19"), ""),
                new Misconception("m2", "Guesses.", List.of(), ""))))
                .isEqualTo("m1: Adds the sizes. (typical wrong answers: 19, -19)\nm2: Guesses.");
        assertThat(PromptVars.misconceptions(List.of())).isEqualTo("(none known)");
        assertThat(PromptVars.choices(List.of("2", "4"), Placeholders.EN)).isEqualTo("A) 2\nB) 4");
        assertThat(PromptVars.choices(List.of(), Placeholders.FR)).isEqualTo("(pas un QCM)");
    }
}
