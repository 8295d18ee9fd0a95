package org.tutorgraph.answer;

/**
 * One token of text read with math in mind: {@code 3x + 1 = 7, so x is 2.} gives NUMBER, WORD, OPERATOR, NUMBER,
 * EQUALS, NUMBER, PUNCTUATION, WORD, WORD, NUMBER, PUNCTUATION.
 *
 * @param kind  what it is
 * @param text  the token as written (a normalised symbol for operators: {@code ×} reads as {@code *})
 * @param start offset of its first character in the scanned text
 * @param end   offset just after its last character
 */
public record MathToken(Kind kind, String text, int start, int end) {

    /** The kinds of token. */
    public enum Kind {
        /** Digits, possibly with a decimal point or thousands separators: {@code 12}, {@code 0.5}, {@code .5}, {@code 1,200}. */
        NUMBER,
        /** A run of letters: a word, a variable or variables ({@code xy}), a function name. */
        WORD,
        /** {@code + - * / ^} (Unicode {@code − × · ÷} read as their ASCII forms). */
        OPERATOR,
        /** {@code =}. */
        EQUALS,
        /** {@code (}, {@code [} or {@code \{}. */
        OPEN,
        /** {@code )}, {@code ]} or {@code \}}. */
        CLOSE,
        /** {@code %}. */
        PERCENT,
        /** The root sign {@code √}. */
        ROOT,
        /** Anything else: {@code , . ? ! : ; $ '} and other symbols. */
        PUNCTUATION
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    public boolean isOperator(String symbol) {
        return kind == Kind.OPERATOR && text.equals(symbol);
    }
}
