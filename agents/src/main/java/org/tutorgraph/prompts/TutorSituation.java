package org.tutorgraph.prompts;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Misconception;
import org.tutorgraph.graph.Rung;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's situation as the tutor templates see it: what they work on, what they answered, what the
 * Diagnostician found, which rung to phrase. {@link #vars()} turns it into exactly the variables
 * {@link PromptRegistry} promises tutor templates, and never includes the answer below bottom-out.
 *
 * @param course             the course title
 * @param concept            the concept's name
 * @param conceptDescription the concept's description
 * @param item               the item's prompt
 * @param choices            a multiple-choice item's options, in order; empty otherwise
 * @param answer             the item's answer (SECRET: only reaches bottom-out and judge templates)
 * @param attempt            the learner's latest attempt, or "" for none
 * @param verdict            how it was graded (correct, incorrect, ungraded), or "" when not graded
 * @param misconception      the diagnosed misconception's description, or "" for none
 * @param misconceptionProbe the course's probing question for it, or ""
 * @param rung               the rung to phrase
 * @param rungText           the course's authored text for that rung
 * @param mastery            the learner's mastery summary (see {@link PromptVars#masterySummary})
 * @param dialogue           the last turns, oldest first, one per line, or ""
 * @param languageTag        the course language (BCP 47)
 */
public record TutorSituation(String course, String concept, String conceptDescription, String item, List<String> choices,
                             String answer, String attempt, String verdict, String misconception, String misconceptionProbe,
                             Rung rung, String rungText, String mastery, String dialogue, String languageTag) {

    public TutorSituation {
        Objects.requireNonNull(rung, "rung");
        course = blankIfNull(course);
        concept = blankIfNull(concept);
        conceptDescription = blankIfNull(conceptDescription);
        item = blankIfNull(item);
        choices = choices == null ? List.of() : List.copyOf(choices);
        answer = blankIfNull(answer);
        attempt = blankIfNull(attempt);
        verdict = blankIfNull(verdict);
        misconception = blankIfNull(misconception);
        misconceptionProbe = blankIfNull(misconceptionProbe);
        rungText = blankIfNull(rungText);
        mastery = blankIfNull(mastery);
        dialogue = blankIfNull(dialogue);
        languageTag = Languages.normalise(languageTag).orElse("en");
    }

    /**
     * The situation of a learner on {@code item} of {@code pack}, about to receive rung {@code rung}.
     *
     * @param misconception the diagnosed misconception, or null
     * @param mastery       the mastery summary, or "" when unknown
     */
    public static TutorSituation of(CoursePack pack, Item item, Rung rung, String attempt, Misconception misconception, String mastery) {
        String conceptId = item.concepts().get(0);
        var concept = pack.graph().concept(conceptId);
        String rungText = item.ladder().stream().filter(h -> h.rung() == rung).map(HintRung::text).findFirst().orElse("");
        return new TutorSituation(pack.meta().title(), concept.name(), concept.description(), item.prompt(), item.choices(),
                item.primaryAnswer(), attempt, "", misconception == null ? "" : misconception.description(),
                misconception == null ? "" : misconception.probe(), rung, rungText, mastery, "", pack.meta().language());
    }

    public TutorSituation withRung(Rung newRung, String newRungText) {
        return new TutorSituation(course, concept, conceptDescription, item, choices, answer, attempt, verdict, misconception,
                misconceptionProbe, newRung, newRungText, mastery, dialogue, languageTag);
    }

    public TutorSituation withDialogue(String newDialogue) {
        return new TutorSituation(course, concept, conceptDescription, item, choices, answer, attempt, verdict, misconception,
                misconceptionProbe, rung, rungText, mastery, newDialogue, languageTag);
    }

    public TutorSituation withVerdict(String newVerdict) {
        return new TutorSituation(course, concept, conceptDescription, item, choices, answer, attempt, newVerdict, misconception,
                misconceptionProbe, rung, rungText, mastery, dialogue, languageTag);
    }

    /** The tutor templates' variables; {@code answer} only when the rung is bottom-out. */
    public Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        Placeholders p = Placeholders.forLanguage(languageTag);
        v.put("course", course);
        v.put("concept", concept);
        v.put("conceptDescription", conceptDescription.isBlank() ? p.noDescription() : conceptDescription);
        v.put("item", item);
        v.put("choices", PromptVars.choices(choices, p));
        v.put("attempt", attempt.isBlank() ? p.noAttempt() : attempt);
        v.put("verdict", verdict.isBlank() ? p.notGraded() : verdict);
        v.put("misconception", misconception.isBlank() ? p.noMisconception() : misconception);
        v.put("misconceptionProbe", misconceptionProbe);
        v.put("rung", rung.key());
        v.put("rungText", rungText);
        v.put("mastery", mastery.isBlank() ? p.noMastery() : mastery);
        v.put("dialogue", dialogue.isBlank() ? p.noDialogue() : dialogue);
        v.put("language", Languages.englishName(languageTag));
        v.put("languageTag", languageTag);
        if (rung == Rung.BOTTOM_OUT) v.put("answer", answer);
        return v;
    }

    /** The judge templates' variables: the tutor's, the answer (so a judge can spot a leak), the two replies and the judge. */
    public Map<String, Object> judgeVars(String replyA, String replyB, String judgePersona) {
        Map<String, Object> v = vars();
        v.put("answer", answer);
        v.put("replyA", replyA);
        v.put("replyB", replyB);
        v.put("judgePersona", judgePersona);
        return v;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.strip();
    }
}
