package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lints the repository's prompts/ folder and the copy shipped on the class path: both must be clean. */
class ShippedTemplatesTest {

    /** The repository's top-level prompts/ folder, relative to the agents module. */
    static final Path REPO_PROMPTS = Path.of("..", "prompts");

    @Test
    void repositoryPromptsFolderLintsWithoutAnyProblem() {
        assertThat(Files.isDirectory(REPO_PROMPTS)).isTrue();
        PromptSource dir = PromptSource.user(REPO_PROMPTS);
        List<PromptProblem> problems = PromptLinter.lint(List.of(dir), List.of(dir));
        assertThat(problems).map(PromptProblem::toString).isEmpty();
    }

    @Test
    void shippedDefaultsLoadEveryKnownTemplateWithoutErrors() {
        PromptLibrary library = PromptLibrary.defaults();
        assertThat(library.problems()).isEmpty();
        for (PromptRegistry.TemplateSpec spec : PromptRegistry.templates()) {
            Template t = library.template(spec.name());
            assertThat(t.isDefault()).isTrue();
            assertThat(t.header().agent()).isEqualTo(spec.agent());
            assertThat(t.header().rung()).isEqualTo(spec.rung());
        }
    }

    @Test
    void everyTutorTemplateRendersForEveryRungOfABundledItemAndOnlyBottomOutShowsTheAnswer() {
        PromptLibrary library = PromptLibrary.defaults();
        CoursePack pack = BundledCourse.load();
        Item item = pack.item("int-add-1").orElseThrow();
        for (Rung rung : Rung.values()) {
            TutorSituation s = TutorSituation.of(pack, item, rung, "19", item.misconceptions().get(0), "");
            String system = library.render("tutor-system", s.vars());
            String turn = library.render(PromptRegistry.tutorTemplate(rung), s.vars());
            assertThat(system).contains("Middle-school algebra").contains("English");
            assertThat(turn).contains("What is -7 + 12?").contains("Adds the sizes and ignores the signs.");
            boolean bottomOut = rung == Rung.BOTTOM_OUT;
            // The answer is 5; the instruction text must carry it only at bottom-out (the authored bottom-out text also shows it).
            assertThat(turn.contains("state the answer, 5")).isEqualTo(bottomOut);
            assertThat(s.vars().containsKey("answer")).isEqualTo(bottomOut);
            assertThat(library.render("tutor-regenerate", s.vars())).contains(rung.key());
            assertThat(library.render("tutor-feedback", s.withVerdict("incorrect").vars())).contains("Grading result: incorrect");
        }
    }

    @Test
    void diagnosticianAndPlannerTemplatesRenderFromCourseData() {
        PromptLibrary library = PromptLibrary.defaults();
        CoursePack pack = BundledCourse.load();
        Item item = pack.item("int-add-1").orElseThrow();
        String grade = library.render("grade-answer", PromptVars.grading(pack, item, "five"));
        assertThat(grade).contains("Accepted answers (any one is enough; equivalent forms count): 5").contains("five")
                .contains("\"verdict\": \"correct\" | \"incorrect\" | \"unsure\"");
        String named = library.render("name-misconception", PromptVars.misconception(pack, item, "19"));
        assertThat(named).contains("signs-ignored: Adds the sizes and ignores the signs. (typical wrong answers: 19, -19)");
        String plan = library.render("plan-rationale", PromptVars.plan(pack, List.of("Adding integers"),
                "1. Integers on the number line: needed by Adding integers (requires)", "Integers on the number line: not yet mastered (0.30)"));
        assertThat(plan).contains("Adding integers").contains("1. Integers on the number line");
    }

    @Test
    void judgeTemplatesReceiveBothRepliesAndTheAnswer() {
        PromptLibrary library = PromptLibrary.defaults();
        CoursePack pack = BundledCourse.load();
        Item item = pack.item("int-add-1").orElseThrow();
        TutorSituation s = TutorSituation.of(pack, item, Rung.PROBE, "19", null, "");
        for (String criterion : PromptRegistry.DEFAULT_CRITERIA) {
            String text = library.render(PromptRegistry.judgeTemplate(criterion), s.judgeVars("first reply", "second reply", "a teacher"));
            assertThat(text).contains("Reply A:\n<<<\nfirst reply\n>>>").contains("Reply B:\n<<<\nsecond reply\n>>>")
                    .contains("You are a teacher.");
        }
        assertThat(library.render("judge-no-answer", s.judgeVars("a", "b", "j"))).contains("its answer is 5");
    }

    @Test
    void registryExamplesRenderEveryShippedTemplate() {
        PromptLibrary library = PromptLibrary.defaults();
        for (Template t : library.templates()) {
            Map<String, Object> vars = new java.util.HashMap<>();
            for (PromptRegistry.Variable v : PromptRegistry.variables()) vars.put(v.name(), v.example());
            assertThat(PromptLibrary.render(t, vars)).doesNotContain("{{");
        }
    }
}
