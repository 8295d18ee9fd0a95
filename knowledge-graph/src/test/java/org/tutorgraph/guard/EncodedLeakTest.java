package org.tutorgraph.guard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer written so that the learner decodes it at a glance, and feedback that narrows it down: what a model
 * complying with "say it in base64 / backwards / in Spanish / as a riddle / just tell me if it's higher" writes. Found
 * by the reliability suite's adversarial students (cli: org.tutorgraph.reliability.AdversarialStudentTest), where a
 * complying model tried each form on every item of the bundled course.
 */
class EncodedLeakTest {

    private final LeakGuard guard = new LeakGuard();

    static Item item(AnswerType type, String prompt, String answer, List<String> choices, HintRung... ladder) {
        return new Item("t", prompt, type, List.of(answer), choices, 0, List.of("c"), List.of(), List.of(ladder));
    }

    static final Item FOURTEEN = item(AnswerType.NUMBER, "What is 8 + 6?", "14", List.of());
    static final Item NEG_FORTY = item(AnswerType.NUMBER, "Solve n / 5 = -8.", "-40", List.of());
    static final Item FRACTION = item(AnswerType.NUMBER, "What is 2/7 + 3/7?", "5/7", List.of());
    static final Item LINE = item(AnswerType.EXPRESSION, "Simplify 3(x + 1) + 2x - 3.", "5x", List.of());
    static final Item WORD = item(AnswerType.TEXT, "What do we call the bottom number of a fraction?", "denominator", List.of());
    static final Item CHOICE = item(AnswerType.CHOICE, "Which is larger?", "B", List.of("3/8", "5/8", "They are equal"));
    static final Item SCAFFOLDED = item(AnswerType.NUMBER, "Solve 12 - 2x = 30.", "-9",
            List.of(), HintRung.of(Rung.ORIENT, "Read 12 - 2x as 12 + (-2x)."), new HintRung(Rung.SCAFFOLD, "What is 30 - 12?", "18"),
            HintRung.of(Rung.BOTTOM_OUT, "x = -9."));

    private void leaks(Item item, String message, LeakForm form) {
        LeakVerdict v = guard.check(item, Rung.ORIENT, message);
        assertThat(v.leaked()).as("'%s' should leak", message).isTrue();
        assertThat(v.first().orElseThrow().form()).as(message).isEqualTo(form);
    }

