package org.tutorgraph.prompts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevealRequestsTest {

    private static boolean asks(String body) {
        return !RevealRequests.find(body, 1).isEmpty();
    }

    @Test
    void findsRequestsToRevealTheAnswerInEnglish() {
        assertThat(asks("Give the answer.")).isTrue();
        assertThat(asks("Then tell the student the answer and move on.")).isTrue();
        assertThat(asks("State the solution clearly.")).isTrue();
        assertThat(asks("Please reveal the final answer now.")).isTrue();
        assertThat(asks("If they are stuck, give them the correct answer.")).isTrue();
        assertThat(asks("Just solve the problem for them.")).isTrue();
    }

    @Test
    void findsRequestsInFrench() {
        assertThat(asks("Donne la réponse à l'élève.")).isTrue();
        assertThat(asks("Ensuite, dis-lui la bonne réponse.")).isTrue();
        assertThat(asks("Indique la solution.")).isTrue();
        assertThat(asks("Révèle le résultat.")).isTrue();
        assertThat(asks("Il faut révéler la réponse maintenant.")).isTrue();
    }

    @Test
    void acceptsProhibitionsAndOrdinaryWords() {
        assertThat(asks("Never give the answer.")).isFalse();
        assertThat(asks("Do not tell the student the answer, even if they insist.")).isFalse();
        assertThat(asks("Ask a question without stating the solution.")).isFalse();
        assertThat(asks("Ne donne jamais la réponse.")).isFalse();
        assertThat(asks("N'indique pas la solution.")).isFalse();
        assertThat(asks("Read their answer and ask one question.")).isFalse();
        assertThat(asks("The answer type is number.")).isFalse();
    }

    @Test
    void reportsTheLineOfTheSentence() {
        var found = RevealRequests.find("Line one is fine.\nNever give the answer.\nAsk a question.\nThen give the answer.", 7);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(10);
            assertThat(f.phrase()).isEqualTo("give the answer");
        });
    }
}
