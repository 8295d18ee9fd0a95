package org.tutorgraph.models.call;

import org.tutorgraph.models.config.ModelRole;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the session should tell the student about the models, said once per run of failures: the first failure of a
 * role queues its {@link ModelFailure#studentNote() note}; further failures of that role stay quiet until a call
 * succeeds again. Everything is also kept for the trace ({@link #lastFailure}). Thread-safe.
 */
public final class ModelNotices {

    private final Map<ModelRole, ModelFailure> failing = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, ModelFailure> last = new EnumMap<>(ModelRole.class);
    private final List<String> pending = new ArrayList<>();
    private final List<ModelFailure> unread = new ArrayList<>();

    public synchronized void failed(ModelFailure f) {
        last.put(f.role(), f);
        unread.add(f);
        if (failing.putIfAbsent(f.role(), f) == null) pending.add(f.studentNote());
    }

    public synchronized void succeeded(ModelRole role) {
        failing.remove(role);
    }

    /** The notes to show the student now (each at most once per run of failures); clears them. */
    public synchronized List<String> drainNotes() {
        List<String> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** Every failure since the last call, oldest first, for the session's trace; clears them. */
    public synchronized List<ModelFailure> drainFailures() {
        List<ModelFailure> out = List.copyOf(unread);
        unread.clear();
        return out;
    }

    /** The latest failure of {@code role}, if any. */
    public synchronized Optional<ModelFailure> lastFailure(ModelRole role) {
        return Optional.ofNullable(last.get(role));
    }

    /** Whether {@code role}'s calls are failing now (no success since its last failure). */
    public synchronized boolean failing(ModelRole role) {
        return failing.containsKey(role);
    }
}
