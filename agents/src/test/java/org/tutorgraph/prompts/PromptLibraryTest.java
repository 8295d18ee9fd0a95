package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.CoursePackLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLibraryTest {

    static Path fixture(String name) {
        return Path.of("src/test/resources/prompt-fixtures", name);
    }

    private static Map<String, Object> probeVars(String languageTag) {
        Map<String, Object> vars = new HashMap<>();
        for (PromptRegistry.Variable v : PromptRegistry.variables()) if (!v.secret()) vars.put(v.name(), v.example());
        vars.put("languageTag", languageTag);
        return vars;
    }

    @Test
    void anOverrideReplacesOneFileAndTheDefaultsSupplyTheRest() {
        PromptLibrary library = PromptLibrary.withOverrides(fixture("override"));
        assertThat(library.problems()).isEmpty();
        Template probe = library.template("tutor-probe");
        assertThat(probe.isDefault()).isFalse();
        assertThat(probe.location()).isEqualTo(fixture("override").resolve("tutor-probe.md").toString());
        assertThat(library.render("tutor-probe", probeVars("en")))
                .isEqualTo("OVERRIDE: ask one question about \"What is -7 + 12?\" after the attempt 19. Write in English.");
        assertThat(library.template("tutor-orient").isDefault()).isTrue();
    }

    @Test
    void higherFoldersOverrideLowerOnesFileByFileAndTheDefaultsComeLast(@TempDir Path tmp) throws Exception {
        Path flag = Files.createDirectories(tmp.resolve("flag"));
        Path config = Files.createDirectories(tmp.resolve("config"));
        Path xdg = Files.createDirectories(tmp.resolve("xdg/tutorgraph/prompts"));
        write(config.resolve("tutor-orient.md"), "tutor-orient", "orient", "CONFIG orient");
        write(xdg.resolve("tutor-orient.md"), "tutor-orient", "orient", "XDG orient");
        write(xdg.resolve("tutor-scaffold.md"), "tutor-scaffold", "scaffold", "XDG scaffold");
        write(flag.resolve("tutor-scaffold.md"), "tutor-scaffold", "scaffold", "FLAG scaffold");
        List<PromptSource> sources = PromptDirectories.sources(List.of(flag, config, xdg, flag.resolve("../flag")));
        assertThat(sources).map(PromptSource::label).containsExactly(flag.toString(), config.toString(), xdg.toString(), "default");
        PromptLibrary library = PromptLibrary.load(sources);
        assertThat(library.render("tutor-orient", Map.of())).isEqualTo("CONFIG orient");
        assertThat(library.render("tutor-scaffold", Map.of())).isEqualTo("FLAG scaffold");
        assertThat(library.template("tutor-probe").isDefault()).isTrue();
    }

    @Test
    void aFrenchCourseGetsTheFrenchTutorTemplates() throws Exception {
        CoursePack pack = CoursePackLoader.load(fixture("french-course"));
        assertThat(pack.meta().language()).isEqualTo("fr");
        Item item = pack.item("add-1").orElseThrow();
        TutorSituation s = TutorSituation.of(pack, item, Rung.PROBE, "19", item.misconceptions().get(0), "");
        PromptLibrary library = PromptLibrary.defaults();
        String system = library.render("tutor-system", s.vars());
        String probe = library.render("tutor-probe", s.vars());
        assertThat(library.template("tutor-probe", "fr").qualifiedName()).isEqualTo("fr/tutor-probe");
        assertThat(system).contains("Tu es un tuteur patient").contains("Les nombres relatifs");
        assertThat(probe).contains("Écris le prochain tour du tuteur pour l'échelon QUESTIONNER")
                .contains("Combien font -7 + 12 ?")
                .contains("Additionne les distances à zéro sans tenir compte des signes.")
                .contains("(pas d'échanges précédents)")
                .doesNotContain("(no earlier turns)");
    }

    @Test
    void aRegionalTagFallsBackToItsLanguageAndAnUnknownLanguageToTheBaseTemplateThatNamesIt() {
        PromptLibrary library = PromptLibrary.defaults();
        assertThat(library.template("tutor-probe", "fr-CA").qualifiedName()).isEqualTo("fr/tutor-probe");
        assertThat(library.template("grade-answer", "fr").qualifiedName()).isEqualTo("grade-answer");
        Map<String, Object> vars = probeVars("de");
        vars.put("language", Languages.englishName("de"));
        assertThat(library.render("tutor-system", vars)).contains("Write in German (language tag de)");
    }

    @Test
    void renderNamesTheMissingVariablesInsteadOfFailingInsideLangchain4j() {
        PromptLibrary library = PromptLibrary.defaults();
        assertThatThrownBy(() -> library.render("tutor-probe", Map.of("item", "x")))
                .isInstanceOf(PromptException.class)
                .hasMessageStartingWith("template tutor-probe (default:org/tutorgraph/prompts/tutor-probe.md) needs variables choices, concept,");
        assertThatThrownBy(() -> library.template("no-such-template")).isInstanceOf(PromptException.class);
    }

    @Test
    void valuesAreInsertedOnceAndNeverExpandedAgain() {
        PromptLibrary library = PromptLibrary.withOverrides(fixture("override"));
        Map<String, Object> vars = probeVars("en");
        vars.put("attempt", "{{answer}} $1 \\ {{item}}");
        assertThat(library.render("tutor-probe", vars)).contains("after the attempt {{answer}} $1 \\ {{item}}.");
    }

    @Test
    void reloadReportsABrokenTemplateAndKeepsThePreviousVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tutor-orient.md");
        write(file, "tutor-orient", "orient", "FIRST version");
        PromptLibrary library = PromptLibrary.withOverrides(dir);
        assertThat(library.render("tutor-orient", Map.of())).isEqualTo("FIRST version");

        write(file, "tutor-orient", "orient", "SECOND version");
        assertThat(library.reload()).isEmpty();
        assertThat(library.render("tutor-orient", Map.of())).isEqualTo("SECOND version");

        Files.writeString(file, "---\nname: tutor-orient\npurpose: broken\nagent: tutor\nrung: orient\n---\nUse {{answr}} here.\n");
        List<PromptProblem> problems = library.reload();
        assertThat(problems).singleElement().asString()
                .isEqualTo(file + ":7: error: tutor-orient uses unknown variable {{answr}} (did you mean {{answer}}?) (tutor prompts vars lists them) (kept the previous version)");
        assertThat(library.render("tutor-orient", Map.of())).isEqualTo("SECOND version");
        assertThat(library.problems()).isEqualTo(problems);
    }

    @Test
    void aBrokenOverrideWithoutPreviousVersionFallsBackToTheDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tutor-scaffold.md"), "no header at all\n");
        PromptLibrary library = PromptLibrary.withOverrides(dir);
        assertThat(library.problems()).singleElement().asString()
                .endsWith("tutor-scaffold.md:1: error: a template starts with a header between two '---' lines (name, purpose, agent, variables) (using the shipped default instead)");
        assertThat(library.template("tutor-scaffold").isDefault()).isTrue();
    }

    @Test
    void aMissingUserDirectoryIsReported(@TempDir Path dir) {
        PromptLibrary library = PromptLibrary.withOverrides(dir.resolve("absent"));
        assertThat(library.problems()).singleElement().asString().contains("no prompt directory here");
        assertThat(library.template("tutor-probe").isDefault()).isTrue();
    }

    static void write(Path file, String name, String rung, String body) throws Exception {
        Files.writeString(file, "---\nname: " + name + "\npurpose: test\nagent: tutor\nrung: " + rung + "\nvariables: {}\n---\n" + body + "\n");
    }
}
