package org.tutorgraph.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tutorgraph.answer.FrenchSpelling.spell;

/** The guard on French tutor messages: French number words, French ways of stating a result, French letter statements. */
class FrenchLeakGuardTest {

    private final LeakGuard guard = new LeakGuard();

    private static Item number(String answer) {
        return LeakGuardTest.item(AnswerType.NUMBER, "Calcule le résultat.", answer, List.of());
    }

    private boolean leaks(Item item, String message) {
        return guard.check(item, Rung.ORIENT, message).leaked();
    }

    @Test
    void catchesEveryAnswerFromZeroToAHundredWrittenInFrenchWords() {
        for (int n = 0; n <= 100; n++) {
            Item item = number(String.valueOf(n));
            for (boolean reformed : new boolean[]{false, true}) {
                String words = spell(n, reformed);
                assertThat(leaks(item, "La réponse est " + words + ".")).as(words).isTrue();
                assertThat(leaks(item, "Ça fait " + words + ", vérifie.")).as(words).isTrue();
                // a plain mention leaks too, except the lone words that are also articles (un, une) and zéro
                boolean weak = n <= 1;
                assertThat(leaks(item, "Pense à " + words + " objets posés sur la table.")).as(words).isEqualTo(!weak);
                // another number is no leak
                assertThat(leaks(number(String.valueOf(n + 1000)), "La réponse est " + words + ".")).as(words).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Prends un nombre et regarde son signe.", "Il y a une erreur de signe.", "Compte un par un."})
    void theArticleUnIsNotTheAnswerOne(String message) {
        assertThat(leaks(number("1"), message)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"La réponse est un.", "Le résultat : une.", "C'est un, bien sûr.", "x vaut un."})
    void statingUnAsTheResultLeaksOne(String message) {
        assertThat(leaks(number("1"), message)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0.75 | Elle en a mangé trois quarts.",
            "2.5  | Tu obtiens deux virgule cinq.",
            "2.5  | Cela fait deux et demi.",
            "-4   | La température est moins quatre.",
            "50%  | Il en reste cinquante pour cent.",
            "1200 | Il faut mille deux cents briques."})
    void catchesFrenchFractionsDecimalsSignsAndPercents(String answer, String message) {
        assertThat(leaks(number(answer.strip()), message)).as(message).isTrue();
    }

    @Test
    void aNumberTheLearnerOrThePromptShowedLeaksOnlyWhenStatedInFrench() {
        Item item = LeakGuardTest.item(AnswerType.NUMBER, "Combien font 5 × 1 ?", "5", List.of());
        assertThat(leaks(item, "Regarde bien 5 × 1 : que fait une fois un nombre ?")).isFalse();
        assertThat(leaks(item, "La bonne réponse est 5.")).isTrue();
        assertThat(leaks(item, "5 est la bonne réponse.")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"La réponse est B.", "Choisis B.", "C'est (b).", "B est la bonne réponse.", "L'option B, bien sûr."})
    void catchesAChoiceLetterStatedInFrench(String message) {
        Item item = LeakGuardTest.item(AnswerType.CHOICE, "Quelle somme est négative ?", "-5", List.of("3", "-5", "0"));
        assertThat(leaks(item, message)).as(message).isTrue();
    }

    @Test
    void theVerbAIsNotTheLetterA() {
        Item item = LeakGuardTest.item(AnswerType.CHOICE, "Quelle somme est négative ?", "-5", List.of("-5", "3", "0"));
        assertThat(leaks(item, "Ta réponse a l'air trop rapide : relis chaque proposition.")).isFalse();
        assertThat(leaks(item, "La réponse est A.")).isTrue();
    }
}
