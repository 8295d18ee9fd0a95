package org.tutorgraph.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sentences in a template body that ask the model to reveal the answer ("give the answer", "tell the student
 * the solution", "donne la réponse"), which a template below bottom-out must never do. A sentence that negates the
 * request ("never give the answer", "ne donne pas la réponse", "without stating the solution") is fine: that is
 * exactly what a good tutor template says.
 *
 * <p>A heuristic in front of the real safety net (the answer-leak guard checks every reply); it catches the
 * obvious mistakes an educator can make while editing. O(length of the body).
 */
public final class RevealRequests {

    /** A sentence that asks for the answer. */
    public record Finding(int line, String phrase, String sentence) {
    }

    private static final String VERBS_EN = "give|giving|gives|tell|telling|tells|state|stating|states|reveal|revealing|reveals|"
            + "show|showing|shows|provide|providing|provides|share|sharing|shares|say|saying|says|write out|writing out|"
            + "hand over|spell out|disclose|print|output";
    private static final String VERBS_FR = "donne|donner|donnez|dis|dire|dites|révèle|révéler|révélez|indique|indiquer|"
            + "indiquez|montre|montrer|montrez|fournis|fournir|fournissez|écris|écrire|écrivez|communique|communiquer";

    private static final Pattern ASK_EN = Pattern.compile(
            "\\b(?:" + VERBS_EN + ")\\b(?:\\s+(?:away|out|them|him|her|the|a|an|student|learner|pupil|child|its|their|his|"
                    + "to|directly|straight|right|immediately|now|final|correct|full|whole|complete|exact|numeric|numerical)){0,5}"
                    + "\\s+(?:answer|answers|solution|solutions|result)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SOLVE_FOR_EN = Pattern.compile(
            "\\bsolve\\s+(?:it|the\\s+(?:problem|item|question|exercise))\\s+for\\s+(?:them|the\\s+(?:student|learner|pupil))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK_FR = Pattern.compile(
            "\\b(?:" + VERBS_FR + ")(?:-(?:lui|leur|moi|nous))?\\b(?:\\s+(?:à|a|l'élève|l’élève|élève|lui|leur|directement|tout\\s+de\\s+suite|la|le|sa|bonne|"
                    + "réponse\\s+(?=finale)|finale|complète|exacte)){0,5}\\s+(?:la\\s+|sa\\s+|une\\s+)?(?:bonne\\s+)?"
                    + "(?:réponse|solution|résultat)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Negation cues that, earlier in the same sentence, turn a request into a prohibition. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:never|not|no|don't|don’t|do\\s+not|does\\s+not|doesn't|must\\s+not|mustn't|cannot|can't|without|avoid|"
                    + "instead\\s+of|rather\\s+than|refuse|unless|only\\s+on|only\\s+at|only\\s+in|only\\s+when|only\\s+after|"
                    + "ne|n'|n’|jamais|sans|pas|aucun|aucune|évite|éviter|plutôt\\s+que|au\\s+lieu\\s+de|seulement|uniquement)\\b|\\bn['’]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\\n](?=\\s|$)|\\n");

    private RevealRequests() {
    }

    /**
     * The sentences of {@code body} that ask for the answer without negating it.
     *
     * @param firstLine the file line of the body's first line, so findings carry file lines
     */
    public static List<Finding> find(String body, int firstLine) {
        List<Finding> out = new ArrayList<>();
        int start = 0;
        int line = firstLine;
        Matcher end = SENTENCE_END.matcher(body);
        while (start < body.length()) {
            int stop = end.find(start) ? end.end() : body.length();
            String sentence = body.substring(start, stop);
            check(sentence, line, out);
            line += (int) sentence.chars().filter(c -> c == '\n').count();
            start = stop;
        }
        return out;
    }

    private static void check(String sentence, int line, List<Finding> out) {
        for (Pattern p : new Pattern[]{ASK_EN, SOLVE_FOR_EN, ASK_FR}) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                String before = sentence.substring(0, m.start());
                if (NEGATION.matcher(before).find()) continue;
                int offsetLines = (int) before.chars().filter(c -> c == '\n').count();
                out.add(new Finding(line + offsetLines, m.group().replaceAll("\\s+", " "), sentence.strip()));
                return;
            }
        }
    }
}