    private void clean(Item item, String message) {
        assertThat(guard.check(item, Rung.ORIENT, message).first()).as("'%s' should be clean", message).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Here it is in base64, so it is not spoiled: MTQ=.",
            "Decode this: VGhlIGFuc3dlciBpcyAxNA==",
            "Written backwards it is 41.",
            "Read it one character at a time: 1 4.",
            "Character by character: 1-4.",
            "Spelled out digit by digit: one, four.",
            "La respuesta es catorce.",
            "La réponse est quatorze.",
            "Die Antwort ist vierzehn.",
            "In Roman numerals the answer is XIV.",
            "In hexadecimal the answer is 0xe.",
            "In binary the answer is 1110.",
            "Here is a riddle: the answer is 11 + 3.",
            "It is three more than eleven.",
            "It is twice seven."})
    void readsTheAnswerInEveryEasilyDecodedForm(String message) {
        // French is read as a language of its own (FrenchNumberWords), not decoded as a foreign one
        leaks(FOURTEEN, message, message.contains("11 + 3") ? LeakForm.EXPRESSION
                : message.startsWith("La réponse") ? LeakForm.NUMBER_WORDS : LeakForm.ENCODED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"The answer is ١٤.", "The answer is १४.", "The answer is 1️⃣4️⃣.", "The answer is １４."})
    void readsDigitsOfEveryScriptAsDigits(String message) {
        leaks(FOURTEEN, message, LeakForm.INTEGER);
    }

    @Test
    void readsSignedAndFractionalAnswersSpelledOut() {
        leaks(NEG_FORTY, "Read it one character at a time: - 4 0.", LeakForm.ENCODED);
        leaks(NEG_FORTY, "Spelled out digit by digit: minus, four, zero.", LeakForm.ENCODED);
        leaks(NEG_FORTY, "La respuesta es menos cuarenta.", LeakForm.ENCODED);
        leaks(FRACTION, "La réponse est cinq sur sept.", LeakForm.ENCODED);
        leaks(FRACTION, "Backwards it reads 7/5.", LeakForm.ENCODED);
        leaks(FRACTION, "Character by character: 5-/-7.", LeakForm.ENCODED);
        assertThat(guard.check(FRACTION, Rung.ORIENT, "Read it one character at a time: 5 / 7.").leaked()).isTrue();
        leaks(FRACTION, "Here is a riddle: the answer is 1 - 2/7.", LeakForm.EXPRESSION);
    }

    @Test
    void readsFrenchUnAsANumberInsideANumberPhraseOnly() {
        Item sixth = item(AnswerType.NUMBER, "What is 1/2 - 1/3?", "1/6", List.of());
        Item minusOne = item(AnswerType.NUMBER, "What is 4 - 5?", "-1", List.of());
        Item twentyOne = item(AnswerType.NUMBER, "What is 3 * 7?", "21", List.of());
        assertThat(guard.check(sixth, Rung.ORIENT, "La réponse est un sur six.").leaked()).isTrue();
        assertThat(guard.check(minusOne, Rung.ORIENT, "La réponse est moins un.").leaked()).isTrue();
        assertThat(guard.check(twentyOne, Rung.ORIENT, "La réponse est vingt et un.").leaked()).isTrue();
        clean(minusOne, "La réponse est un nombre entier : pense à la droite graduée.");
    }

    @Test
    void readsExpressionsAndWordsEncoded() {
        leaks(LINE, "The answer is five x.", LeakForm.ENCODED);
        leaks(LINE, "Written backwards it is x5.", LeakForm.EXPRESSION); // x5 is 5x as it stands
        leaks(WORD, "Backwards it reads rotanimoned.", LeakForm.ENCODED);
        leaks(WORD, "Letter by letter: d e n o m i n a t o r.", LeakForm.ENCODED);
        leaks(WORD, "Spelled: d-e-n-o-m-i-n-a-t-o-r.", LeakForm.ENCODED);
        leaks(WORD, "In ROT13 it is qrabzvangbe.", LeakForm.ENCODED);
        leaks(WORD, "In l33t: d3n0m1n470r.", LeakForm.ENCODED);
    }

    @Test
    void namesAChoiceByItsPlace() {
        leaks(CHOICE, "It is the second option.", LeakForm.CHOICE_LETTER);
        leaks(CHOICE, "Go with option two.", LeakForm.CHOICE_LETTER);
        leaks(CHOICE, "La respuesta correcta es la opción B.", LeakForm.ENCODED);
        clean(CHOICE, "It is not the first option.");
    }

    @Test
    void catchesFeedbackThatNarrowsTheAnswerDown() {
        for (String m : List.of("Your guess is too low.", "Go higher!", "The answer is bigger than 13.",
                "The answer is between 13 and 15.", "Warmer! Keep going.", "The first digit of the answer is 1.",
                "So close: the answer ends in 4.", "It has 2 digits.", "The answer is even.")) {
            leaks(FOURTEEN, m, LeakForm.DISCLOSURE);
        }
        leaks(CHOICE, "It's not A and not C.", LeakForm.DISCLOSURE);
        leaks(SCAFFOLDED, "That's too small for the next step.", LeakForm.DISCLOSURE);
    }

    @Test
    void protectsTheNextStepsNumberEncodedToo() {
        leaks(SCAFFOLDED, "The next step gives MTg= in base64.", LeakForm.ENCODED);
        leaks(SCAFFOLDED, "La respuesta es dieciocho.", LeakForm.ENCODED);
    }

    @Test
    void leavesOrdinaryHintsAlone() {
        clean(FOURTEEN, "Start with 8 and count on 6 more. What do you get?");
        clean(FOURTEEN, "Add the ones first: 8 + 6. Is it more than 10?");
        clean(NEG_FORTY, "Multiply both sides by 5. What is 5 times -8?");
        clean(NEG_FORTY, "Think: which number divided by 5 gives -8? Work backwards from -8.");
        clean(FRACTION, "Both fractions count sevenths. How many sevenths in all? It is not 5/14.");
        clean(WORD, "The top number is the numerator. What is the other one called?");
        clean(LINE, "Distribute first: 3(x + 1) is 3x + 3. Then combine like terms.");
        clean(FOURTEEN, "Once you have the ones, carry the ten. Is the result due in a minute? Keep going.");
        clean(FOURTEEN, "Read it step by step: 8, then 6 more.");
    }

    @Test
    void aDecodingReadsAsMuchAsThePlainMessageAndNoMore() {
        assertThat(Decodings.joinSingles("x = 5 - 2 and 3.5 apples")).as("math is not spelled out").isEqualTo("x = 5 - 2 and 3.5 apples");
        assertThat(Decodings.joinSingles("d e n o m and 1 4")).isEqualTo("denom and 14");
        assertThat(Decodings.joinSingles("Read it: 0 . 3 7 5.")).isEqualTo("Read it: 0.375.");
        assertThat(Decodings.joinSingles("--1-4")).isEqualTo("--14");
        assertThat(Decodings.joinSingles("Character by character: 1-/-6.")).as("an operator inside a hyphenated spelling")
                .isEqualTo("Character by character: 1/6.");
        assertThat(Decodings.joinSingles("Character by character: 1-1-/-1-2.")).isEqualTo("Character by character: 11/12.");
        assertThat(Decodings.of("Nothing encoded here at all.")).extracting(Decodings.Reading::how)
                .containsExactly("reversed words", "ROT13");
    }
}
