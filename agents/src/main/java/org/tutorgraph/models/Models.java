package org.tutorgraph.models;

import org.tutorgraph.models.call.CircuitBreaker;
import org.tutorgraph.models.call.ModelFactory;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.UsageMeter;
import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.Settings;
import org.tutorgraph.models.diagnose.AnswerGrader;
import org.tutorgraph.models.diagnose.LlmAnswerGrader;
import org.tutorgraph.models.diagnose.LlmMisconceptionNamer;
import org.tutorgraph.models.diagnose.MisconceptionNamer;
import org.tutorgraph.models.plan.LlmRationalePhraser;
import org.tutorgraph.models.plan.RationalePhraser;
import org.tutorgraph.models.prompt.Prompts;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.models.tutor.LlmVoice;
import org.tutorgraph.models.tutor.StreamingVoice;
import org.tutorgraph.tutor.OfflineVoice;
import org.tutorgraph.tutor.TutorVoice;

/**
 * The model layer as the session sees it: one object built from {@link Settings} that hands out each agent's port,
 * offline or model-backed as configured, plus the usage meter ({@code /stats}) and the notices (what to tell the
 * student when a model fails). Nothing here throws for a model problem: every port falls back to the offline path.
 */
public final class Models {

    private final Settings settings;
    private final Prompts prompts;
    private final MessageLibrary messages;
    private final UsageMeter meter = new UsageMeter();
    private final ModelNotices notices = new ModelNotices();
    private final ModelFactory factory;

    private Models(Settings settings, Prompts prompts, MessageLibrary messages) {
        this(settings, prompts, messages, CircuitBreaker::new);
    }

    private Models(Settings settings, Prompts prompts, MessageLibrary messages, java.util.function.Supplier<CircuitBreaker> breakers) {
        this.settings = settings;
        this.prompts = prompts;
        this.messages = messages;
        this.factory = new ModelFactory(settings, meter, breakers);
    }

    /**
     * As {@link #create(Settings, Prompts)}, with the circuit breakers {@code breakers} makes (one per endpoint) instead
     * of the standard ones (two failures, a minute open): a fault suite that runs a thousand turns in seconds needs a
     * breaker that closes again within them.
     */
    public static Models create(Settings settings, Prompts prompts, java.util.function.Supplier<CircuitBreaker> breakers) {
        return new Models(settings, prompts, messageLibrary(settings), breakers);
    }

    /**
     * The model layer for {@code settings}, with the messages of its prompt folders ({@link #messageLibrary(Settings)}).
     *
     * @param prompts the prompt templates (the prompt library's {@code render})
     */
    public static Models create(Settings settings, Prompts prompts) {
        return new Models(settings, prompts, messageLibrary(settings));
    }

    /**
     * The model layer for {@code settings}.
     *
     * @param prompts  the prompt templates (the prompt library's {@code render})
     * @param messages what the offline tutor and the chat say (the chat keeps it to {@code /reload} it)
     */
    public static Models create(Settings settings, Prompts prompts, MessageLibrary messages) {
        return new Models(settings, prompts, messages);
    }

    /**
     * The model layer for {@code settings} with the standard prompt templates ({@link #promptLibrary(Settings)}).
     */
    public static Models create(Settings settings) {
        return new Models(settings, promptLibrary(settings)::render, messageLibrary(settings));
    }

    /**
     * The messages {@code settings} select: the {@code messages.properties} files of the same folders as
     * {@link #promptLibrary(Settings)}, message by message over the shipped ones.
     */
    public static MessageLibrary messageLibrary(Settings settings) {
        return settings.promptDirs().isEmpty() ? MessageLibrary.shipped() : MessageLibrary.layered(settings.promptDirs());
    }

    /**
     * The prompt templates {@code settings} select: the folders of {@link Settings#promptDirs()} ({@code --prompts},
     * {@code TUTORGRAPH_PROMPTS}, the config file's {@code prompts:}, the XDG folder), file by file over the shipped
     * defaults. Every command that renders a prompt loads it this way.
     */
    public static PromptLibrary promptLibrary(Settings settings) {
        return PromptLibrary.layered(settings.promptDirs());
    }

    /** Everything offline: no model, no server, nothing can fail. */
    public static Models offline() {
        return new Models(Settings.offline(), (name, vars) -> {
            throw new IllegalStateException("offline: no prompt is rendered");
        }, MessageLibrary.shipped());
    }

    public Settings settings() {
        return settings;
    }

    public Prompts prompts() {
        return prompts;
    }

    /** What the offline tutor and the chat say, in each course's language. */
    public MessageLibrary messages() {
        return messages;
    }

    /** Token and call counts per agent and per turn; call {@link UsageMeter#beginTurn()} at each student turn. */
    public UsageMeter meter() {
        return meter;
    }

    /** Notes for the student after a model failure (once per run of failures), and the failures for the trace. */
    public ModelNotices notices() {
        return notices;
    }

    /** The gateway of {@code role} (its {@code available()} is false when the role is offline). */
    public ModelGateway gateway(ModelRole role) {
        return factory.gateway(role);
    }

    /**
     * The tutor's voice for a course: phrased by the tutor's model, or the offline voice when the tutor is offline.
     * Put it behind the answer-leak guard as usual ({@code new TutorEngine(voice, policy)} does).
     */
    public TutorVoice voice(String courseTitle) {
        ModelGateway g = factory.gateway(ModelRole.TUTOR);
        return g.available() ? new LlmVoice(g, prompts, notices, courseTitle, messages) : new OfflineVoice(messages);
    }

    /**
     * The streaming form of a model voice ({@link #voice} must have returned an {@link LlmVoice}); empty when the tutor
     * is offline or streaming is off: then the session shows each guarded turn whole.
     */
    public java.util.Optional<StreamingVoice> streaming(TutorVoice voice) {
        if (!settings.stream() || !(voice instanceof LlmVoice llm)) return java.util.Optional.empty();
        return java.util.Optional.of(new StreamingVoice(llm, new LeakGuard()));
    }

    /** Grades free-text answers deterministic checking could not decide. */
    public AnswerGrader grader() {
        ModelGateway g = factory.gateway(ModelRole.GRADER);
        return g.available() ? new LlmAnswerGrader(g, prompts, notices, meter) : AnswerGrader.offline();
    }

    /** Names the misconception behind a wrong answer when the known wrong answers did not match. */
    public MisconceptionNamer namer() {
        ModelGateway g = factory.gateway(ModelRole.GRADER);
        return g.available() ? new LlmMisconceptionNamer(g, prompts, notices, meter) : MisconceptionNamer.offline();
    }

    /** Phrases the plan's rationale (empty: use the algorithmic explanation). */
    public RationalePhraser rationale() {
        ModelGateway g = factory.gateway(ModelRole.PLANNER);
        return g.available() ? new LlmRationalePhraser(g, prompts, notices, meter) : RationalePhraser.offline();
    }
}
