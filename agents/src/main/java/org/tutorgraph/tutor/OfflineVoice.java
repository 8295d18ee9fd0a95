package org.tutorgraph.tutor;

import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import org.tutorgraph.guard.LeakGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tutor's words without a model: the course pack's authored rung for the current level, behind a short feedback
 * template ("Not quite. …", "Right! …"); a recognised misconception is answered with its own probe. When the course
 * has no rung at a level, a generic rung that names no part of the answer is used. English only.
 */
public final class OfflineVoice implements TutorVoice {

    @Override
    public String phrase(Phrasing r) {
        String rung = r.rung().map(x -> rungText(r.item(), r.concept(), x)).orElse("");
        return switch (r.situation()) {
            case CORRECT -> "Right! That's it.";
            case INCORRECT -> join("Not quite.", rung.isEmpty() ? "Have another look at the question." : rung);
            case MISCONCEPTION -> join("Not quite.", misconceptionReply(r, rung));
            case UNFINISHED -> join("You're on the right track, but that isn't finished yet.", rung.isEmpty() ? "Can you take it one step further?" : rung);
            case REPEATED -> join("That's the same answer as before, so let's look at it another way.", rung);
            case HINT_REQUESTED -> rung.isEmpty() ? "Read the question once more: what is it asking for?" : rung;
            case HINT_HELD -> join("Have a go at this first:", rung,
                    "Once you've made a real attempt, I can walk you through the whole step.");
            case NO_ANSWER -> join("That's fine, let's take it one step at a time.", rung);
            case SEVERAL_ANSWERS -> "I see more than one answer there. Which one is your final answer?";
            case UNREADABLE -> join("I couldn't read that as an answer" + (r.detail().isEmpty() ? "." : ": " + r.detail() + "."), format(r.item()));
            case DEMAND -> join("I won't just hand you the answer: you'll remember it far better if you work it out, and I'll help at every step.",
                    rung.isEmpty() ? "Give it a try, or ask me for a hint." : rung);
            case CHAT -> join("I can only help with this problem right now. Let's get back to it:", r.item().prompt());
            case FINISHED -> "We've finished this one. Let's move on.";
        };
    }

    private static String misconceptionReply(Phrasing r, String rung) {
        Optional<Misconception> m = r.misconception();
        String probe = m.map(Misconception::probe).orElse("");
        if (probe.isBlank()) return rung;
        if (r.rung().isPresent() && r.rung().get() != Rung.PROBE) return join(probe, rung);
        return probe;
    }

    /** The authored text of {@code rung} for {@code item} (its first rung at that level), or a generic rung. */
    public static String rungText(Item item, Concept concept, Rung rung) {
        return authored(item, rung).orElseGet(() -> generic(item, concept, rung));
    }

    /** The item's first authored rung at this level. */
    public static Optional<String> authored(Item item, Rung rung) {
        for (HintRung h : item.ladder()) if (h.rung() == rung && !h.text().isBlank()) return Optional.of(h.text().strip());
        return Optional.empty();
    }

    /** A rung for courses that author none at this level; below bottom-out it names no part of the item. */
    public static String generic(Item item, Concept concept, Rung rung) {
        if (rung == Rung.BOTTOM_OUT) return "The answer is " + bottomOutAnswer(item) + ".";
        if (rung == Rung.ORIENT) {
            return "What is the question asking for, and what do you already know about "
                    + concept.name().toLowerCase(java.util.Locale.ROOT) + " that could help?";
        }
        return switch (item.type()) {
            case CHOICE -> rung == Rung.PROBE
                    ? "Which choice can you rule out for sure, and why?"
                    : "Check each remaining choice against the question: which one fits every part of it?";
            case TEXT -> rung == Rung.PROBE
                    ? "Which idea from this topic does the question point to?"
                    : "Try describing the idea in your own words first, then name it.";
            default -> safe(rung);
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

    /** A message that is safe below bottom-out for any item: it names nothing from the item. */
    public static String safe(Rung rung) {
        return switch (rung) {
            case ORIENT -> "What is the question asking for? Start from what you already know.";
            case PROBE -> "Which step are you least sure about? Try doing just that step.";
            case SCAFFOLD -> "Let's make it smaller: do only the first operation, and tell me the result.";
            case BOTTOM_OUT -> "Let's look at the worked step together.";
        };
    }

    private static final List<String> NUMBER_EXAMPLES = List.of("12", "-3.5", "3/4", "40%", "7", "0.2", "2/3", "15%", "-8", "1.25");
    private static final List<String> EXPRESSION_EXAMPLES = List.of("2x + 3", "3(x - 1)", "y = 5x - 4", "a^2 + 7", "4 - 2t", "y = -x + 9");
    private static final LeakGuard EXAMPLE_GUARD = new LeakGuard();

    /** How to write an answer of the item's type, with examples that are not this item's answer. */
    static String format(Item item) {
        return switch (item.type()) {
            case NUMBER -> "Type one number, like " + examples(item, NUMBER_EXAMPLES) + ".";
            case EXPRESSION -> "Type one expression or equation, like " + examples(item, EXPRESSION_EXAMPLES) + ".";
            case CHOICE -> "Type just the letter of your choice.";
            case TEXT -> "Type a short answer in words.";
        };
    }

    private static String examples(Item item, List<String> candidates) {
        List<String> safe = new ArrayList<>();
        for (String c : candidates) {
            if (safe.size() == 3) break;
            if (!EXAMPLE_GUARD.check(item, 0, c, List.of()).leaked()) safe.add(c);
        }
        return safe.size() < 2 ? String.join(" or ", safe) : String.join(", ", safe.subList(0, safe.size() - 1)) + " or " + safe.get(safe.size() - 1);
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
