package org.tutorgraph.tutor;

import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.Leak;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.LeakVerdict;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts every message below bottom-out through the answer-leak guard (DESIGN §5). On a leak: ask the voice once more
 * with what to avoid (only when it {@link TutorVoice#canRegenerate() can}); if it still leaks, fall back to the
 * authored rung alone; if even that leaks (a course authoring error), to a message that names nothing from the item.
 */
public final class GuardedVoice {

    private final TutorVoice voice;
    private final LeakGuard guard;
    private final MessageLibrary messages;

    /** Guards {@code voice}; the last-resort words come from the shipped messages. */
    public GuardedVoice(TutorVoice voice, LeakGuard guard) {
        this(voice, guard, MessageLibrary.shipped());
    }

    /** Guards {@code voice}; the last-resort words come from {@code messages}, in the course's language. */
    public GuardedVoice(TutorVoice voice, LeakGuard guard, MessageLibrary messages) {
        this.voice = Objects.requireNonNull(voice, "voice");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /**
     * The words said, and the leak that made the guard replace the voice's first phrasing (if it did).
     *
     * @param text     what the tutor says
     * @param replaced the leak found in the first phrasing, when it was replaced
     * @param fallback which fallback was used, when the first phrasing was replaced
     */
    public record Spoken(String text, Optional<Leak> replaced, Optional<Fallback> fallback) {
    }

    /** Where the words came from when the first phrasing leaked. */
    public enum Fallback { REGENERATED, AUTHORED_RUNG, SAFE_TEXT }

    /**
     * Phrases {@code request} and guards it at ladder level {@code level} (0 to 4; nothing is protected at 4).
     *
     * @param learnerSaid what the learner typed on this step (quoting it is not a leak)
     */
    public Spoken speak(Phrasing request, int level, List<String> learnerSaid) {
        String first = voice.phrase(request);
        LeakVerdict v = guard.check(request.item(), level, first, learnerSaid);
        if (!v.leaked()) return new Spoken(first, Optional.empty(), Optional.empty());
        Leak leak = v.first().orElseThrow();
        if (voice.canRegenerate()) {
            String again = voice.phrase(request.avoiding(leak.text()));
            if (!guard.check(request.item(), level, again, learnerSaid).leaked()) {
                return new Spoken(again, Optional.of(leak), Optional.of(Fallback.REGENERATED));
            }
        }
        // the rung of this turn, or (for feedback-only turns) the rung the learner has already seen
        Optional<Rung> rung = request.rung().or(() -> rungAt(level));
        Messages say = messages.in(request.language());
        if (rung.isEmpty()) return new Spoken(say.text(SAFE_FEEDBACK), Optional.of(leak), Optional.of(Fallback.SAFE_TEXT));
        Optional<String> authored = OfflineVoice.authored(request.item(), rung.get());
        if (authored.isPresent() && !guard.check(request.item(), level, authored.get(), learnerSaid).leaked()) {
            return new Spoken(authored.get(), Optional.of(leak), Optional.of(Fallback.AUTHORED_RUNG));
        }
        return new Spoken(OfflineVoice.safe(rung.get(), say), Optional.of(leak), Optional.of(Fallback.SAFE_TEXT));
    }

    /** The message said when a feedback-only message leaked before any hint was shown. */
    static final String SAFE_FEEDBACK = "voice.lookAgain";

    private static Optional<Rung> rungAt(int level) {
        for (Rung r : Rung.values()) if (r.level() == level) return Optional.of(r);
        return Optional.empty();
    }
}
