package org.tutorgraph.prompts.tournament;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeAnswerTest {

    @Test
    void readsPlainFencedAndLabelledAnswers() {
        assertThat(JudgeAnswer.parse("{\"winner\": \"A\", \"reason\": \"clear\"}")).contains(new JudgeAnswer("A", "clear"));
        assertThat(JudgeAnswer.parse("Verdict:\n```json\n{\"winner\":\"b\"}\n```")).contains(new JudgeAnswer("B", ""));
        assertThat(JudgeAnswer.parse("{\"winner\": \"Reply A\", \"reason\": \"x\"}")).contains(new JudgeAnswer("A", "x"));
        assertThat(JudgeAnswer.parse("{\"winner\": \"draw\"}")).contains(new JudgeAnswer("tie", ""));
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(JudgeAnswer.parse("A is better")).isEmpty();
        assertThat(JudgeAnswer.parse("{\"winner\": \"C\"}")).isEmpty();
        assertThat(JudgeAnswer.parse("{\"choice\": \"A\"}")).isEmpty();
        assertThat(JudgeAnswer.parse("{not json}")).isEmpty();
        assertThat(JudgeAnswer.parse(null)).isEmpty();
    }
}
