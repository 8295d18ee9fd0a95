package org.tutorgraph.records.bench;

import org.tutorgraph.learner.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what a learner's simulated sessions appended with what the store returns. Each event is reduced to a
 * digest of (session, type, payload); then
 * <ul>
 *   <li>{@code lost}: appended events the store does not have (per digest, how many more were appended than stored);</li>
 *   <li>{@code duplicated}: stored events beyond what was appended (the other way round);</li>
 *   <li>{@code outOfOrder}: stored events whose sequence number is not their position (a gap or a repeat), plus, once
 *       the lost and duplicated ones are set aside, positions where the stored order differs from the appended one.</li>
 * </ul>
 * O(n) per learner for n events (hashing dominates).
 */
public final class LogCheck {

    /** The tallies for one learner or a whole run. */
    public record Tally(long expected, long stored, long lost, long duplicated, long outOfOrder) {
        public static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

        public Tally plus(Tally o) {
            return new Tally(expected + o.expected, stored + o.stored, lost + o.lost, duplicated + o.duplicated,
                    outOfOrder + o.outOfOrder);
        }

        public boolean clean() {
            return lost == 0 && duplicated == 0 && outOfOrder == 0;
        }
    }

    private LogCheck() {
    }

    /** The digest an event is compared by. */
    public static String digest(String session, String type, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(session.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(type.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Checks one learner's stored log against the digests of what was appended, in append order. */
    public static Tally check(List<String> appended, List<StoredEvent> stored) {
        long outOfOrder = 0;
        List<String> got = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent e = stored.get(i);
            if (e.seq() != i + 1L) outOfOrder++;
            got.add(digest(e.session(), e.type(), e.payload()));
        }
        Map<String, Integer> want = counts(appended);
        Map<String, Integer> have = counts(got);
        long lost = 0;
        long duplicated = 0;
        for (Map.Entry<String, Integer> w : want.entrySet()) lost += Math.max(0, w.getValue() - have.getOrDefault(w.getKey(), 0));
        for (Map.Entry<String, Integer> h : have.entrySet()) duplicated += Math.max(0, h.getValue() - want.getOrDefault(h.getKey(), 0));
        // set the surplus aside on both sides (the first occurrences stay), then compare the order
        List<String> a = firstOccurrences(appended, have);
        List<String> b = firstOccurrences(got, want);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) if (!a.get(i).equals(b.get(i))) outOfOrder++;
        return new Tally(appended.size(), stored.size(), lost, duplicated, outOfOrder);
    }

    private static Map<String, Integer> counts(List<String> digests) {
        Map<String, Integer> m = new HashMap<>();
        for (String d : digests) m.merge(d, 1, Integer::sum);
        return m;
    }

    /** {@code list} keeping, per digest, at most as many occurrences as {@code limit} allows. */
    private static List<String> firstOccurrences(List<String> list, Map<String, Integer> limit) {
        Map<String, Integer> used = new HashMap<>();
        List<String> out = new ArrayList<>(list.size());
        for (String d : list) {
            int n = used.merge(d, 1, Integer::sum);
            if (n <= limit.getOrDefault(d, 0)) out.add(d);
        }
        return out;
    }
}
