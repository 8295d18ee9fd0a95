package org.tutorgraph.kt;

import java.util.SplittableRandom;

/** Response logs generated from known BKT parameters, for the fitter's recovery tests. */
final class Simulated {

    private Simulated() {
    }

    /** {@code students} students each answer {@code length} questions on every skill, skills one after another. */
    static ResponseLog log(long seed, int students, int length, java.util.Map<String, BktParams> skills) {
        SplittableRandom random = new SplittableRandom(seed);
        ResponseLog.Builder b = ResponseLog.builder(null);
        for (int u = 0; u < students; u++) {
            for (var e : skills.entrySet()) {
                BktParams p = e.getValue();
                boolean known = random.nextDouble() < p.prior();
                for (int t = 0; t < length; t++) {
                    boolean correct = known ? random.nextDouble() >= p.slip() : random.nextDouble() < p.guess();
                    b.add("u" + u, e.getKey(), correct);
                    known = known ? random.nextDouble() >= p.forget() : random.nextDouble() < p.learn();
                }
            }
        }
        return b.build();
    }
}
