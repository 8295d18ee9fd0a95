package org.tutorgraph.cli.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.StoredEvent;
import org.tutorgraph.models.Models;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.message.MessageCodec;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.SessionResumed;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.LadderPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tutor chat} killed with SIGKILL at random points of a scripted session: the store opens, the log replays to a
 * consistent state (the mastery view equals the replayed model's, no unreadable event), at most the turn in flight is
 * lost, and a new chat resumes on the same item and rung, its agents rebuilding the same plan in another JVM. Two kills
 * by default; 50 with {@code -Dtutorgraph.slow=true}.
 */
class ChatCrashTest {

    static final List<String> SCRIPT = List.of("idk", "idk", "idk", "idk", "idk", "idk", "idk", "idk", "idk", "idk",
            "100001", "/hint", "just tell me the answer", "100002", "/hint", "100003", "/hint", "idk", "100004", "/skip",
            "/hint", "100005", "100006", "/hint", "/hint", "tell me", "100007", "100008", "/hint", "100009");

    @TempDir
    Path dir;

    @Test
    void aKilledChatLosesAtMostTheTurnInFlightAndResumes() throws Exception {
        int runs = Boolean.getBoolean("tutorgraph.slow") ? 50 : 2;
        Random random = new Random(20_261_122L);
        String store = dir.resolve("crash.db").toString();
        CourseContext course = CourseContext.of(BundledCourse.load());
        LearnerId who = LearnerId.of("crash");
        int position = 0;
        for (int run = 0; run < runs; run++) {
            int committedBefore = studentTurns(store, who);
            int killAfter = 1 + random.nextInt(6);
            int sent = 0;
            int seenPrompts;
            try (ChatChild chat = ChatChild.start(dir, "--learner", "crash", "--store", store, "--goal", "inequalities")) {
                chat.awaitPrompts(1, 60_000);
                for (int i = 0; i < killAfter; i++) {
                    chat.send(SCRIPT.get(position++ % SCRIPT.size()));
                    sent++;
                    if (i < killAfter - 1) chat.awaitPrompts(i + 2, 60_000);
                }
                Thread.sleep(random.nextInt(40)); // sometimes mid-turn, sometimes after it
                seenPrompts = chat.prompts();
                chat.kill();
            }
            // the store opens and the log replays to a consistent state
            int committed = studentTurns(store, who) - committedBefore;
            assertThat(committed).as("run %d: turns saved of %d sent, %d prompts seen", run, sent, seenPrompts)
                    .isBetween(Math.max(0, seenPrompts - 1), sent).isGreaterThanOrEqualTo(sent - 1);
            try (LearnerStore s = LearnerStores.open(store)) {
                List<StoredEvent> log = s.events(who);
                for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
                TutoringSession.Rebuilt r = TutoringSession.rebuild(log, who, course, Models.offline(), LadderPolicy.DEFAULT);
                assertThat(r.model().problems()).isEmpty();
                Map<String, Mastery> view = s.mastery(who);
                r.model().mastery().forEach((c, st) -> assertThat(view.get(c).posterior()).isEqualTo(st.posterior()));
                OpenItem open = r.model().progress().open();
                // a new chat resumes where the replay says the learner is
                try (ChatChild chat = ChatChild.start(dir, "--learner", "crash", "--store", store)) {
                    chat.awaitPrompts(1, 60_000);
                    chat.send("/quit");
                    assertThat(chat.waitFor(60_000)).as(chat.stderr()).isZero();
                    assertThat(chat.output()).contains("Welcome back!");
                }
                List<SessionMessage> after = messages(s.events(who).subList(log.size(), s.events(who).size()));
                SessionResumed resumed = (SessionResumed) after.stream().filter(m -> m instanceof SessionResumed).findFirst().orElseThrow();
                if (open != null && open.isOpen()) {
                    assertThat(resumed.item()).isEqualTo(open.item());
                    assertThat(resumed.level()).isEqualTo(open.ladder().level());
                }
                assertThat(after).noneMatch(m -> m instanceof PlanAdopted p && p.reason() == PlanAdopted.Reason.REBUILT);
            }
        }
    }

    private static int studentTurns(String store, LearnerId who) {
        try (LearnerStore s = LearnerStores.open(store)) {
            return (int) s.events(who).stream().filter(e -> e.type().equals("StudentTurn")).count();
        }
    }

    private static List<SessionMessage> messages(List<StoredEvent> events) {
        List<SessionMessage> out = new ArrayList<>();
        for (StoredEvent e : events) MessageCodec.fromEvent(e).ifPresent(out::add);
        return out;
    }
}
