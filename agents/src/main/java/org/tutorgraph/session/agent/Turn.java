package org.tutorgraph.session.agent;

import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One student turn in progress: the input (taken by the first agent that answers it), and where proposals go. A
 * proposal is applied to the learner model at once (so the next agent reads its effect) and recorded, in order, for
 * the turn's single store transaction.
 */
public final class Turn {

    /** Where a turn's messages and streamed words are shown as they happen (the chat, or nothing). */
    public interface Display {
        /** A message was applied; {@code streamed} when its words already reached the learner as they were generated. */
        void message(SessionMessage message, boolean streamed);

        /** Words of the tutor's reply as they are generated (only when streaming). */
        default void words(String chunk) {
        }

        Display NONE = (m, s) -> { };
    }

    private final Consumer<SessionMessage> apply;
    private final Display display;
    private final List<SessionMessage> messages = new ArrayList<>();
    private StudentTurn input;
    private boolean streamed;

    public Turn(StudentTurn input, Consumer<SessionMessage> apply, Display display) {
        this.input = input;
        this.apply = Objects.requireNonNull(apply, "apply");
        this.display = Objects.requireNonNull(display, "display");
    }

    /** The student's input, if no agent has taken it yet. */
    public Optional<StudentTurn> input() {
        return Optional.ofNullable(input);
    }

    /** Takes the input: the agent that calls this answers it; later agents of the turn see none. */
    public Optional<StudentTurn> take() {
        Optional<StudentTurn> in = Optional.ofNullable(input);
        input = null;
        return in;
    }

    /** Proposes a message: the learner model applies it now, the turn records it, the display shows it. */
    public void propose(SessionMessage message) {
        Objects.requireNonNull(message, "message");
        apply.accept(message);
        messages.add(message);
        boolean s = streamed && message instanceof org.tutorgraph.session.message.TutorReply;
        if (s) streamed = false;
        display.message(message, s);
    }

    /** Streams words of the reply being generated; the next proposed {@code TutorReply} is marked as already shown. */
    public void stream(String chunk) {
        streamed = true;
        display.words(chunk);
    }

    /** The messages of this turn so far, in order. */
    public List<SessionMessage> messages() {
        return List.copyOf(messages);
    }
}
