package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer no learner could ever give is refused when the pack loads: typed as written, the checker must accept it.
 * Found by the reliability suite's course-pack fuzzer (a text answer '=' loaded, and no attempt could match it).
 */
class UnreachableAnswerTest {

    @TempDir
    Path tmp;

    private List<String> problems(String type, String answers) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(type + Math.abs(answers.hashCode())));
        Files.writeString(dir.resolve("course.yaml"), "id: c\n");
        Files.writeString(dir.resolve("concepts.yaml"), "concepts:\n  - id: a\n");
        Files.createDirectories(dir.resolve("items"));
        Files.writeString(dir.resolve("items/q.yaml"), "items:\n  - id: q\n    concepts: [a]\n    prompt: p\n    type: " + type
                + "\n    answers: " + answers + "\n    ladder:\n      - rung: bottom-out\n        text: t\n");
        return CoursePackLoader.validate(dir).stream().map(PackProblem::toString).toList();
    }

    @Test
    void refusesTextAnswersThatReadAsNoAnswerOrAsNothing() throws IOException {
        assertThat(problems("text", "[\"pass\"]")).containsExactly("items/q.yaml:6: item 'q': answer 'pass' would not be accepted"
                + " if a learner typed it (no answer given); write the answer as a learner would");
        assertThat(problems("text", "[\"=\"]")).containsExactly("items/q.yaml:6: item 'q': answer '=' would not be accepted"
                + " if a learner typed it (no words to read); write the answer as a learner would");
        assertThat(problems("text", "[\"" + "long ".repeat(70) + "\"]")).singleElement().asString()
                .contains("(the answer is too long (more than 300 characters))");
    }

    @Test
    void refusesANumberKeyThatReadsAsSeveralAnswers() throws IOException {
        assertThat(problems("number", "[\"5 or 6\"]")).singleElement().asString()
                .startsWith("items/q.yaml:6: item 'q': number answer '5 or 6' is not a number");
    }

    @Test
    void acceptsWhatALearnerCanType() throws IOException {
        assertThat(problems("text", "[denominator, \"the numerator!\", \"pass the ball\"]")).isEmpty();
        assertThat(problems("number", "[\"3/4\", \"0.75\", \"75%\"]")).isEmpty();
        assertThat(problems("expression", "[\"y = 2x + 1\", \"2(x+1)\"]")).isEmpty();
    }
}
