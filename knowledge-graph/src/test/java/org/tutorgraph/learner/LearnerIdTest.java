package org.tutorgraph.learner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnerIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a", "Bob_2", "class-7b.student.12", "0042"})
    void acceptsShortSafeIds(String id) {
        assertThat(LearnerId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../etc/passwd", "a/b", "a\\b", "..", ".hidden", "-rf", "_x", "C:evil",
            "x'; DROP TABLE events; --", "a\"b", "a b", "a%20b", "a*", "alice;",
            "a\u0000b", "a\nb", "a\rb", "\u001b[31mred", "a\u007fb", "a\u202eb",
            "\u0430lice" /* Cyrillic a */, "ali\u00e7e", "🙂", ""})
    void rejectsPathsSqlControlCharactersAndLookalikes(String id) {
        assertThat(LearnerId.isValid(id)).isFalse();
        assertThatThrownBy(() -> LearnerId.of(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learner id");
    }

    @Test
    void rejectsNullAndOverlongIdsWithAShortMessage() {
        assertThatThrownBy(() -> LearnerId.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearnerId.of("a".repeat(65))).hasMessageContaining("longer than 64");
        String megabyte = "x".repeat(1 << 20);
        assertThatThrownBy(() -> LearnerId.of(megabyte)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        String megabyteOfControls = "\u001b".repeat(1 << 20);
        assertThatThrownBy(() -> LearnerId.of(megabyteOfControls)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void showsControlCharactersEscapedInTheMessage() {
        assertThatThrownBy(() -> LearnerId.of("a\u001b[2Jb")).hasMessageContaining("\\u001b").hasMessageNotContaining("\u001b");
    }
}
