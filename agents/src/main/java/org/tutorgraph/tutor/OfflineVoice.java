package org.tutorgraph.tutor;

import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tutor's words without a model: the course pack's authored rung for the current level, behind a short feedback
 * message ("Not quite. …", "Right! …"); a recognised misconception is answered with its own probe. When the course
 * has no rung at a level, a generic rung that names no part of the answer is used. The feedback, generic rungs and
 * format help are messages ({@code prompts/messages.properties}, {@code voice.*}, {@code generic.*}, {@code safe.*},
 * {@code format.*}) in the course's language ({@link Phrasing#language()}), so a French course gets French feedback
 * around its French rungs.
 */
public final class OfflineVoice implements TutorVoice {

    private final MessageLibrary messages;

    /** The offline voice with the shipped messages. */
    public OfflineVoice() {
        this(MessageLibrary.shipped());
    }

    /** The offline voice with {@code messages} (the layered prompt folders; {@code /reload} shows at once). */
    public OfflineVoice(MessageLibrary messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public MessageLibrary messages() {
        return messages;
    }

    @Override
    public String phrase(Phrasing r) {
        Messages say = messages.in(r.language());
        String rung = r.rung().map(x -> rungText(r.item(), r.concept(), x, say)).orElse("");
        return switch (r.situation()) {
            case CORRECT -> say.text("voice.correct");
            case INCORRECT -> join(say.text("voice.incorrect"), rung.isEmpty() ? say.text("voice.lookAgain") : rung);
            case MISCONCEPTION -> join(say.text("voice.misconception"), misconceptionReply(r, rung));
            case UNFINISHED -> join(say.text("voice.unfinished"), rung.isEmpty() ? say.text("voice.unfinished.noRung") : rung);
            case REPEATED -> join(say.text("voice.repeated"), rung);
            case HINT_REQUESTED -> rung.isEmpty() ? say.text("voice.hint.noRung") : rung;
            case HINT_HELD -> join(say.text("voice.held.before"), rung, say.text("voice.held.after"));
            case NO_ANSWER -> join(say.text("voice.noAnswer"), rung);
            case SEVERAL_ANSWERS -> say.text("voice.severalAnswers");
            case UNREADABLE -> join(r.detail().isEmpty() ? say.text("voice.unreadable") : say.text("voice.unreadable.detail", "detail", r.detail()),
                    format(r.item(), say));
            case DEMAND -> join(say.text("voice.demand"), rung.isEmpty() ? say.text("voice.demand.noRung") : rung);
            case CHAT -> join(say.text("voice.chat"), r.item().prompt());
            case FINISHED -> say.text("voice.finished");
        };
    }

    private static String misconceptionReply(Phrasing r, String rung) {
        Optional<Misconception> m = r.misconception();
        String probe = m.map(Misconception::probe).orElse("");
        if (probe.isBlank()) return rung;
        if (r.rung().isPresent() && r.rung().get() != Rung.PROBE) return join(probe, rung);
        return probe;
    }

    /** The authored text of {@code rung} for {@code item} (its first rung at that level), or a generic rung (English). */
    public static String rungText(Item item, Concept concept, Rung rung) {
        return rungText(item, concept, rung, Messages.english());
    }

    /** The authored text of {@code rung} for {@code item}, or a generic rung in the language of {@code say}. */
    public static String rungText(Item item, Concept concept, Rung rung, Messages say) {
        return authored(item, rung).orElseGet(() -> generic(item, concept, rung, say));
    }

    /** The item's first authored rung at this level. */
    public static Optional<String> authored(Item item, Rung rung) {
        for (HintRung h : item.ladder()) if (h.rung() == rung && !h.text().isBlank()) return Optional.of(h.text().strip());
        return Optional.empty();
    }

    /** A rung for courses that author none at this level (English); below bottom-out it names no part of the item. */
    public static String generic(Item item, Concept concept, Rung rung) {
        return generic(item, concept, rung, Messages.english());
    }

    /** A rung for courses that author none at this level, in the language of {@code say}; below bottom-out it names nothing from the item. */
    public static String generic(Item item, Concept concept, Rung rung, Messages say) {
        if (rung == Rung.BOTTOM_OUT) return say.text("generic.bottomOut", "answer", bottomOutAnswer(item));
        if (rung == Rung.ORIENT) return say.text("generic.orient", "concept", concept.name().toLowerCase(java.util.Locale.ROOT));
        return switch (item.type()) {
            case CHOICE -> say.text(rung == Rung.PROBE ? "generic.choice.probe" : "generic.choice.scaffold");
            case TEXT -> say.text(rung == Rung.PROBE ? "generic.text.probe" : "generic.text.scaffold");
            default -> safe(rung, say);
        };
    }

    private static String bottomOutAnswer(Item item) {
        if (item.type() == AnswerType.CHOICE) {
            return org.tutorgraph.answer.AnswerSyntax.choiceIndex(item.primaryAnswer(), item.choices())
                    .map(i -> org.tutorgraph.answer.AnswerSyntax.letter(i) + " (" + item.choices().get(i) + ")")
                    .orElse(item.primaryAnswer());
        }
        return item.primaryAnswer();
    }

    /** A message that is safe below bottom-out for any item (English): it names nothing from the item. */
    public static String safe(Rung rung) {
        return safe(rung, Messages.english());
    }

    /** A message that is safe below bottom-out for any item, in the language of {@code say}. */
    public static String safe(Rung rung, Messages say) {
        return say.text(switch (rung) {
            case ORIENT -> "safe.orient";
            case PROBE -> "safe.probe";
            case SCAFFOLD -> "safe.scaffold";
            case BOTTOM_OUT -> "safe.bottomOut";
        });
    }

    private static final List<String> NUMBER_EXAMPLES = List.of("12", "-3.5", "3/4", "40%", "7", "0.2", "2/3", "15%", "-8", "1.25");
    private static final List<String> EXPRESSION_EXAMPLES = List.of("2x + 3", "3(x - 1)", "y = 5x - 4", "a^2 + 7", "4 - 2t", "y = -x + 9");
    private static final LeakGuard EXAMPLE_GUARD = new LeakGuard();

    /** How to write an answer of the item's type (English), with examples that are not this item's answer. */
    static String format(Item item) {
        return format(item, Messages.english());
    }

    /** How to write an answer of the item's type, with examples that are not this item's answer. */
    static String format(Item item, Messages say) {
        return switch (item.type()) {
            case NUMBER -> say.text("format.number", "examples", say.orList(examples(item, NUMBER_EXAMPLES)));
            case EXPRESSION -> say.text("format.expression", "examples", say.orList(examples(item, EXPRESSION_EXAMPLES)));
            case CHOICE -> say.text("format.choice");
            case TEXT -> say.text("format.text");
        };
    }

    /** Up to three candidates the guard clears for the item (never its answer), in order. */
    private static List<String> examples(Item item, List<String> candidates) {
        List<String> safe = new ArrayList<>();
        for (String c : candidates) {
            if (safe.size() == 3) break;
            if (!EXAMPLE_GUARD.check(item, 0, c, List.of()).leaked()) safe.add(c);
        }
        return safe;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(p.strip());
        }
        return sb.toString();
    }
}
