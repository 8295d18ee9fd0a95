package org.tutorgraph.learner;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasteryEventsTest {

    private static StoredEvent stored(long seq, NewEvent e) {
        return new StoredEvent(LearnerId.of("a"), seq, "s", e.type(), e.payload(), Instant.EPOCH);
    }

    @Test
    void buildsAndReadsBackTheContractFields() {
        NewEvent e = MasteryEvents.event("slope", 0.75, 4);
        assertThat(e.type()).isEqualTo("MasteryUpdated");
        assertThat(MasteryEvents.parse(e.payload())).isEqualTo(new MasteryEvents.Update("slope", 0.75, 4));
        assertThat(MasteryEvents.parse("{\"concept\":\"x\",\"posterior\":1,\"evidence\":0,\"extra\":[1]}"))
                .isEqualTo(new MasteryEvents.Update("x", 1.0, 0));
    }

    @Test
    void namesTheBrokenField() {
        assertThatThrownBy(() -> MasteryEvents.parse("{\"posterior\":0.1,\"evidence\":1}")).hasMessageContaining("'concept'");
        assertThatThrownBy(() -> MasteryEvents.parse("{\"concept\":\"x\",\"posterior\":\"high\",\"evidence\":1}")).hasMessageContaining("'posterior'");
        assertThatThrownBy(() -> MasteryEvents.parse("{\"concept\":\"x\",\"posterior\":0.1,\"evidence\":1.5}")).hasMessageContaining("'evidence'");
        assertThatThrownBy(() -> MasteryEvents.parse("{\"concept\":\"x\",\"posterior\":-0.1,\"evidence\":1}")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> MasteryEvents.parse("{\"concept\":\"x\",\"posterior\":0.1,\"evidence\":-1}")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> MasteryEvents.event("", 0.1, 1)).hasMessageContaining("empty");
        assertThatThrownBy(() -> MasteryEvents.event("x", Double.NaN, 1)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> MasteryEvents.parse("[]")).hasMessageContaining("not a JSON object");
    }

    @Test
    void foldKeepsTheLatestUpdatePerConceptAndIgnoresOtherEvents() {
        var view = MasteryEvents.fold(List.of(
                stored(1, MasteryEvents.event("b", 0.1, 1)),
                stored(2, new NewEvent("AnswerGraded", "{}")),
                stored(3, MasteryEvents.event("a", 0.2, 1)),
                stored(4, MasteryEvents.event("b", 0.3, 2))));
        assertThat(view).containsExactly(
                java.util.Map.entry("a", new Mastery("a", 0.2, 1, 3)),
                java.util.Map.entry("b", new Mastery("b", 0.3, 2, 4)));
    }
}
