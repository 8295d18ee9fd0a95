package org.tutorgraph.graph;

import java.util.List;
import java.util.Objects;

/**
 * A question that assesses one or more concepts.
 *
 * @param id             unique in its course
 * @param prompt         what the learner sees
 * @param type           how answers are written and compared
 * @param answers        accepted answers (at least one); for {@link AnswerType#CHOICE} a letter or a choice's text
 * @param choices        the options of a multiple-choice item, in order (A, B, …); empty otherwise
 * @param tolerance      absolute tolerance for numeric answers ({@code 0} means exact up to rounding noise)
 * @param concepts       the concepts it assesses (at least one)
 * @param misconceptions known wrong answers and what they reveal
 * @param ladder         the authored hint ladder, lowest rung first
 */
public record Item(String id, String prompt, AnswerType type, List<String> answers, List<String> choices,
                   double tolerance, List<String> concepts, List<Misconception> misconceptions, List<HintRung> ladder) {
    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(type, "type");
        answers = List.copyOf(answers);
        choices = List.copyOf(choices);
        concepts = List.copyOf(concepts);
        misconceptions = List.copyOf(misconceptions);
        ladder = List.copyOf(ladder);
    }

    /** The first accepted answer: the one a bottom-out shows. */
    public String primaryAnswer() {
        return answers.isEmpty() ? "" : answers.get(0);
    }
}
