package org.tutorgraph.models.tutor;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.prompt.Prompts;
import org.tutorgraph.prompts.TutorSituation;
import org.tutorgraph.tutor.MasterySummary;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.tutor.OfflineVoice;
import org.tutorgraph.tutor.Phrasing;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.TutorVoice;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The tutor's words from the tutor's model: each rung phrased from its template ({@code tutor-<rung>}), grounded in
 * the concept's description, the item, the learner's attempt, the diagnosed misconception and the authored rung; a
 * reply to a graded attempt without a new hint from {@code tutor-feedback}. Whatever it says passes the answer-leak
 * guard ({@code GuardedVoice}): on a leak, {@link #phrase} is asked again with {@link Phrasing#avoid()} set, and
 * answers with the firmer {@code tutor-regenerate} instruction after its own leaking reply; a second leak falls back
 * to the authored rung.
 *
 * <p>Turns where a model adds nothing but risk (unreadable input, several answers, chat, a finished step, a held
 * hint) use the {@link OfflineVoice}. A model failure (or a broken template) also falls back to the offline voice and
 * is reported to {@link ModelNotices}; so is a bottom-out reply that does not state the answer (a model that worked
 * the step out wrongly must not teach it).
 *
 * <p>The dialogue so far on the step ({@link Phrasing#dialogue()}, filled by the session) becomes the templates'
 * {@code {{dialogue}}}.
 *
 * <p>Not thread-safe across sessions: one voice per session (it remembers its last reply for the regeneration).
 */
public final class LlmVoice implements TutorVoice {

    private final ModelGateway gateway;
    private final Prompts prompts;
    private final ModelNotices notices;
    private final OfflineVoice offline;
    private final LeakGuard guard = new LeakGuard();
    private final String course;

    private Phrasing lastRequest;
    private List<ChatMessage> lastMessages;
    private String lastReply;

    /**
     * @param course the course title, for the templates
     */
    public LlmVoice(ModelGateway gateway, Prompts prompts, ModelNotices notices, String course) {
        this(gateway, prompts, notices, course, MessageLibrary.shipped());
    }

    /**
     * @param course   the course title, for the templates
     * @param messages the offline voice's words, used where the model is not (the layered prompt folders)
     */
    public LlmVoice(ModelGateway gateway, Prompts prompts, ModelNotices notices, String course, MessageLibrary messages) {
        this.offline = new OfflineVoice(messages);
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.course = course == null ? "" : course;
    }

    public ModelGateway gateway() {
        return gateway;
    }

    @Override
    public boolean canRegenerate() {
        return gateway.available();
    }

    @Override
    public synchronized String phrase(Phrasing request) {
        if (!usesModel(request)) return offline.phrase(request);
        if (request.avoid().isPresent() && lastReply != null && sameTurn(request, lastRequest)) {
            return regenerate(request);
        }
        ModelResult<List<ChatMessage>> messages = TutorPrompt.messages(prompts, situation(request), feedback(request), gateway.settings());
        if (messages instanceof ModelResult.Failed<List<ChatMessage>> f) return fallBack(request, f.failure());
        List<ChatMessage> m = messages.valueIfOk().orElseThrow();
        ModelResult<ChatResponse> r = gateway.chat(ChatRequest.builder().messages(m).build());
        if (r instanceof ModelResult.Failed<ChatResponse> f) return fallBack(request, f.failure());
        String text = r.valueIfOk().orElseThrow().aiMessage().text().strip();
        if (text.isEmpty() || (isBottomOut(request) && !statesAnswer(request, text))) return offline.phrase(request);
        notices.succeeded(gateway.settings().role());
        lastRequest = request;
        lastMessages = m;
        lastReply = text;
        return text;
    }

    private String regenerate(Phrasing request) {
        ModelResult<List<ChatMessage>> messages = TutorPrompt.regenerate(prompts, situation(request), lastMessages, lastReply,
                gateway.settings());
        lastReply = null;
        if (messages instanceof ModelResult.Failed<List<ChatMessage>> f) return fallBack(request, f.failure());
        ModelResult<ChatResponse> r = gateway.chat(ChatRequest.builder().messages(messages.valueIfOk().orElseThrow()).build());
        if (r instanceof ModelResult.Failed<ChatResponse> f) return fallBack(request, f.failure());
        String text = r.valueIfOk().orElseThrow().aiMessage().text().strip();
        return text.isEmpty() ? offline.phrase(request) : text;
    }

    private String fallBack(Phrasing request, org.tutorgraph.models.call.ModelFailure failure) {
        notices.failed(failure);
        lastReply = null;
        return offline.phrase(request);
    }

    /**
     * Whether a model phrases this turn: hints and replies to graded attempts. Unreadable input, several answers,
     * chat, a held hint, a finished step and a bare demand use the offline voice.
     */
    public boolean usesModel(Phrasing r) {
        if (!gateway.available()) return false;
        return switch (r.situation()) {
            case CORRECT, INCORRECT, MISCONCEPTION, UNFINISHED, REPEATED -> true;
            case HINT_REQUESTED, NO_ANSWER, DEMAND -> r.rung().isPresent();
            case HINT_HELD, SEVERAL_ANSWERS, UNREADABLE, CHAT, FINISHED -> false;
        };
    }

    /** The first request of this turn, as {@link TutorPrompt} builds it. */
    ModelResult<List<ChatMessage>> messages(Phrasing request) {
        return TutorPrompt.messages(prompts, situation(request), feedback(request), gateway.settings());
    }

    /** The regeneration request after {@code leakingReply}. */
    ModelResult<List<ChatMessage>> regeneration(Phrasing request, List<ChatMessage> first, String leakingReply) {
        return TutorPrompt.regenerate(prompts, situation(request), first, leakingReply, gateway.settings());
    }

    ModelNotices notices() {
        return notices;
    }

    OfflineVoice offline() {
        return offline;
    }

    static boolean feedback(Phrasing r) {
        return r.rung().isEmpty();
    }

    static boolean isBottomOut(Phrasing r) {
        return r.rung().orElse(null) == Rung.BOTTOM_OUT;
    }

    /** Whether a bottom-out reply states the item's answer in some form (the guard, at a level where it is secret). */
    boolean statesAnswer(Phrasing r, String text) {
        return guard.check(r.item(), 0, text, List.of()) instanceof org.tutorgraph.guard.LeakVerdict.Leaked l
                && l.leaks().stream().anyMatch(x -> x.secret().kind() == org.tutorgraph.guard.Secret.Kind.ITEM_ANSWER);
    }

    /** The template variables' view of this turn; the answer only at bottom-out. */
    TutorSituation situation(Phrasing r) {
        Rung rung = r.rung().orElse(Rung.ORIENT);
        String rungText = r.rung().map(x -> OfflineVoice.rungText(r.item(), r.concept(), x)).orElse("");
        Optional<Misconception> m = r.misconception();
        return new TutorSituation(course, r.concept().name(), r.concept().description(), r.item().prompt(), r.item().choices(),
                r.item().primaryAnswer(), r.attempt().orElse(""), verdict(r.situation()), m.map(Misconception::description).orElse(""),
                m.map(Misconception::probe).orElse(""), rung, rungText, mastery(r), r.dialogue(), r.language());
    }

    private static String verdict(Situation s) {
        return switch (s) {
            case CORRECT -> "correct";
            case INCORRECT, MISCONCEPTION, UNFINISHED, REPEATED -> "incorrect";
            default -> "";
        };
    }

    private static String mastery(Phrasing r) {
        MasterySummary m = r.mastery();
        if (!m.known()) return "";
        String level = m.mastery() >= 0.8 ? "likely mastered" : m.mastery() >= 0.5 ? "partly mastered" : "not yet mastered";
        return r.concept().name() + ": " + level + String.format(Locale.ROOT, " (%.2f, from %d answer%s)", m.mastery(),
                m.evidence(), m.evidence() == 1 ? "" : "s");
    }

    private static boolean sameTurn(Phrasing a, Phrasing b) {
        return b != null && a.item().equals(b.item()) && a.rung().equals(b.rung()) && a.situation() == b.situation()
                && a.attempt().equals(b.attempt());
    }
}
