package org.tutorgraph.models.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defaults, then the config file, then the environment, then flags; per-agent keys; errors that say where. */
class SettingsResolverTest {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    private Path config(String yaml) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static ConfigLayer flags(String... keyValues) {
        Map<String, Sourced> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], new Sourced(keyValues[i + 1], "flag " + keyValues[i]));
        return new ConfigLayer("flags", m);
    }

    private Settings load(Path configFile, ConfigLayer flags) {
        env.putIfAbsent("HOME", dir.toString());
        return SettingsResolver.load(configFile, flags, env);
    }

    @Test
    void nothingConfiguredMeansEveryAgentOffline() {
        Settings s = load(null, flags());
        assertThat(s.allOffline()).isTrue();
        assertThat(s.stream()).isTrue();
        assertThat(s.configFile()).isEmpty();
        assertThat(s.tutor().describe()).isEqualTo("offline (no model)");
    }

    @Test
    void topLevelSettingIsInheritedAndASectionOverridesIt() throws IOException {
        Path f = config("""
                backend: openai
                baseUrl: http://localhost:8000/v1
                model: qwen2.5-7b
                timeout: 20s
                tutor:
                  backend: ollama
                  baseUrl: http://gpu:11434
                  model: llama3.1:8b
                planner:
                  backend: offline
                """);
        Settings s = load(f, flags());
        assertThat(s.tutor().backend()).isEqualTo(Backend.OLLAMA);
        assertThat(s.tutor().baseUrl()).isEqualTo("http://gpu:11434");
        assertThat(s.tutor().model()).isEqualTo("llama3.1:8b");
        assertThat(s.tutor().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.grader().backend()).isEqualTo(Backend.OPENAI);
        assertThat(s.grader().model()).isEqualTo("qwen2.5-7b");
        assertThat(s.grader().origins().get("model")).isEqualTo(f + ":3");
        assertThat(s.planner().offline()).isTrue();
        assertThat(s.configFile()).contains(f);
    }

    @Test
    void environmentBeatsTheFileAndFlagsBeatTheEnvironment() throws IOException {
        Path f = config("backend: ollama\nmodel: from-file\ntutor:\n  model: tutor-from-file\n");
        env.put("TUTORGRAPH_MODEL", "from-env");
        Settings s = load(f, flags());
        assertThat(s.grader().model()).isEqualTo("from-env");
        assertThat(s.tutor().model()).as("a later source wins even over a per-agent key").isEqualTo("from-env");
        assertThat(s.tutor().origins().get("model")).isEqualTo("TUTORGRAPH_MODEL");

        env.put("TUTORGRAPH_TUTOR_MODEL", "tutor-from-env");
        s = load(f, flags("model", "from-flag"));
        assertThat(s.tutor().model()).isEqualTo("from-flag");

        s = load(f, flags("model", "from-flag", "tutor.model", "tutor-from-flag"));
        assertThat(s.tutor().model()).isEqualTo("tutor-from-flag");
        assertThat(s.grader().model()).isEqualTo("from-flag");
        assertThat(s.tutor().origins().get("model")).isEqualTo("flag tutor.model");
    }

    @Test
    void withinOneSourceTheAgentsOwnKeyWins() {
        env.put("TUTORGRAPH_BACKEND", "ollama");
        env.put("TUTORGRAPH_GRADER_BACKEND", "openai");
        env.put("TUTORGRAPH_GRADER_BASE_URL", "http://127.0.0.1:8080/v1");
        Settings s = load(null, flags());
        assertThat(s.tutor().backend()).isEqualTo(Backend.OLLAMA);
        assertThat(s.tutor().baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(s.tutor().model()).isEqualTo("llama3.2");
        assertThat(s.grader().backend()).isEqualTo(Backend.OPENAI);
        assertThat(s.grader().baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
    }

    @Test
    void diagnosticianSectionIsTheGrader() throws IOException {
        Settings s = load(config("diagnostician:\n  backend: ollama\n  model: small\n"), flags());
        assertThat(s.grader().model()).isEqualTo("small");
        assertThat(s.tutor().offline()).isTrue();
    }

    @Test
    void unknownKeysAndBadValuesAreReportedWithFileAndLine() throws IOException {
        Path f = config("""
                backend: openai
                modle: gpt
                tutor:
                  temperature: 2
                timeout: soon
                retries: 9
                grader:
                  backend: llamafile
                """);
        assertThatThrownBy(() -> load(f, flags()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(
                        f + ":2: unknown key 'modle'; known: backend, baseUrl, model, apiKeyEnv, apiKeyFile, timeout, retries, "
                                + "structuredOutput, prompts, store, stream, tutor, grader, planner, judge",
                        f + ":4: unknown key 'temperature' in tutor:; known: backend, baseUrl, model, apiKeyEnv, apiKeyFile, "
                                + "timeout, retries, structuredOutput"));
        Path g = config("timeout: soon\nretries: 9\ngrader:\n  backend: llamafile\n");
        assertThatThrownBy(() -> load(g, flags()))
                .satisfies(e -> assertThat(((ConfigException) e).problems()).contains(
                        g + ":4: unknown backend 'llamafile'; use offline|openai|ollama",
                        g + ":1: 'soon' is not a duration; write e.g. 30s, 500ms or 2m",
                        g + ":2: retries must be a whole number from 0 to 5, not '9'"));
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        Path f = config("backend: openai\nmodel: [unclosed\n");
        assertThatThrownBy(() -> load(f, flags())).isInstanceOf(ConfigException.class).hasMessageStartingWith(f + ":");
        Path g = config("- just\n- a list\n");
        assertThatThrownBy(() -> load(g, flags())).hasMessageContaining("must be a mapping");
    }

    @Test
    void durationsAcceptUnits() {
        for (var c : List.of(List.of("500ms", "PT0.5S"), List.of("2m", "PT2M"), List.of("1.5s", "PT1.5S"), List.of("45", "PT45S"))) {
            env.put("TUTORGRAPH_TIMEOUT", c.get(0));
            env.put("TUTORGRAPH_BACKEND", "ollama");
            assertThat(load(null, flags()).tutor().timeout()).isEqualTo(Duration.parse(c.get(1)));
        }
    }

    @Test
    void badFlagValuesNameTheFlag() {
        assertThatThrownBy(() -> load(null, flags("backend", "openai", "baseUrl", "localhost:8000")))
                .hasMessageContaining("flag baseUrl: 'localhost:8000' is not an http(s) URL");
    }

    @Test
    void urlCarryingCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> load(null, flags("backend", "openai", "baseUrl", "http://me:hunter22@host/v1")))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void openAiKeyComesFromOpenAiApiKeyByDefault() {
        env.put("OPENAI_API_KEY", "sk-test-0123456789abcdef");
        Settings s = load(null, flags("backend", "openai"));
        assertThat(s.tutor().apiKey()).get().extracting(k -> k.reveal()).isEqualTo("sk-test-0123456789abcdef");
        assertThat(s.toString()).doesNotContain("sk-test-0123456789abcdef").contains("environment variable OPENAI_API_KEY");
        assertThat(s.tutor().describe()).contains("key from environment variable OPENAI_API_KEY").doesNotContain("0123456789");
    }

    @Test
    void perAgentKeyVariableAndMissingVariableNote() throws IOException {
        env.put("GRADER_KEY", "gk-secret-value-123");
        Path f = config("backend: openai\ngrader:\n  apiKeyEnv: GRADER_KEY\ntutor:\n  apiKeyEnv: TUTOR_KEY\n");
        Settings s = load(f, flags());
        assertThat(s.grader().apiKey()).get().extracting(k -> k.reveal()).isEqualTo("gk-secret-value-123");
        assertThat(s.tutor().apiKey()).isEmpty();
        assertThat(s.tutor().keyNote()).isEqualTo("the environment variable TUTOR_KEY is not set (named by " + f + ":5)");
        assertThat(s.planner().keyNote()).isEqualTo("the environment variable OPENAI_API_KEY is not set");
    }

    @Test
    void keyFileIsReadRelativeToTheConfigFileAndNeverShown() throws IOException {
        Files.writeString(dir.resolve("key.txt"), "\n  sk-from-file-abcdef123456  \n");
        Path f = config("backend: openai\napiKeyFile: key.txt\n");
        Settings s = load(f, flags());
        assertThat(s.tutor().apiKey()).get().extracting(k -> k.reveal()).isEqualTo("sk-from-file-abcdef123456");
        assertThat(s.tutor().apiKey().get().source()).isEqualTo("file " + dir.resolve("key.txt"));
        assertThat(s.toString()).doesNotContain("sk-from-file");
    }

    @Test
    void missingKeyFileIsANoteNotACrash() throws IOException {
        Path f = config("backend: ollama\napiKeyFile: ~/nowhere.key\n");
        Settings s = load(f, flags());
        assertThat(s.tutor().apiKey()).isEmpty();
        assertThat(s.tutor().keyNote()).contains(dir.resolve("nowhere.key").toString()).contains("no such file");
    }

    @Test
    void ollamaSendsNoKeyUnlessConfigured() {
        env.put("OPENAI_API_KEY", "sk-not-for-ollama-123456");
        Settings s = load(null, flags("backend", "ollama"));
        assertThat(s.tutor().apiKey()).isEmpty();
        assertThat(s.tutor().keyNote()).isEmpty();
    }

    @Test
    void keyNameThatLooksLikeAKeyIsRefused() {
        env.put("TUTORGRAPH_API_KEY_ENV", "sk-abc-def-ghi-jkl-mno");
        assertThatThrownBy(() -> load(null, flags("backend", "openai")))
                .hasMessageContaining("is not an environment variable name")
                .hasMessageNotContaining("sk-abc-def-ghi-jkl-mno");
    }

    @Test
    void configFileIsFoundUnderXdgConfigHomeOrNamedByVariable() throws IOException {
        Path xdg = dir.resolve("xdg");
        Files.createDirectories(xdg.resolve("tutorgraph"));
        Files.writeString(xdg.resolve("tutorgraph/config.yaml"), "backend: ollama\n");
        env.put("XDG_CONFIG_HOME", xdg.toString());
        assertThat(load(null, flags()).tutor().backend()).isEqualTo(Backend.OLLAMA);

        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "backend: openai\n");
        env.put("TUTORGRAPH_CONFIG", other.toString());
        assertThat(load(null, flags()).tutor().backend()).isEqualTo(Backend.OPENAI);

        env.put("TUTORGRAPH_CONFIG", dir.resolve("missing.yaml").toString());
        assertThatThrownBy(() -> load(null, flags())).hasMessageContaining("TUTORGRAPH_CONFIG=").hasMessageContaining("no such file");
        assertThatThrownBy(() -> load(dir.resolve("nope.yaml"), flags())).hasMessageContaining("--config");
    }

    @Test
    void promptsStoreAndStreamAreGlobal() throws IOException {
        Files.createDirectories(dir.resolve("my-prompts"));
        Path f = config("prompts: my-prompts\nstore: ~/data/learners.db\nstream: false\n");
        Settings s = load(f, flags());
        assertThat(s.promptDirs()).containsExactly(dir.resolve("my-prompts"));
        assertThat(s.store()).contains(dir.resolve("data/learners.db").toString());
        assertThat(s.stream()).isFalse();
        env.put("TUTORGRAPH_STORE", "jdbc:postgresql://db/tutor");
        assertThat(load(f, flags()).store()).contains("jdbc:postgresql://db/tutor");
    }

    @Test
    void promptFoldersLayerFlagThenEnvironmentThenConfigThenXdg() throws IOException {
        Path fromFlag = Files.createDirectories(dir.resolve("flag-prompts"));
        Path fromEnv = Files.createDirectories(dir.resolve("env-prompts"));
        Path fromFile = Files.createDirectories(dir.resolve("file-prompts"));
        Path xdg = Files.createDirectories(dir.resolve("xdg/tutorgraph/prompts"));
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        env.put("TUTORGRAPH_PROMPTS", fromEnv.toString());
        Path f = config("prompts: file-prompts\n");
        assertThat(load(f, flags("prompts", fromFlag.toString())).promptDirs()).containsExactly(fromFlag, fromEnv, fromFile, xdg);
        env.remove("TUTORGRAPH_PROMPTS");
        assertThat(load(f, flags("prompts", fromFile.toString())).promptDirs()).as("a folder named twice is used once")
                .containsExactly(fromFile, xdg);
        Files.delete(xdg);
        assertThat(load(null, flags()).promptDirs()).as("the XDG folder only when it exists").isEmpty();
    }

    @Test
    void aMissingPromptFolderIsAnErrorSayingWhereItWasSet() throws IOException {
        Path f = config("model: m\nprompts: nowhere\n");
        assertThatThrownBy(() -> load(f, flags()))
                .hasMessageContaining(f + ":2: no prompt folder at " + dir.resolve("nowhere"));
    }

    @Test
    void theXdgFoldersFollowXdgConfigHomeOrTheHomeFolder() {
        assertThat(SettingsResolver.defaultPromptDir(Map.of("HOME", "/home/ada"))).isEqualTo(Path.of("/home/ada/.config/tutorgraph/prompts"));
        assertThat(SettingsResolver.defaultPromptDir(Map.of("XDG_CONFIG_HOME", "/cfg", "HOME", "/home/ada")))
                .isEqualTo(Path.of("/cfg/tutorgraph/prompts"));
        assertThat(SettingsResolver.defaultConfigPath(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/home/ada")))
                .as("a relative XDG_CONFIG_HOME is ignored, as the XDG rules say").isEqualTo(Path.of("/home/ada/.config/tutorgraph/config.yaml"));
    }

    @Test
    void theJudgeUsesItsOwnKeysThenTheTutorsThenTheSharedOnes() throws IOException {
        Path f = config("""
                backend: openai
                model: shared-model
                tutor:
                  backend: ollama
                  model: tutor-model
                """);
        Settings s = load(f, flags());
        assertThat(s.model(ModelRole.JUDGE).backend()).isEqualTo(Backend.OLLAMA);
        assertThat(s.model(ModelRole.JUDGE).model()).isEqualTo("tutor-model");
        assertThat(s.model(ModelRole.JUDGE).sameModelAs(s.tutor())).isTrue();

        Settings judged = load(f, flags("judge.backend", "openai", "judge.model", "gpt-4o"));
        assertThat(judged.model(ModelRole.JUDGE).backend()).isEqualTo(Backend.OPENAI);
        assertThat(judged.model(ModelRole.JUDGE).model()).isEqualTo("gpt-4o");
        assertThat(judged.model(ModelRole.JUDGE).baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(judged.tutor().model()).isEqualTo("tutor-model");

        Path sectioned = config("backend: ollama\njudge:\n  model: big-judge\n");
        assertThat(load(sectioned, flags()).model(ModelRole.JUDGE).model()).isEqualTo("big-judge");
        assertThat(load(sectioned, flags()).tutor().model()).isEqualTo(Backend.OLLAMA.defaultModel());
        env.put("TUTORGRAPH_JUDGE_MODEL", "env-judge");
        assertThat(load(sectioned, flags()).model(ModelRole.JUDGE).model()).isEqualTo("env-judge");
    }

    @Test
    void aBaseUrlWithoutABackendMeansAnOpenAiCompatibleServer() {
        Settings s = load(null, flags("baseUrl", "http://127.0.0.1:8000/v1", "model", "qwen"));
        assertThat(s.tutor().backend()).isEqualTo(Backend.OPENAI);
        assertThat(s.tutor().baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(s.tutor().origins().get("backend")).isEqualTo("implied by flag baseUrl (an OpenAI-compatible server)");
        Settings planner = load(null, flags("planner.baseUrl", "http://127.0.0.1:8000/v1"));
        assertThat(planner.planner().backend()).isEqualTo(Backend.OPENAI);
        assertThat(planner.tutor().offline()).isTrue();
        assertThat(load(null, flags("backend", "offline", "baseUrl", "http://127.0.0.1:8000/v1")).allOffline())
                .as("an explicit backend wins").isTrue();
    }

    @Test
    void everyKeyHasAVariableAndAFlag() {
        assertThat(ConfigKeys.env(ModelRole.GRADER, ConfigKeys.BASE_URL)).isEqualTo("TUTORGRAPH_GRADER_BASE_URL");
        assertThat(ConfigKeys.flag(ModelRole.PLANNER, ConfigKeys.MODEL)).isEqualTo("--planner-model");
        for (String k : ConfigKeys.ROLE_KEYS) {
            assertThat(ConfigKeys.env(k)).startsWith("TUTORGRAPH_");
            assertThat(ConfigKeys.flag(k)).startsWith("--");
        }
        assertThat(ConfigKeys.all()).contains("tutor.model", "grader.apiKeyFile", "prompts");
    }
}
