package org.tutorgraph.learner;

import java.util.List;

/**
 * The other process in the crash and lease tests, run in a child JVM:
 * <ul>
 *   <li>{@code append LOCATION LEARNER}: appends batches of three events (an answer, a mastery update, a hint) in a
 *       loop, printing {@code appended N} after each commit, until it is killed;</li>
 *   <li>{@code lease LOCATION LEARNER SESSION}: takes the learner's session lease, prints {@code leased PID} and waits
 *       to be killed.</li>
 * </ul>
 */
public final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        LearnerStore store = LearnerStores.open(args[1]);
        LearnerId learner = LearnerId.of(args[2]);
        switch (args[0]) {
            case "append" -> {
                for (int batch = 1; ; batch++) {
                    store.append(learner, "child-session", batch(batch));
                    System.out.println("appended " + batch);
                    System.out.flush();
                }
            }
            case "lease" -> {
                store.acquireSession(learner, args[3]);
                System.out.println("leased " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Batch {@code n}: three events that all carry {@code n}, so a test can tell a whole batch from part of one. */
    static List<NewEvent> batch(int n) {
        return List.of(
                new NewEvent("AnswerGraded", "{\"batch\":" + n + ",\"correct\":" + (n % 2 == 0) + "}"),
                MasteryEvents.event("concept-" + (n % 5), (n % 100) / 100.0, n),
                new NewEvent("HintGiven", "{\"batch\":" + n + ",\"rung\":\"PROBE\"}"));
    }
}
