package org.tutorgraph.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.models.Models;
import org.tutorgraph.session.message.DiagnosticQuestion;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.message.SessionStarted;
import org.tutorgraph.tutor.LadderPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume rests on one property: replaying the learner's log rebuilds exactly the state the live session had, agents'
 * working state included. Checked after every turn of seeded scripted sessions, and end to end: a session interrupted
 * at random turns (ended, or dropped without a word as a crash would) and resumed produces the same learning record as
 * one that was never interrupted.
 */
class SessionReplayTest {

    static final List<String> GOALS = List.of("proportional-relationships", "two-step-equations", "slope-intercept-form",
            "inequalities", "function-notation");
    static final Set<String> KNOWS = Set.of("integer-addition", "integer-subtraction", "integer-multiplication",
            "integer-division", "exponents", "order-of-operations", "coordinate-plane", "variables-expressions");

    @TempDir
    Path dir;

    @Test
    void replayAfterEveryTurnEqualsTheLiveState() {
        for (long seed = 1; seed <= 3; seed++) {
            try (LearnerStore store = LearnerStores.open(dir.resolve("replay-" + seed + ".db").toString())) {
                LearnerId who = LearnerId.of("ada");
                ScriptedStudent student = new ScriptedStudent(Sessions.PACK, seed, KNOWS, GOALS);
                TutoringSession s = Sessions.open(store, "ada", "live-" + seed);
                Orchestrator.Phase phase = s.begin(List.of(GOALS.get((int) seed)), null);
                for (int turn = 0; turn < 70; turn++) {
                    phase = Sessions.play(s, student.next(s.model(), phase), null);
                    TutoringSession.Rebuilt r = TutoringSession.rebuild(store.events(who), who, Sessions.COURSE, Models.offline(),
                            LadderPolicy.DEFAULT);
                    assertThat(r.model().snapshot()).as("seed %d turn %d", seed, turn).isEqualTo(s.model().snapshot());
                    assertThat(r.phase()).isEqualTo(phase).isEqualTo(s.phase());
                    assertThat(r.model().problems()).isEmpty();
                }
                s.end(SessionEnded.Reason.QUIT, null);
                // the store's mastery view agrees with the model's mastery
                Map<String, Mastery> view = store.mastery(who);
                s.model().mastery().forEach((c, st) -> assertThat(view.get(c).posterior()).isEqualTo(st.posterior()));
            }
        }
    }

    @Test
    void anInterruptedAndResumedSessionKeepsTheSameLearningRecord() {
        for (long seed = 4; seed <= 6; seed++) {
            List<SessionMessage> straight = run(seed, false);
            List<SessionMessage> resumed = run(seed, true);
            assertThat(learning(resumed)).as("seed %d", seed).isEqualTo(learning(straight));
            long starts = resumed.stream().filter(m -> m instanceof SessionStarted).count();
            assertThat(resumed.stream().filter(m -> m instanceof SessionResumed).count()).as("seed %d", seed).isEqualTo(starts - 1).isGreaterThan(3);
            assertThat(resumed).noneMatch(m -> m instanceof PlanAdopted p && p.reason() == PlanAdopted.Reason.REBUILT);
        }
    }

    /** 80 scripted turns of one learner; with {@code interrupt}, the session is ended or dropped at random turns and resumed. */
    private List<SessionMessage> run(long seed, boolean interrupt) {
        Path db = dir.resolve("run-" + seed + "-" + interrupt + ".db");
        LearnerId who = LearnerId.of("bo");
        Random breaks = new Random(seed * 31);
        try (LearnerStore store = LearnerStores.open(db.toString())) {
            ScriptedStudent student = new ScriptedStudent(Sessions.PACK, seed, KNOWS, GOALS);
            List<String> goal = List.of(GOALS.get((int) (seed % GOALS.size())));
            int sessions = 0;
            TutoringSession s = Sessions.open(store, "bo", "s" + sessions++);
            Orchestrator.Phase phase = s.begin(goal, null);
            for (int turn = 0; turn < 80; turn++) {
                phase = Sessions.play(s, student.next(s.model(), phase), null);
                if (interrupt && breaks.nextInt(6) == 0) {
                    if (breaks.nextBoolean()) s.end(SessionEnded.Reason.QUIT, null);
                    else s.close(); // as after a crash: no SessionEnded
                    s = Sessions.open(store, "bo", "s" + sessions++);
                    phase = s.begin(List.of(), null); // resumes with the learner's own goals
                }
            }
            s.end(SessionEnded.Reason.END_OF_INPUT, null);
            List<SessionMessage> all = new ArrayList<>();
            for (StoredEvent e : store.events(who)) all.add(MessageCodec.fromEvent(e).orElseThrow());
            return all;
        }
    }

    /** The messages that make the learning record: everything but session boundaries and questions re-asked on resume. */
    private static List<SessionMessage> learning(List<SessionMessage> log) {
        List<SessionMessage> out = new ArrayList<>();
        for (SessionMessage m : log) {
            if (m instanceof SessionStarted || m instanceof SessionResumed || m instanceof SessionEnded) continue;
            if (m instanceof DiagnosticQuestion q && q.note().startsWith("Let's pick up")) continue;
            out.add(m);
        }
        return out;
    }
}
