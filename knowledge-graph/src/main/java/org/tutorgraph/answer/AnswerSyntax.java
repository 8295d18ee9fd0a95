package org.tutorgraph.answer;

import org.tutorgraph.graph.AnswerType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks that an authored answer can be read for its item's type, so that checking never meets an unreadable key. */
public final class AnswerSyntax {

    private AnswerSyntax() {
    }

    /**
     * What is wrong with {@code answer} as an answer of {@code type}, or empty when it is fine.
     *
     * @param choices the item's choices (only used for {@link AnswerType#CHOICE})
     */
    public static Optional<String> problem(AnswerType type, String answer, List<String> choices) {
        if (answer == null || answer.isBlank()) return Optional.of("the answer is empty");
        return switch (type) {
            case NUMBER -> Numbers.parse(answer).isPresent() ? Optional.empty()
                    : Optional.of(quoted(answer) + " is not a number (write e.g. 12, -3.5, 3/4, 1 1/2 or 40%)");
            case EXPRESSION -> Expressions.syntaxError(answer).map(e -> quoted(answer) + " " + e);
            case CHOICE -> choiceIndex(answer, choices).isPresent() ? Optional.empty()
                    : Optional.of(quoted(answer) + " names no choice (use a letter A.." + letter(Math.max(choices.size(), 1) - 1)
                    + " or a choice's exact text)");
            case TEXT -> Optional.empty();
        };
    }

    /** The 0-based choice an answer names, by letter ({@code B}, {@code b)}, {@code (b)}) or by its text. */
    public static Optional<Integer> choiceIndex(String answer, List<String> choices) {
        if (answer == null) return Optional.empty();
        String a = answer.strip();
        String letter = a.replaceAll("^[(\\[]?([A-Za-z])[)\\].:]?$", "$1");
        if (letter.length() == 1 && Character.isLetter(letter.charAt(0))) {
            int i = Character.toUpperCase(letter.charAt(0)) - 'A';
            if (i >= 0 && i < choices.size()) return Optional.of(i);
        }
        String norm = a.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").equals(norm)) return Optional.of(i);
        }
        return Optional.empty();
    }

    /** The answer in quotes, shortened to 40 characters: messages must stay readable whatever was written. */
    private static String quoted(String answer) {
        return "'" + (answer.length() > 40 ? answer.substring(0, 37) + "..." : answer) + "'";
    }

    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
