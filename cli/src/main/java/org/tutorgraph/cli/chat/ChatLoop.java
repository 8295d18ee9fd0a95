package org.tutorgraph.cli.chat;

import org.tutorgraph.cli.Terminal;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.models.call.Usage;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.session.Orchestrator;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.MasteryUpdated;
import org.tutorgraph.session.message.ModelNotice;
import org.tutorgraph.session.message.SessionEnded;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.view.Transcript;
import org.tutorgraph.session.view.Views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The conversation: greets, asks for goals when the learner has none, then reads a line at a time and either runs a
 * turn of the session (answers, {@code /hint}, {@code /skip}) or shows a view ({@code /plan}, {@code /progress},
 * {@code /why}, {@code /stats}). Every string printed goes through {@link Terminal#safe}: the learner's own text, the
 * course's and the model's.
 */
final class ChatLoop {

    static final String PROMPT = "> ";

    static final String HELP = """
            Answer the question in your own words, or use a command:
              /hint      a hint: the next rung of the ladder (the answer only after real attempts)
              /skip      leave this concept for now (it comes back when your plan needs it)
              /plan      your plan: the steps to your goals, with the time each takes
              /why       why this concept now
              /progress  your mastery of each concept on the way, with the evidence behind it
              /goal      choose new goals
              /stats     language-model calls and tokens, per turn and in all
              /reload    read the prompt templates again (a broken one keeps its previous version)
              /help      this list
              /quit      leave (your progress is saved after every answer; Ctrl-D works too)
            """;

    /** What {@code /reload} does: re-read the prompt templates, report the problems. */
    interface Reloader {
        List<PromptProblem> reload();
    }

    private final TutoringSession session;
    private final ChatIo io;
    private final Transcript transcript;
    private final Supplier<Reloader> reloader;
    private final Turn.Display display;
    private boolean streaming;

    ChatLoop(TutoringSession session, ChatIo io, Supplier<Reloader> reloader) {
        this.session = session;
        this.io = io;
        this.reloader = reloader;
        this.transcript = new Transcript(session.course(), session.model());
        this.display = new Turn.Display() {
            @Override
            public void message(SessionMessage m, boolean streamed) {
                show(m, streamed);
            }

            @Override
            public void words(String chunk) {
                streaming = true;
                io.stream(Terminal.safe(chunk));
            }
        };
    }

    private void show(SessionMessage m, boolean streamed) {
        String text = transcript.render(m, streamed);
        if (streamed && streaming) {
            io.print("\n", ChatIo.Style.TUTOR);
            streaming = false;
        }
        if (text.isEmpty()) return;
        ChatIo.Style style = m instanceof TutorReply ? ChatIo.Style.TUTOR
                : m instanceof MasteryUpdated || m instanceof ModelNotice ? ChatIo.Style.QUIET : ChatIo.Style.NORMAL;
        io.print(Terminal.safe(text), style);
    }

    /** Runs the chat until {@code /quit} or the end of the input. */
    void run(List<String> goals) {
        Orchestrator.Phase phase = session.begin(goals, display);
        while (true) {
            if (phase == Orchestrator.Phase.AWAITING_GOALS) {
                Optional<Orchestrator.Phase> chosen = chooseGoals(GoalsSet.Source.CHOSEN);
                if (chosen.isEmpty()) return;
                phase = chosen.get();
                continue;
            }
            Optional<ChatIo.Line> read = io.readLine(PROMPT);
            if (read.isEmpty()) {
                end(SessionEnded.Reason.END_OF_INPUT);
                return;
            }
            String line = read.get().text().strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("/")) {
                Optional<Orchestrator.Phase> after = command(line);
                if (after == null) return;
                if (after.isPresent()) phase = after.get();
                continue;
            }
            StudentTurn turn = StudentTurn.of(StudentTurn.Kind.TEXT, line);
            if (turn.truncated() || read.get().truncated()) {
                io.print("(That's very long: I read only the first " + String.format(Locale.ROOT, "%,d", StudentTurn.MAX_TEXT)
                        + " characters.)\n", ChatIo.Style.QUIET);
            }
            phase = session.submit(turn, display);
        }
    }

    /**
     * A slash command: the phase after it when it ran a turn, empty when it only showed something, null when the chat
     * ends.
     */
    private Optional<Orchestrator.Phase> command(String line) {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "/hint":
                return Optional.of(session.submit(StudentTurn.of(StudentTurn.Kind.HINT, line), display));
            case "/skip":
                if (session.phase() != Orchestrator.Phase.TUTORING || session.model().progress().open() == null) {
                    io.print("There is nothing to skip right now.\n", ChatIo.Style.NORMAL);
                    return Optional.empty();
                }
                return Optional.of(session.submit(StudentTurn.of(StudentTurn.Kind.SKIP, line), display));
            case "/plan":
                io.print(Terminal.safe(Views.plan(session.model(), session.course())), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/progress":
                io.print(Terminal.safe(Views.progress(session.model(), session.course())), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/why":
                io.print(Terminal.safe(Views.why(session.model(), session.course(), session.phase())), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/goal":
            case "/goals":
                if (!rest.isEmpty()) {
                    Optional<List<String>> goals = parseGoals(rest, finals());
                    if (goals.isEmpty()) return Optional.empty();
                    return Optional.of(session.setGoals(goals.get(), GoalsSet.Source.CHANGED, line, display));
                }
                Optional<Orchestrator.Phase> chosen = chooseGoals(GoalsSet.Source.CHANGED);
                return chosen.isEmpty() ? null : chosen;
            case "/stats":
                io.print(stats(), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/reload":
                io.print(Terminal.safe(reload()), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/help":
            case "/?":
                io.print(HELP, ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/quit":
            case "/exit":
            case "/bye":
                end(SessionEnded.Reason.QUIT);
                return null;
            default:
                io.print(Terminal.safe("I don't know the command " + name + ". Type /help for the list.\n"), ChatIo.Style.NORMAL);
                return Optional.empty();
        }
    }

    private void end(SessionEnded.Reason reason) {
        session.end(reason, display);
    }

    private List<Concept> finals() {
        return session.course().finalConcepts();
    }

    /** Lists the course's final concepts and reads the learner's choice; empty when the chat ends instead. */
    private Optional<Orchestrator.Phase> chooseGoals(GoalsSet.Source source) {
        List<Concept> finals = finals();
        io.print(Terminal.safe("\nWhat would you like to learn? The course leads to these topics:\n" + Views.goalChoices(finals)
                + "Type a number or a concept id (several goals: separate them with spaces or commas).\n"), ChatIo.Style.NORMAL);
        while (true) {
            Optional<ChatIo.Line> read = io.readLine(PROMPT);
            if (read.isEmpty()) {
                end(SessionEnded.Reason.END_OF_INPUT);
                return Optional.empty();
            }
            String line = read.get().text().strip();
            if (line.isEmpty()) continue;
            if (line.equals("/quit") || line.equals("/exit")) {
                end(SessionEnded.Reason.QUIT);
                return Optional.empty();
            }
            if (line.equals("/help")) {
                io.print("Choose a goal first: type its number or its id. /quit leaves.\n", ChatIo.Style.NORMAL);
                continue;
            }
            if (source == GoalsSet.Source.CHANGED && line.equals("/cancel")) return Optional.of(session.phase());
            Optional<List<String>> goals = parseGoals(line, finals);
            if (goals.isPresent()) return Optional.of(session.setGoals(goals.get(), source, line, display));
        }
    }

    /** Numbers of the listed finals or ids of any concept of the course; says what was wrong otherwise. */
    private Optional<List<String>> parseGoals(String line, List<Concept> finals) {
        LinkedHashSet<String> goals = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String token : line.split("[\\s,]+")) {
            if (token.isEmpty()) continue;
            if (token.matches("\\d{1,6}")) {
                int n = Integer.parseInt(token);
                if (n >= 1 && n <= finals.size()) goals.add(finals.get(n - 1).id());
                else bad.add(token);
            } else if (session.course().graph().contains(token)) {
                goals.add(token);
            } else {
                bad.add(token);
            }
        }
        if (!bad.isEmpty() || goals.isEmpty()) {
            io.print(Terminal.safe("I don't know " + (bad.isEmpty() ? "that" : "'" + String.join("', '", bad) + "'")
                    + ". Type a number from 1 to " + finals.size() + " or the id of a concept of the course.\n"), ChatIo.Style.NORMAL);
            return Optional.empty();
        }
        return Optional.of(List.copyOf(goals));
    }

    private String stats() {
        if (session.models().settings().allOffline()) {
            return "No language model is in use (every agent is offline), so there are no tokens to count.\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String l : session.models().meter().report()) sb.append(l).append('\n');
        List<Usage> turns = session.models().meter().turns();
        if (!turns.isEmpty()) {
            sb.append("last turns (oldest first):  prompt tok / output tok\n");
            for (int i = Math.max(0, turns.size() - 5); i < turns.size(); i++) {
                Usage u = turns.get(i);
                sb.append(String.format(Locale.ROOT, "  turn %3d: %6d calls  %8d / %d%n", i + 1, u.calls(), u.promptTokens(), u.completionTokens()));
            }
        }
        return sb.toString();
    }

    private String reload() {
        List<PromptProblem> problems = reloader.get().reload();
        String offline = session.models().settings().tutor().offline() ? " (the offline tutor uses the course's own hints, not these)" : "";
        if (problems.isEmpty()) return "Prompt templates reloaded" + offline + ".\n";
        StringBuilder sb = new StringBuilder("Prompt templates reloaded" + offline + "; problems (a broken template keeps its previous version):\n");
        for (PromptProblem p : problems) sb.append("  ").append(p).append('\n');
        return sb.toString();
    }
}
