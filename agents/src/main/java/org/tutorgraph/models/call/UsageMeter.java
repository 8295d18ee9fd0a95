package org.tutorgraph.models.call;

import dev.langchain4j.model.output.TokenUsage;
import org.tutorgraph.models.config.ModelRole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts model calls and tokens per role and per turn, for the chat's {@code /stats}. Every {@link ModelGateway} call
 * reports here (tokens from the response's usage metadata). The session calls {@link #beginTurn()} when a student turn
 * starts; {@link #turn()} is the usage since then. Thread-safe; every operation O(roles).
 */
public final class UsageMeter {

    private final EnumMap<ModelRole, Usage> totals = new EnumMap<>(ModelRole.class);
    private final EnumMap<ModelRole, Usage> atTurnStart = new EnumMap<>(ModelRole.class);
    private final List<Usage> finishedTurns = new ArrayList<>();
    private boolean inTurn;

    public UsageMeter() {
        for (ModelRole r : ModelRole.values()) {
            totals.put(r, Usage.NONE);
            atTurnStart.put(r, Usage.NONE);
        }
    }

    /** A successful call and the usage its server reported (null when it reported none). */
    public synchronized void recordSuccess(ModelRole role, TokenUsage usage) {
        Integer in = usage == null ? null : usage.inputTokenCount();
        Integer out = usage == null ? null : usage.outputTokenCount();
        boolean reported = in != null || out != null;
        totals.merge(role, new Usage(1, 0, in == null ? 0 : in, out == null ? 0 : out, reported ? 0 : 1), Usage::plus);
    }

    /** A call that gave nothing usable. */
    public synchronized void recordFailure(ModelRole role) {
        totals.merge(role, new Usage(1, 1, 0, 0, 0), Usage::plus);
    }

    /** A call that answered, but with a reply we could not use (schema violated, unsure verdict rejected elsewhere). */
    public synchronized void recordRejected(ModelRole role) {
        totals.merge(role, new Usage(0, 1, 0, 0, 0), Usage::plus);
    }

    /** Starts a student turn: closes the previous one (kept for {@link #turns()}) and zeroes {@link #turn()}. */
    public synchronized void beginTurn() {
        if (inTurn) finishedTurns.add(sum(diff()));
        atTurnStart.putAll(totals);
        inTurn = true;
    }

    /** Usage since {@link #beginTurn()}, all roles together. */
    public synchronized Usage turn() {
        return sum(diff());
    }

    /** Usage since {@link #beginTurn()}, by role. */
    public synchronized Map<ModelRole, Usage> turnByRole() {
        return Map.copyOf(diff());
    }

    /** Usage since the meter was made, by role. */
    public synchronized Map<ModelRole, Usage> totals() {
        return Map.copyOf(totals);
    }

    /** Usage since the meter was made, all roles together. */
    public synchronized Usage total() {
        return sum(totals);
    }

    /** The usage of each finished turn, oldest first (the current turn is not included). */
    public synchronized List<Usage> turns() {
        return List.copyOf(finishedTurns);
    }

    /**
     * The lines {@code /stats} prints: a row per session agent (and per other role that made calls), the session
     * total and the current turn.
     */
    public synchronized List<String> report() {
        List<String> lines = rows("session");
        lines.add(row("this turn", sum(diff())));
        return withUnreportedNote(lines);
    }

    /** A row per session agent (and per other role that made calls) and the total under {@code totalLabel}. */
    public synchronized List<String> totalsReport(String totalLabel) {
        return withUnreportedNote(rows(totalLabel));
    }

    private List<String> rows(String totalLabel) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-14s %6s %7s %12s %12s", "model usage", "calls", "failed", "prompt tok", "output tok"));
        for (ModelRole r : ModelRole.values()) {
            if (r.inSession() || totals.get(r).calls() > 0) lines.add(row(r.key(), totals.get(r)));
        }
        lines.add(row(totalLabel, sum(totals)));
        return lines;
    }

    private List<String> withUnreportedNote(List<String> lines) {
        long unreported = sum(totals).unreported();
        if (unreported > 0) lines.add(unreported + " call" + (unreported == 1 ? "" : "s") + " had no token counts from the server.");
        return lines;
    }

    private static String row(String name, Usage u) {
        return String.format(Locale.ROOT, "%-14s %6d %7d %12d %12d", name, u.calls(), u.failures(), u.promptTokens(), u.completionTokens());
    }

    private Map<ModelRole, Usage> diff() {
        EnumMap<ModelRole, Usage> d = new EnumMap<>(ModelRole.class);
        for (ModelRole r : ModelRole.values()) d.put(r, totals.get(r).minus(atTurnStart.get(r)));
        return d;
    }

    private static Usage sum(Map<ModelRole, Usage> m) {
        Usage u = Usage.NONE;
        for (Usage x : m.values()) u = u.plus(x);
        return u;
    }
}
