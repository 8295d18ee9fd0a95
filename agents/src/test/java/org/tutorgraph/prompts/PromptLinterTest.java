package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptLinterTest {

    static Path fixture(String name) {
        return Path.of("src/test/resources/prompt-fixtures", name);
    }

    static final String BROKEN = fixture("broken").toString();

    private static List<String> lintBroken() {
        PromptSource dir = PromptSource.user(fixture("broken"));
        return PromptLinter.lint(List.of(dir), List.of(dir, PromptSource.defaults())).stream().map(PromptProblem::toString).toList();
    }

    @Test
    void reportsTheAnswerVariableBelowBottomOutAtItsDeclaration() {
        assertThat(lintBroken()).contains(BROKEN + "/tutor-probe.md:8: error: {{answer}} is the item's answer: tutor-probe speaks to the "
                + "student below bottom-out, so it must not receive it (only tutor-bottom-out, the Diagnostician and the judges do)");
    }

    @Test
    void reportsABodyThatAsksToTellTheAnswerButNotOneThatForbidsIt() {
        List<String> lines = lintBroken();
        assertThat(lines).filteredOn(l -> l.startsWith(BROKEN + "/tutor-orient.md:11: error: asks the model to reveal the answer"))
                .singleElement().asString().contains("\"tell the student the answer\"");
        assertThat(lines).noneMatch(l -> l.startsWith(BROKEN + "/tutor-orient.md:10:"));
    }

    @Test
    void reportsAHeaderThatDoesNotParseInOneLine() {
        assertThat(lintBroken()).filteredOn(l -> l.startsWith(BROKEN + "/tutor-scaffold.md:"))
                .singleElement().asString()
                .startsWith(BROKEN + "/tutor-scaffold.md:4: error: the header is not valid YAML: while parsing a flow sequence")
                .doesNotContain("\n");
    }

    @Test
    void reportsUnknownVariableWithSuggestionAndUnusedDeclaredVariable() {
        assertThat(lintBroken()).contains(
                BROKEN + "/grade-answer.md:10: error: grade-answer uses unknown variable {{atempt}} (did you mean {{attempt}}?) (tutor prompts vars lists them)",
                BROKEN + "/grade-answer.md:8: warning: variable 'language' is declared but the body never uses it");
    }

    @Test
    void reportsUnknownHeaderKeyAndNameThatDoesNotMatchTheFile() {
        assertThat(lintBroken()).contains(
                BROKEN + "/tutor-feedback.md:5: error: unknown header key 'tone' (known: name, purpose, agent, rung, role, language, variables, samples)",
                BROKEN + "/tutor-feedback.md:2: error: name 'tutor-feedbak' does not match the file name: call the file tutor-feedbak.md or the template tutor-feedback");
    }

    @Test
    void customJudgeCriterionMayUseTheAnswerAndThePartialFrenchFolderIsCompletedByTheDefaults() {
        List<String> lines = lintBroken();
        assertThat(lines).noneMatch(l -> l.contains("judge-style.md"));
        assertThat(lines).noneMatch(l -> l.contains("/fr/"));
        assertThat(lines).noneMatch(l -> l.contains("no usable template"));
    }

    @Test
    void aFolderLintedAloneMustHaveATemplateForEveryRungAndTranslateEveryTutorTemplate() {
        PromptSource dir = PromptSource.user(fixture("broken"));
        List<String> lines = PromptLinter.lint(List.of(), List.of(dir)).stream().map(PromptProblem::toString).toList();
        assertThat(lines).contains(
                BROKEN + ": error: no usable template for the probe rung: add tutor-probe.md",
                BROKEN + ": error: no usable template for the scaffold rung: add tutor-scaffold.md",
                BROKEN + ": error: no usable template for the bottom-out rung: add tutor-bottom-out.md",
                BROKEN + ": error: no usable template for the orient rung: add tutor-orient.md",
                BROKEN + ": warning: fr/ has no tutor-scaffold.md: French courses get the base tutor-scaffold (the tutor's instructions would mix languages)");
    }
}
