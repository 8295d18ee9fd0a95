package org.tutorgraph.cli.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.learner.Mastery;
import org.tutorgraph.learner.MasteryEvents;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tutor chat} killed with SIGKILL at random points of a scripted session: the store opens, the log replays to a
 * consistent state (the mastery view equals the replayed model's, no unreadable event), at most the turn in flight is
 * lost, and a new chat resumes on the same item and rung, its agents rebuilding the same plan in another JVM. Kills
 * fall while the chat starts, in a turn and between turns; after each the SQLite file passes its integrity check, every
 * event reads back, and the mastery view equals both a rebuild from the log and the replayed learner model. Two kills
 * by default; 50 with {@code -Dtutorgraph.slow=true} (part of the reliability suite, issue 9).
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
        int killedStarting = 0;
        int killedMidTurn = 0;
        int lostInFlight = 0;
        int resumedOnOpenItem = 0;
        int sentTotal = 0;
        for (int run = 0; run < runs; run++) {
            int committedBefore = studentTurns(store, who);
            // one run in eight is killed while the chat starts (opening the store, resuming, planning)
            boolean duringStart = random.nextInt(8) == 0;
            int killAfter = duringStart ? 0 : 1 + random.nextInt(6);
            int sent = 0;
            int seenPrompts;
            try (ChatChild chat = ChatChild.start(dir, "--learner", "crash", "--store", store, "--goal", "inequalities")) {
                if (duringStart) Thread.sleep(200 + random.nextInt(1_500));
                else chat.awaitPrompts(1, 60_000);
                for (int i = 0; i < killAfter; i++) {
                    chat.send(SCRIPT.get(position++ % SCRIPT.size()));
                    sent++;
                    if (i < killAfter - 1) chat.awaitPrompts(i + 2, 60_000);
                }
                if (!duringStart) Thread.sleep(random.nextInt(40)); // sometimes mid-turn, sometimes after it
                seenPrompts = chat.prompts();
                chat.kill();
            }
            sentTotal += sent;
            if (duringStart) killedStarting++;
            else if (seenPrompts <= sent) killedMidTurn++;
            // the store opens and the log replays to a consistent state
            int committed = studentTurns(store, who) - committedBefore;
            assertThat(committed).as("run %d: turns saved of %d sent, %d prompts seen", run, sent, seenPrompts)
                    .isBetween(Math.max(0, seenPrompts - 1), sent).isGreaterThanOrEqualTo(sent - 1);
            lostInFlight += sent - committed;
            assertThat(integrityCheck(store)).as("run %d: SQLite integrity check", run).isEqualTo("ok");
            try (LearnerStore s = LearnerStores.open(store)) {
                List<StoredEvent> log = s.events(who);
                for (int i = 0; i < log.size(); i++) assertThat(log.get(i).seq()).isEqualTo(i + 1);
                assertThat(log).as("run %d: every event reads back", run).allMatch(e -> MessageCodec.fromEvent(e).isPresent()
                        || e.type().equals(MasteryEvents.TYPE));
                TutoringSession.Rebuilt r = TutoringSession.rebuild(log, who, course, Models.offline(), LadderPolicy.DEFAULT);
                assertThat(r.model().problems()).isEmpty();
                // the mastery view equals a rebuild from the log, and the replayed learner model's mastery
                Map<String, Mastery> view = s.mastery(who);
                assertThat(view).as("run %d: the mastery view folds from the log", run).isEqualTo(MasteryEvents.fold(log));
                s.rebuildMastery(who);
                assertThat(s.mastery(who)).as("run %d: the mastery view equals a rebuild", run).isEqualTo(view);
                assertThat(view.keySet()).as("run %d: mastered concepts", run).isEqualTo(r.model().mastery().keySet());
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
                    resumedOnOpenItem++;
                    assertThat(resumed.item()).isEqualTo(open.item());
                    assertThat(resumed.level()).isEqualTo(open.ladder().level());
                }
                assertThat(after).noneMatch(m -> m instanceof PlanAdopted p && p.reason() == PlanAdopted.Reason.REBUILT);
            }
        }
        System.out.printf("crashes: %d SIGKILLs of tutor chat --plain (seed 20261122): %d while starting, %d in a turn, %d between"
                        + " turns; %d student turns sent, %d lost in flight; %d resumed on the open item at its rung; store intact"
                        + " and consistent after each%n", runs, killedStarting, killedMidTurn, runs - killedStarting - killedMidTurn,
                sentTotal, lostInFlight, resumedOnOpenItem);
    }

    private static String integrityCheck(String store) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
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
