package org.tutorgraph.records.bench;

import org.junit.jupiter.api.Test;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogCheckTest {

    private static final LearnerId A = LearnerId.of("a");

    private static StoredEvent event(long seq, String payload) {
        return new StoredEvent(A, seq, "s1", "T", payload, Instant.EPOCH);
    }

    private static List<String> appended(String... payloads) {
        List<String> out = new ArrayList<>();
        for (String p : payloads) out.add(LogCheck.digest("s1", "T", p));
        return out;
    }

    @Test
    void findsNothingWrongInAnIntactLog() {
        LogCheck.Tally t = LogCheck.check(appended("1", "2", "3"), List.of(event(1, "1"), event(2, "2"), event(3, "3")));
        assertThat(t).isEqualTo(new LogCheck.Tally(3, 3, 0, 0, 0));
        assertThat(t.clean()).isTrue();
    }

    @Test
    void countsALostEventAndTheGapItLeaves() {
        LogCheck.Tally t = LogCheck.check(appended("1", "2", "3"), List.of(event(1, "1"), event(3, "3")));
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.duplicated()).isZero();
        assertThat(t.outOfOrder()).isEqualTo(1); // seq 3 at position 2
    }

    @Test
    void countsADuplicate() {
        LogCheck.Tally t = LogCheck.check(appended("1", "2"), List.of(event(1, "1"), event(2, "2"), event(3, "2")));
        assertThat(t.duplicated()).isEqualTo(1);
        assertThat(t.lost()).isZero();
        assertThat(t.outOfOrder()).isZero();
    }

    @Test
    void countsSwappedEventsAsOutOfOrder() {
        LogCheck.Tally t = LogCheck.check(appended("1", "2", "3"), List.of(event(1, "1"), event(2, "3"), event(3, "2")));
        assertThat(t.lost()).isZero();
        assertThat(t.duplicated()).isZero();
        assertThat(t.outOfOrder()).isEqualTo(2);
    }

    @Test
    void tellsSessionsApart() {
        List<String> want = List.of(LogCheck.digest("s2", "T", "1"));
        LogCheck.Tally t = LogCheck.check(want, List.of(event(1, "1")));
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.duplicated()).isEqualTo(1);
    }
}
