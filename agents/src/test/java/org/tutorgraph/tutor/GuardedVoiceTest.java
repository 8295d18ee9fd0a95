package org.tutorgraph.tutor;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedVoiceTest {

    /** A scripted voice: says its lines in order and records what it was asked. */
    private static final class ScriptedVoice implements TutorVoice {
        final List<String> lines;
        final boolean regenerates;
        final List<Phrasing> asked = new ArrayList<>();

        ScriptedVoice(boolean regenerates, String... lines) {
            this.lines = List.of(lines);
            this.regenerates = regenerates;
        }

        @Override
        public String phrase(Phrasing request) {
            asked.add(request);
            return lines.get(Math.min(asked.size() - 1, lines.size() - 1));
        }

        @Override
        public boolean canRegenerate() {
            return regenerates;
        }
    }

    private static Phrasing request(Item item, Rung rung) {
        TutorContext ctx = FixtureCourse.context(item.id());
        return new Phrasing(ctx.concept(), item, Optional.ofNullable(rung), Situation.HINT_REQUESTED, Optional.empty(),
                Optional.empty(), "", MasterySummary.unknown(), "en", Optional.empty());
    }

    @Test
    void aLeakFallsBackToTheAuthoredRung() {
        Item item = FixtureCourse.item("frac-dec");
        ScriptedVoice voice = new ScriptedVoice(false, "Easy: it's 0.75.");
        GuardedVoice.Spoken s = new GuardedVoice(voice, new LeakGuard()).speak(request(item, Rung.PROBE), 2, List.of());
        assertThat(s.text()).isEqualTo("How many quarters make a whole dollar, and how many of them does 3/4 of a dollar take?");
        assertThat(s.replaced()).hasValueSatisfying(l -> assertThat(l.text()).isEqualTo("0.75"));
        assertThat(s.fallback()).hasValue(GuardedVoice.Fallback.AUTHORED_RUNG);
        assertThat(voice.asked).hasSize(1);
    }

    @Test
    void aVoiceThatCanRegenerateIsAskedOnceMoreWithWhatToAvoid() {
        Item item = FixtureCourse.item("frac-dec");
        ScriptedVoice voice = new ScriptedVoice(true, "It's three quarters, so 0.75.", "Think about quarters of a dollar.");
        GuardedVoice.Spoken s = new GuardedVoice(voice, new LeakGuard()).speak(request(item, Rung.ORIENT), 1, List.of());
        assertThat(s.text()).isEqualTo("Think about quarters of a dollar.");
        assertThat(s.fallback()).hasValue(GuardedVoice.Fallback.REGENERATED);
        assertThat(voice.asked).hasSize(2);
        assertThat(voice.asked.get(1).avoid()).isPresent();
    }

    @Test
    void aRegenerationThatStillLeaksFallsBackToo() {
        Item item = FixtureCourse.item("frac-dec");
        ScriptedVoice voice = new ScriptedVoice(true, "0.75", "Seriously, 75%.");
        GuardedVoice.Spoken s = new GuardedVoice(voice, new LeakGuard()).speak(request(item, Rung.ORIENT), 1, List.of());
        assertThat(s.text()).isEqualTo("A fraction bar means division. What division does 3/4 stand for?");
        assertThat(s.fallback()).hasValue(GuardedVoice.Fallback.AUTHORED_RUNG);
        assertThat(voice.asked).hasSize(2);
    }

    @Test
    void anAuthoredRungThatLeaksIsReplacedByWordsThatNameNothing() {
        Item base = FixtureCourse.item("frac-dec");
        Item badCourse = new Item(base.id(), base.prompt(), base.type(), base.answers(), base.choices(), 0, base.concepts(),
                base.misconceptions(), List.of(org.tutorgraph.graph.HintRung.of(Rung.ORIENT, "It is 0.75, trust me.")));
        GuardedVoice.Spoken s = new GuardedVoice(new ScriptedVoice(false, "0.75!"), new LeakGuard()).speak(request(badCourse, Rung.ORIENT), 1, List.of());
        assertThat(s.text()).isEqualTo(OfflineVoice.safe(Rung.ORIENT));
        assertThat(s.fallback()).hasValue(GuardedVoice.Fallback.SAFE_TEXT);
    }

    @Test
    void bottomOutMayTellAndCleanWordsPassUntouched() {
        Item item = FixtureCourse.item("frac-dec");
        GuardedVoice voice = new GuardedVoice(new ScriptedVoice(false, "So 3/4 = 0.75."), new LeakGuard());
        assertThat(voice.speak(request(item, Rung.BOTTOM_OUT), 4, List.of()).replaced()).isEmpty();
        GuardedVoice plain = new GuardedVoice(new ScriptedVoice(false, "Divide the top by the bottom."), new LeakGuard());
        GuardedVoice.Spoken s = plain.speak(request(item, Rung.ORIENT), 1, List.of());
        assertThat(s.text()).isEqualTo("Divide the top by the bottom.");
        assertThat(s.fallback()).isEmpty();
    }

    @Test
    void feedbackWithoutARungFallsBackToNeutralWords() {
        Item item = FixtureCourse.item("frac-dec");
        GuardedVoice.Spoken s = new GuardedVoice(new ScriptedVoice(false, "Close, it is 0.75"), new LeakGuard()).speak(request(item, null), 0, List.of());
        assertThat(s.text()).isEqualTo("Have another look at the question.");
    }
}
