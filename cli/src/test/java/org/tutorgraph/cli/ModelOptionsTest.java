package org.tutorgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.models.config.Backend;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.config.StructuredOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mixin's flags land on the right settings, above the config file and the environment. */
class ModelOptionsTest {

    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        ModelOptions models = new ModelOptions();

        @Override
        public void run() {
        }
    }

    private Settings parse(Map<String, String> env, String... args) {
        Probe p = new Probe();
        p.models.environment(env);
        new CommandLine(p).parseArgs(args);
        return p.models.settings();
    }

    @Test
    void everyFlagReachesItsSetting() throws IOException {
        Files.writeString(tmp.resolve("key"), "sk-file-key-0123456789\n");
        Settings s = parse(Map.of("HOME", tmp.toString()),
                "--backend", "openai", "--base-url", "http://127.0.0.1:8000/v1", "--model", "shared",
                "--timeout", "5s", "--retries", "2", "--structured-output", "json", "--prompts", tmp.toString(), "--no-stream",
                "--api-key-file", tmp.resolve("key").toString(),
                "--tutor-backend", "ollama", "--tutor-base-url", "http://127.0.0.1:11434", "--tutor-model", "big", "--tutor-timeout", "60s",
                "--grader-model", "small", "--grader-api-key-env", "GRADER_KEY",
                "--planner-backend", "offline");
        assertThat(s.tutor().backend()).isEqualTo(Backend.OLLAMA);
        assertThat(s.tutor().baseUrl()).isEqualTo("http://127.0.0.1:11434");
        assertThat(s.tutor().model()).isEqualTo("big");
        assertThat(s.tutor().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.grader().backend()).isEqualTo(Backend.OPENAI);
        assertThat(s.grader().model()).isEqualTo("small");
        assertThat(s.grader().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.grader().retries()).isEqualTo(2);
        assertThat(s.grader().structuredOutput()).isEqualTo(StructuredOutput.JSON);
        assertThat(s.grader().apiKey()).get().extracting(k -> k.source()).isEqualTo("file " + tmp.resolve("key"));
        assertThat(s.grader().origins().get("model")).isEqualTo("--grader-model");
        assertThat(s.planner().offline()).isTrue();
        assertThat(s.stream()).isFalse();
        assertThat(s.promptDirs()).containsExactly(tmp);
    }

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFile() throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "backend: ollama\nmodel: file-model\n");
        Map<String, String> env = Map.of("HOME", tmp.toString(), "TUTORGRAPH_MODEL", "env-model");
        assertThat(parse(env, "--config", cfg.toString()).tutor().model()).isEqualTo("env-model");
        assertThat(parse(env, "--config", cfg.toString(), "--model", "flag-model").tutor().model()).isEqualTo("flag-model");
    }

    @Test
    void problemsAreUserErrorsPrefixedWithTheProgram() {
        assertThatThrownBy(() -> parse(Map.of("HOME", tmp.toString()), "--backend", "gpt"))
                .isInstanceOf(UserException.class)
                .hasMessage("tutor: --backend: unknown backend 'gpt'; use offline|openai|ollama");
    }
}
