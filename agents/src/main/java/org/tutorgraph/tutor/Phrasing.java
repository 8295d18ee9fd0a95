package org.tutorgraph.tutor;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link TutorVoice} may ground one tutor message in (DESIGN §5: the concept's description, the item,
 * the learner's attempt, the diagnosed misconception, the rung to phrase).
 *
 * @param concept       the concept being tutored
 * @param item          the item (prompt, answers, authored ladder, misconceptions)
 * @param rung          the rung to phrase this turn, empty when the turn gives no hint (feedback only)
 * @param situation     what the reply responds to
 * @param attempt       the learner's latest attempt, if this turn answers one
 * @param misconception the misconception the attempt matched, if any
 * @param detail        a short reason from grading ("could not read a number …"), or ""
 * @param mastery       the learner model's view of the concept
 * @param language      the reply's language (BCP 47, e.g. "en")
 * @param avoid         when regenerating after a leak: what the previous phrasing revealed, to avoid
 * @param dialogue      the last turns on this step, oldest first, one per line ("Student: …", "Tutor: …"), or ""; a
 *                      model-backed voice grounds its reply in them (the {@code {{dialogue}}} template variable)
 */
public record Phrasing(Concept concept, Item item, Optional<Rung> rung, Situation situation, Optional<String> attempt,
                       Optional<Misconception> misconception, String detail, MasterySummary mastery, String language,
                       Optional<String> avoid, String dialogue) {

    public Phrasing {
        Objects.requireNonNull(concept, "concept");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(misconception, "misconception");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(mastery, "mastery");
        language = language == null || language.isBlank() ? "en" : language;
        Objects.requireNonNull(avoid, "avoid");
        dialogue = dialogue == null ? "" : dialogue;
    }

    /** A request without dialogue (a single turn, as in the tutor's own tests and benchmarks). */
    public Phrasing(Concept concept, Item item, Optional<Rung> rung, Situation situation, Optional<String> attempt,
                    Optional<Misconception> misconception, String detail, MasterySummary mastery, String language,
                    Optional<String> avoid) {
        this(concept, item, rung, situation, attempt, misconception, detail, mastery, language, avoid, "");
    }

    /** The same request, asking to avoid what a previous phrasing revealed. */
    public Phrasing avoiding(String revealed) {
        return new Phrasing(concept, item, rung, situation, attempt, misconception, detail, mastery, language, Optional.of(revealed),
                dialogue);
    }
}
