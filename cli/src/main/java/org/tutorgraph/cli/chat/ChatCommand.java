package org.tutorgraph.cli.chat;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.ModelOptions;
import org.tutorgraph.cli.StoreOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.cli.learners.LearnerIdConverter;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.models.Models;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.session.TutoringSession;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.tutor.LadderPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** {@code tutor chat}: the tutoring session in the terminal. */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        description = {
                "Start a tutoring session in the terminal.",
                "",
                "The tutor greets you, asks for your goal (or takes --goal), checks in a few",
                "questions what you already know, shows a plan to your goal over the course's",
                "prerequisite graph, then works through it question by question with feedback",
                "and hints that never give the answer away before you have really tried.",
                "Mastery and the plan are updated as you go.",
                "",
                "Everything is saved after every answer: run it again (same --learner) to",
                "continue where you left off, with the same goal, plan, question and hint.",
                "",
                "Commands in the chat: /hint /skip /plan /why /progress /goal /stats /reload",
                "/help /quit (Ctrl-D also ends the session).",
                "",
                "Without a terminal on stdin, or with --plain, it reads one answer per line",
                "and prints plain text, so a script can drive it; the end of input ends the",
                "session. Works offline with no model; see --backend for a language model.",
                "",
                "The tutor speaks the course's language (language: in course.yaml) when a",
                "prompts folder translates it (French ships); otherwise English, with a note.",
                "",
                "Examples:",
                "  tutor chat",
                "  tutor chat --learner ada --goal slope-intercept-form",
                "  printf '2\\nidk\\n/quit\\n' | tutor chat --plain --learner demo",
                "  tutor chat --backend ollama --model llama3.2",
                ""
        })
public final class ChatCommand implements Callable<Integer> {

    @Option(names = "--learner", paramLabel = "ID", converter = LearnerIdConverter.class, order = 1,
            description = "Who is learning (letters, digits, '.', '_', '-'). Default: your user name when it is a valid id, "
                    + "else 'learner'.")
    LearnerId learner;

    @Option(names = "--course", paramLabel = "PACK", order = 2,
            description = "A course pack folder. Default: the bundled course (middle-school algebra).")
    Path course;

    @Option(names = "--goal", paramLabel = "ID", split = ",", order = 3,
            description = "A concept to reach (repeat, or separate with commas, for several). Default: your goals from "
                    + "last time, or a choice from the course's final topics.")
    List<String> goals = new ArrayList<>();

    @Option(names = "--plain", order = 4,
            description = "Plain text in and out: one line per answer from stdin, no colours or line editing. "
                    + "Automatic when stdin is not a terminal.")
    boolean plain;

    @Mixin
    StoreOption store = new StoreOption();

    @Mixin
    ModelOptions models = new ModelOptions();

    @Spec
    CommandSpec spec;

    private final Supplier<InputStream> stdin;
    private final boolean stdinIsTerminal;

    public ChatCommand() {
        this(() -> System.in, System.console() != null);
    }

    /** For tests: the input to read, and whether it is a terminal. */
    ChatCommand(Supplier<InputStream> stdin, boolean stdinIsTerminal) {
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    @Override
    public Integer call() throws IOException {
        LearnerId who = learner != null ? learner : defaultLearner(System.getProperty("user.name"));
        Settings settings = models.settings();
        // the store opens (SQLite: native library, schema check) while the course loads: they are independent
        CompletableFuture<LearnerStore> opening = CompletableFuture.supplyAsync(store::open);
        CourseContext context;
        try {
            CoursePack pack = CourseOption.load(course);
            try {
                context = CourseContext.of(pack);
            } catch (LogFormatException e) {
                throw new UserException(e.getMessage().lines().toList());
            }
            checkGoals(context);
        } catch (RuntimeException | IOException e) {
            opening.thenAccept(LearnerStore::close);
            throw e;
        }
        LazyPrompts prompts = new LazyPrompts(settings);
        Models layer = Models.create(settings, prompts::render);
        PrintWriter out = spec.commandLine().getOut();
        // a broken message file in a prompts folder: said once; the messages below it stand in
        for (var p : layer.messages().problems()) spec.commandLine().getErr().println(Terminal.safe("tutor: " + p));
        // a course language nobody translated the tutor's words into: said once; the chat goes on in English
        LanguageNotice.of(context.pack().meta().language(), layer.messages(), settings.tutor().offline())
                .ifPresent(n -> spec.commandLine().getErr().println(Terminal.safe(n)));
        try (LearnerStore learners = join(opening);
             TutoringSession session = TutoringSession.open(learners, who, context, layer, LadderPolicy.DEFAULT);
             ChatIo io = io(out)) {
            new ChatLoop(session, io, () -> prompts::reload).run(goals);
        }
        return 0;
    }

    private static LearnerStore join(CompletableFuture<LearnerStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private ChatIo io(PrintWriter out) throws IOException {
        if (plain || !stdinIsTerminal) return new PlainIo(stdin.get(), out, !stdinIsTerminal);
        return new JLineIo(System.getenv());
    }

    private void checkGoals(CourseContext context) {
        List<String> lines = new ArrayList<>();
        for (String g : goals) {
            if (g.isBlank() || context.graph().contains(g.strip())) continue;
            lines.add("tutor: --goal " + g + ": no such concept in " + context.id() + suggestion(context, g)
                    + " (tutor course show lists them)");
        }
        if (!lines.isEmpty()) throw new UserException(lines);
        goals = goals.stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList();
    }

    private static String suggestion(CourseContext context, String g) {
        String lower = g.strip().toLowerCase(java.util.Locale.ROOT);
        for (var c : context.graph().concepts()) {
            if (c.id().toLowerCase(java.util.Locale.ROOT).contains(lower) || lower.contains(c.id().toLowerCase(java.util.Locale.ROOT))) {
                return " (did you mean " + c.id() + "?)";
            }
        }
        return "";
    }

    /** The OS user name when it is a valid learner id, else {@code learner}. */
    static LearnerId defaultLearner(String userName) {
        return userName != null && LearnerId.isValid(userName) ? LearnerId.of(userName) : LearnerId.of("learner");
    }

    /**
     * The prompt templates, loaded on first use: an offline session never renders one, so it does not pay for reading
     * them at start; {@code /reload} re-reads them (broken files keep their previous version).
     */
    static final class LazyPrompts {
        private final Settings settings;
        private PromptLibrary library;

        LazyPrompts(Settings settings) {
            this.settings = settings;
        }

        synchronized PromptLibrary library() {
            if (library == null) library = Models.promptLibrary(settings);
            return library;
        }

        String render(String name, Map<String, ?> vars) {
            return library().render(name, vars);
        }

        List<org.tutorgraph.prompts.PromptProblem> reload() {
            return library().reload();
        }
    }
}
