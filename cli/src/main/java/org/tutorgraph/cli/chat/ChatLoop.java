package org.tutorgraph.cli.chat;

import org.tutorgraph.cli.Terminal;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.messages.Messages;
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

    /** The commands {@code /help} lists, in order, by the message that describes each ({@code chat.help.NAME} for {@code /NAME}). */
    static final List<String> HELP = List.of("chat.help.hint", "chat.help.skip", "chat.help.plan", "chat.help.why",
            "chat.help.progress", "chat.help.goal", "chat.help.stats", "chat.help.reload", "chat.help.help", "chat.help.quit");

    /** What {@code /reload} does: re-read the prompt templates, report the problems. */
    interface Reloader {
        List<PromptProblem> reload();
    }



    private final TutoringSession session;
    private final ChatIo io;
    private final Transcript transcript;
    private final Supplier<Reloader> reloader;
    private final Turn.Display display;
    private final Messages say;
    private boolean streaming;

    ChatLoop(TutoringSession session, ChatIo io, Supplier<Reloader> reloader) {
        this.session = session;
        this.io = io;
        this.reloader = reloader;
        this.transcript = new Transcript(session.course(), session.model(), session.models().messages());
        this.say = transcript.messages();
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
                io.print(Terminal.safe(say.text("chat.tooLong", "max", say.integer(StudentTurn.MAX_TEXT))) + "\n", ChatIo.Style.QUIET);
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
                    io.print(Terminal.safe(say.text("chat.nothingToSkip")) + "\n", ChatIo.Style.NORMAL);
                    return Optional.empty();
                }
                return Optional.of(session.submit(StudentTurn.of(StudentTurn.Kind.SKIP, line), display));
            case "/plan":
                io.print(Terminal.safe(Views.plan(session.model(), session.course(), say)), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/progress":
                io.print(Terminal.safe(Views.progress(session.model(), session.course(), say)), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/why":
                io.print(Terminal.safe(Views.why(session.model(), session.course(), session.phase(), say)), ChatIo.Style.NORMAL);
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
                io.print(Terminal.safe(help()), ChatIo.Style.NORMAL);
                return Optional.empty();
            case "/quit":
            case "/exit":
            case "/bye":
                end(SessionEnded.Reason.QUIT);
                return null;
            default:
                io.print(Terminal.safe(say.text("chat.unknownCommand", "command", name) + "\n"), ChatIo.Style.NORMAL);
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
        io.print(Terminal.safe("\n" + say.text("chat.chooseGoal") + "\n" + Views.goalChoices(finals)
                + say.text("chat.chooseGoal.how") + "\n"), ChatIo.Style.NORMAL);
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
                io.print(Terminal.safe(say.text("chat.chooseGoal.help")) + "\n", ChatIo.Style.NORMAL);
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
            String text = bad.isEmpty() ? say.text("chat.goal.unclear", "count", finals.size())
                    : say.text("chat.goal.unknown", "tokens", "'" + String.join("', '", bad) + "'", "count", finals.size());
            io.print(Terminal.safe(text + "\n"), ChatIo.Style.NORMAL);
            return Optional.empty();
        }
        return Optional.of(List.copyOf(goals));
    }

    private String stats() {
        if (session.models().settings().allOffline()) {
            return say.text("chat.stats.offline") + "\n";
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

    /**
     * {@code /reload}: the prompt templates, then the messages (which the offline tutor and the chat say, so a change
     * shows at once). Problems are listed; a broken file keeps its previous version.
     */
    private String reload() {
        List<PromptProblem> problems = reloader.get().reload();
        boolean offline = session.models().settings().tutor().offline();
        StringBuilder sb = new StringBuilder();
        if (problems.isEmpty()) {
            sb.append(say.text(offline ? "chat.reload.doneOffline" : "chat.reload.done")).append('\n');
        } else {
            sb.append(say.text(offline ? "chat.reload.problemsOffline" : "chat.reload.problems")).append('\n');
            for (PromptProblem p : problems) sb.append("  ").append(p).append('\n');
        }
        List<PromptProblem> broken = session.models().messages().reload();
        sb.append(say.text(broken.isEmpty() ? "chat.reload.messages" : "chat.reload.messagesProblems")).append('\n');
        for (PromptProblem p : broken) sb.append("  ").append(p).append('\n');
        return sb.toString();
    }

    /** {@code /help}: the intro, then each command with its description, aligned. */
    private String help() {
        StringBuilder sb = new StringBuilder(say.text("chat.help.intro")).append('\n');
        for (String key : HELP) {
            String command = "/" + key.substring(key.lastIndexOf('.') + 1);
            sb.append(String.format(Locale.ROOT, "  %-10s %s%n", command, say.text(key)));
        }
        return sb.toString();
    }
}
