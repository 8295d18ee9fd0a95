package org.tutorgraph.guard;

import java.util.List;
import java.util.Optional;

/** The guard's decision on one message: clean, or leaking with every revealing span found (in message order). */
public sealed interface LeakVerdict {

    /** Whether the message reveals a protected answer. */
    boolean leaked();

    /** The first revealing span, if any. */
    default Optional<Leak> first() {
        return this instanceof Leaked l ? Optional.of(l.leaks().get(0)) : Optional.empty();
    }

    /** The message reveals nothing protected. */
    record Clean() implements LeakVerdict {
        @Override
        public boolean leaked() {
            return false;
        }
    }

    /** The message reveals at least one protected answer. */
    record Leaked(List<Leak> leaks) implements LeakVerdict {
        public Leaked {
            leaks = List.copyOf(leaks);
            if (leaks.isEmpty()) throw new IllegalArgumentException("a leaking verdict needs at least one leak");
        }

        @Override
        public boolean leaked() {
            return true;
        }
    }
}
