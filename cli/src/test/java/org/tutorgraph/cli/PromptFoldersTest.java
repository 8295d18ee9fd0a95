package org.tutorgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that renders prompts resolves the same layered folders, file by file: {@code --prompts DIR}, then
 * {@code TUTORGRAPH_PROMPTS}, then the config file's {@code prompts:}, then {@code $XDG_CONFIG_HOME/tutorgraph/prompts/},
 * then the shipped templates.
 */
class PromptFoldersTest {

    @TempDir
    Path tmp;

    Path flagDir;
    Path envDir;
    Path configDir;
    Path xdgDir;
    Path config;
    final Map<String, String> env = new HashMap<>();

    /** A tutor template whose whole body is {@code body} (plus the language line its callers expect). */
    static void template(Path dir, String name, String rung, String body) throws IOException {
        Files.writeString(dir.resolve(name + ".md"), "---\nname: " + name + "\npurpose: test override\nagent: tutor\n"
                + (rung == null ? "role: system\n" : "rung: " + rung + "\n")
                + "variables:\n  language: the course language\n---\n" + body + " Write in {{language}}.\n");
    }

    @BeforeEach
    void folders() throws IOException {
        flagDir = Files.createDirectories(tmp.resolve("flag"));
        envDir = Files.createDirectories(tmp.resolve("env"));
        configDir = Files.createDirectories(tmp.resolve("conf/my-prompts"));
        xdgDir = Files.createDirectories(tmp.resolve("xdg/tutorgraph/prompts"));
        // each folder overrides tutor-system, so the highest wins it; and each owns one rung no higher folder touches
        for (Path dir : new Path[]{flagDir, envDir, configDir, xdgDir}) template(dir, "tutor-system", null, "SYSTEM from " + dir.getFileName() + ".");
        template(envDir, "tutor-orient", "orient", "ORIENT from env.");
        template(configDir, "tutor-probe", "probe", "PROBE from config.");
        template(xdgDir, "tutor-scaffold", "scaffold", "SCAFFOLD from xdg.");
        config = tmp.resolve("conf/config.yaml");
        Files.writeString(config, "prompts: my-prompts\n");   // relative to the config file's folder
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
        env.put("TUTORGRAPH_PROMPTS", envDir.toString());
        env.put("TUTORGRAPH_CONFIG", config.toString());
    }

    private String render(String template, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "prompts";
        args[1] = "render";
        args[2] = template;
        args[3] = "--set=language=English";
        System.arraycopy(more, 0, args, 4, more.length);
        Cli.Run r = Cli.run(env, args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    void renderTakesEachTemplateFromTheHighestFolderThatHasIt() {
        assertThat(render("tutor-system", "--prompts", flagDir.toString())).isEqualTo("SYSTEM from flag. Write in English.");
        assertThat(render("tutor-system")).isEqualTo("SYSTEM from env. Write in English.");
        assertThat(render("tutor-orient", "--prompts", flagDir.toString())).isEqualTo("ORIENT from env. Write in English.");
        assertThat(render("tutor-probe", "--prompts", flagDir.toString())).isEqualTo("PROBE from config. Write in English.");
        assertThat(render("tutor-scaffold", "--prompts", flagDir.toString())).isEqualTo("SCAFFOLD from xdg. Write in English.");
        assertThat(render("tutor-bottom-out", "--prompts", flagDir.toString())).contains("BOTTOM-OUT");
        env.remove("TUTORGRAPH_PROMPTS");
        assertThat(render("tutor-system")).as("the config file's folder, relative to the file").isEqualTo("SYSTEM from my-prompts. Write in English.");
        env.remove("TUTORGRAPH_CONFIG");
        assertThat(render("tutor-system")).isEqualTo("SYSTEM from prompts. Write in English.");
    }

    @Test
    void listShowLintAndDiffSeeTheSameFolders() throws IOException {
        Cli.Run list = Cli.run(env, "prompts", "list", "--prompts", flagDir.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(flagDir.resolve("tutor-system.md").toString()).contains(envDir.resolve("tutor-orient.md").toString())
                .contains(configDir.resolve("tutor-probe.md").toString()).contains(xdgDir.resolve("tutor-scaffold.md").toString());
        Cli.Run path = Cli.run(env, "prompts", "show", "tutor-probe", "--path");
        assertThat(path.out().strip()).isEqualTo(configDir.resolve("tutor-probe.md").toString());
        Cli.Run diff = Cli.run(env, "prompts", "diff", "tutor-scaffold");
        assertThat(diff.out()).contains("+SCAFFOLD from xdg.");
        Files.writeString(xdgDir.resolve("tutor-scaffold.md"), Files.readString(xdgDir.resolve("tutor-scaffold.md"))
                .replace("variables:\n", "variables:\n  item: declared, never used\n"));
        Cli.Run lint = Cli.run(env, "prompts", "lint");
        assertThat(lint.out()).contains(xdgDir.resolve("tutor-scaffold.md") + ":7: warning: ").endsWith("0 errors, 1 warning\n");
    }

    @Test
    void evalTokensMeasuresTheTemplatesInUse() throws Exception {
        Cli.Run shipped = Cli.run(Map.of("HOME", tmp.resolve("nobody").toString()), "eval", "tokens", "--json");
        Cli.Run layered = Cli.run(env, "eval", "tokens", "--json");
        assertThat(layered.exit()).as(layered.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(shipped.out());
        JsonNode b = new ObjectMapper().readTree(layered.out());
        assertThat(b.get("system").asInt()).as("the one-line tutor-system from TUTORGRAPH_PROMPTS").isLessThan(20)
                .isLessThan(a.get("system").asInt());
    }

    @Test
    void aPromptFolderThatDoesNotExistIsAUserErrorNamingWhereItWasSet() {
        Cli.Run r = Cli.run(env, "prompts", "list", "--prompts", tmp.resolve("typo").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tutor: --prompts: no prompt folder at " + tmp.resolve("typo") + " (create it, or fix the path)\n");
    }
}
