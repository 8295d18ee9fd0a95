package org.tutorgraph.tutor;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineVoiceTest {

    private final OfflineVoice voice = new OfflineVoice();

    private static Phrasing request(String itemId, Rung rung, Situation situation, Misconception m) {
        TutorContext ctx = FixtureCourse.context(itemId);
        return new Phrasing(ctx.concept(), ctx.item(), Optional.ofNullable(rung), situation, Optional.of("19"),
                Optional.ofNullable(m), "", MasterySummary.unknown(), "en", Optional.empty());
    }

    @Test
    void answersARecognisedMisconceptionWithItsOwnProbe() {
        Item item = FixtureCourse.item("add-neg");
        Misconception signs = item.misconceptions().get(0);
        assertThat(voice.phrase(request("add-neg", Rung.PROBE, Situation.MISCONCEPTION, signs)))
                .isEqualTo("Not quite. Are -7 and 12 on the same side of zero?");
        // above the probe rung, the probe comes first, then the rung reached
        assertThat(voice.phrase(request("add-neg", Rung.SCAFFOLD, Situation.MISCONCEPTION, signs)))
                .isEqualTo("Not quite. Are -7 and 12 on the same side of zero? First find -7 + 7. What do you get?");
    }

    @Test
    void phrasesEachRungFromTheAuthoredLadder() {
        assertThat(voice.phrase(request("add-neg", Rung.ORIENT, Situation.INCORRECT, null)))
                .isEqualTo("Not quite. Start at -7 on the number line. Which way does adding 12 move you?");
        assertThat(voice.phrase(request("add-neg", Rung.PROBE, Situation.HINT_REQUESTED, null)))
                .isEqualTo("How far is -7 from zero, and how much of the 12 is left after you reach zero?");
        assertThat(voice.phrase(request("add-neg", Rung.BOTTOM_OUT, Situation.INCORRECT, null))).endsWith("So -7 + 12 = 5.");
    }

    @Test
    void fallsBackToGenericRungsThatRevealNothing() {
        // the text item has no probe or scaffold authored; the choice item no scaffold
        LeakGuard guard = new LeakGuard();
        for (String id : new String[]{"name-property", "slope-choice"}) {
            Item item = FixtureCourse.item(id);
            for (Rung r : new Rung[]{Rung.ORIENT, Rung.PROBE, Rung.SCAFFOLD}) {
                String text = voice.phrase(request(id, r, Situation.HINT_REQUESTED, null));
                assertThat(text).isNotBlank();
                assertThat(guard.check(item, r, text).leaked()).as(id + " " + r + ": " + text).isFalse();
            }
        }
        assertThat(OfflineVoice.generic(FixtureCourse.item("slope-choice"), FixtureCourse.pack().graph().concept("slope"), Rung.BOTTOM_OUT))
                .isEqualTo("The answer is B (5).");
    }

    @Test
    void everySituationHasWords() {
        for (Situation s : Situation.values()) {
            assertThat(voice.phrase(request("frac-dec", Rung.ORIENT, s, null))).as(s.name()).isNotBlank();
        }
        assertThat(voice.phrase(request("frac-dec", null, Situation.UNREADABLE, null))).contains("Type one number, like 12, -3.5 or 3/4.");
        // examples never show the item's own answer: the answer to "What is -7 + 12?" is not offered as an example
        assertThat(OfflineVoice.format(new org.tutorgraph.graph.Item("x", "?", org.tutorgraph.graph.AnswerType.NUMBER,
                java.util.List.of("12"), java.util.List.of(), 0, java.util.List.of("c"), java.util.List.of(), java.util.List.of())))
                .isEqualTo("Type one number, like -3.5, 3/4 or 40%.");
        assertThat(voice.phrase(request("frac-dec", null, Situation.CHAT, null))).contains("Write 3/4 as a decimal.");
    }
}
