package org.tutorgraph.messages;

import org.junit.jupiter.api.Test;
import org.tutorgraph.prompts.PromptProblem;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one message file: the .properties format with each message's line, and the problems an educator can make. */
class MessageFileTest {

    @Test
    void readsMessagesWithTheirLinesEscapesContinuationsAndTheCommentAbove() {
        MessageFile.Parsed p = MessageFile.parse(String.join("\n",
                "# heading", "",
                "a.one = caf\\u00e9",
                "# about b",
                "b.two = first \\",
                "        second",
                "c = line\\nbreak : {{ name }}"), "f");
        assertThat(p.problems()).isEmpty();
        assertThat(p.messages().keySet()).containsExactly("a.one", "b.two", "c");
        assertThat(p.messages().get("a.one")).isEqualTo(new Message("a.one", "café", "f", 3));
        assertThat(p.messages().get("b.two")).isEqualTo(new Message("b.two", "first second", "f", 5));
        assertThat(p.messages().get("c").text()).isEqualTo("line\nbreak : {{ name }}");
        assertThat(p.messages().get("c").placeholders()).containsExactly("name");
        assertThat(p.commentAbove("b.two")).isEqualTo("about b");
        assertThat(p.commentAbove("a.one")).isEmpty(); // a blank line separates it from the heading
    }

    @Test
    void reportsEachMistakeWithItsLine() {
        MessageFile.Parsed p = MessageFile.parse(String.join("\n",
                "ok = fine",
                "Not quite. Try again",
                "bad = \\u00zz",
                "empty =",
                "braces = {{name}",
                "ok = again"), "f");
        assertThat(p.usable()).isFalse();
        assertThat(p.problems()).map(PromptProblem::toString).containsExactly(
                "f:2: error: no '=' after 'Not': write Not = text",
                "f:3: error: malformed escape (Malformed \\uxxxx encoding.): write \\uXXXX with four hex digits, or \\\\ for a backslash",
                "f:4: error: message empty is empty: remove the line to use the message it overrides",
                "f:5: error: message braces has braces that are not a placeholder: write {{name}}",
                "f:6: error: message ok is set twice (first on line 1)");
    }

    @Test
    void renderingFillsEachPlaceholderOnceAndNeverExpandsAValue() {
        Message m = new Message("k", "Bonjour {{learner}} ({{ course }})", "f", 1);
        assertThat(m.render(Map.of("learner", "{{course}}", "course", "Relatifs"))).isEqualTo("Bonjour {{course}} (Relatifs)");
        assertThatThrownBy(() -> m.render(Map.of("learner", "x"))).hasMessageContaining("needs a value for {{course}}");
    }
}
