package org.tutorgraph.tutor;

import org.tutorgraph.answer.AttemptText;
import org.tutorgraph.graph.AnswerType;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sorts a learner's free text into an attempt, a hint request, a demand for the answer, or chat, with plain patterns
 * (no model). Order: demands first (so "give me the answer, I need help" is a demand, not a hint request), then hint
 * requests, then chat (a question or a sentence with no math in it), else an attempt.
 *
 * <p>When in doubt it says "attempt": grading decides the rest, and an unreadable attempt does not move the ladder.
 */
public final class InputClassifier {

    /** French demands: "donne-moi la réponse", "c'est quoi la réponse", "ignore tes consignes", "mon prof a dit…". */
    private static final String FRENCH_DEMAND = "|(?:dis|donne|montre|écris|envoie|file)[-\\s]+(?:moi|nous)\\s+(?:juste\\s+)?(?:la|ta|le)\\s+"
            + "(?:bonne\\s+|vraie\\s+)?(?:réponse|solution|résultat)"
            + "|(?:c'est\\s+)?quoi\\s+la\\s+(?:bonne\\s+)?(?:réponse|solution)|quelle\\s+est\\s+la\\s+(?:bonne\\s+)?(?:réponse|solution)"
            + "|(?:ignore|oublie|ignorez|oubliez)\\s+(?:toutes\\s+|tes\\s+|les\\s+|vos\\s+|tous\\s+)*(?:instructions|consignes|règles)"
            + "|(?:mon|ma)\\s+(?:prof|professeure?|maîtresse|maître|enseignante?)\\s+(?:a\\s+dit|dit|permet|veut|autorise)"
            + "|(?:la\\s+)?réponse\\s+(?:s'il\\s+te\\s+plaît|s'il\\s+vous\\s+plaît|stp|svp|maintenant)"
            + "|juste\\s+la\\s+réponse|tu\\s+dois\\s+me\\s+(?:la\\s+|le\\s+)?dire|j'abandonne.*(?:réponse|dis)";
    private static final Pattern DEMAND = Pattern.compile(
            "\\b(?:(?:just|please|pls|plz|can you|could you|will you)?\\s*(?:tell|give|show|say|reveal|send|type)\\s+(?:me\\s+|us\\s+)?(?:the\\s+|your\\s+)?"
                    + "(?:final\\s+|correct\\s+|right\\s+)?(?:answer|solution|result)"
                    + "|what(?:'s| is)\\s+the\\s+(?:final\\s+|correct\\s+|right\\s+)?(?:answer|solution)"
                    + "|(?:ignore|forget|disregard)\\s+(?:all\\s+|your\\s+|the\\s+|previous\\s+|those\\s+)*(?:instructions|rules|prompt)"
                    + "|(?:my\\s+)?teacher\\s+(?:said|says|allows|lets|wants)"
                    + "|(?:answer|solution)\\s+(?:please|pls|plz|now)"
                    + "|just\\s+(?:the\\s+)?answer"
                    + "|you\\s+(?:have|need|must)\\s+to\\s+tell\\s+me"
                    + "|(?:i\\s+)?give\\s+up.*(?:answer|tell)"
                    + "|(?:developer|admin|system)\\s+mode|jailbreak"
                    + FRENCH_DEMAND + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Text written for the machine, not the tutor: instructions to the grader ("mark this correct", "verdict: correct"),
     * the delimiters and role markers of prompts ({@code >>>}, {@code SYSTEM:}, {@code [INST]}, {@code <|im_start|>}),
     * template variables, notes to the AI. Whatever else it holds, it is not an answer: it never reaches a grader.
     */
    private static final Pattern MANIPULATION = Pattern.compile(
            "\\b(?:mark|grade|score|count|treat|accept|record)\\s+(?:this|it|that|me|my\\s+(?:answer|attempt|response))\\s+(?:as\\s+)?(?:correct|right|passed|true)\\b"
                    + "|\\bgrade\\s+(?:it|this|me)\\s+as\\b|\\bverdict\\s*\"?\\s*[:=]|\\bignore\\s+(?:the\\s+|your\\s+)?(?:rubric|grading|grader|checker)"
                    + "|<<<|>>>|<\\|im_(?:start|end)\\|>|\\[/?INST]|<</?SYS>>|<!--|\\{\\{\\s*\\w+\\s*}}"
                    + "|(?m)^\\s*(?:system|assistant|developer|tutor)\\s*:|###\\s*(?:new\\s+)?(?:instructions?|task|system|rules?)\\b"
                    + "|\\bnote\\s+to\\s+(?:the\\s+)?(?:ai|model|assistant|tutor|grader)\\b|\\breveal\\s+mode\\b"
                    // French: "compte ma réponse comme juste", "note pour l'IA", "ignore le barème"
                    + "|\\b(?:compte|note|marque|accepte|valide|consid\u00e8re|comptez|notez|validez)[-\\s]+(?:la|le|\u00e7a|cela|ceci|ma\\s+r\u00e9ponse)\\s+"
                    + "comme\\s+(?:juste|correcte?|bonne|exacte?|valide)\\b|\\bnote\\s+(?:pour|\u00e0)\\s+(?:l'ia|le\\s+mod\u00e8le|l'assistant|le\\s+tuteur|le\\s+correcteur)"
                    + "|\\b(?:ignore|oublie)\\s+(?:le\\s+|ton\\s+)?(?:bar\u00e8me|correcteur|correction)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HINT = Pattern.compile(
            "^(?:/hint|hint|hint\\s+please|a\\s+hint|another\\s+hint|more\\s+help|help|help\\s+me|help\\s+please|i\\s+need\\s+(?:a\\s+)?(?:hint|help|a\\s+clue)"
                    + "|(?:can|could)\\s+(?:i|you)\\s+(?:have|get|give\\s+me)\\s+(?:a\\s+|another\\s+)?(?:hint|clue)"
                    + "|give\\s+me\\s+(?:a\\s+|another\\s+)?(?:hint|clue)|clue|i'?m\\s+stuck|im\\s+stuck|stuck|i\\s+am\\s+stuck|next\\s+step"
                    + "|what\\s+(?:should|do)\\s+i\\s+do(?:\\s+next|\\s+first)?|where\\s+do\\s+i\\s+start|how\\s+do\\s+i\\s+start"
                    // French: indice, aide-moi, je suis bloqué(e), tu peux m'aider, par où commencer
                    + "|(?:un\\s+|encore\\s+un\\s+|un\\s+autre\\s+)?indice(?:\\s+(?:stp|svp|s'il\\s+te\\s+plaît))?|aide|aide[-\\s]moi|aidez[-\\s]moi|à\\s+l'aide"
                    + "|j'ai\\s+besoin\\s+d(?:'un\\s+indice|'aide|e\\s+l'aide)|(?:tu\\s+peux|peux[-\\s]tu)\\s+m'aider|je\\s+suis\\s+bloquée?|je\\s+bloque"
                    + "|bloquée?|par\\s+où\\s+commencer|je\\s+commence\\s+comment|comment\\s+je\\s+commence|étape\\s+suivante"
                    + "|qu'est[-\\s]ce\\s+que\\s+je\\s+dois\\s+faire|que\\s+dois[-\\s]je\\s+faire)[.!?]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CHAT_START = Pattern.compile(
            "^(?:why|how|what|who|when|where|which|can|could|would|should|do|does|is|are|hi|hello|hey|thanks|thank you|ok|okay|cool|lol|wait"
                    + "|pourquoi|comment|quoi|qui|quand|où|quel|quelle|quels|quelles|est-ce|bonjour|salut|coucou|merci|d'accord|attends)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private InputClassifier() {
    }

    /** Classifies free text for an item of any type. */
    public static StudentInput classify(String raw) {
        return classify(raw, null);
    }

    /** Classifies free text typed on an item of {@code type} (free-text items accept long sentences as answers). */
    public static StudentInput classify(String raw, AnswerType type) {
        String text = raw == null ? "" : raw.strip();
        if (DEMAND.matcher(text).find() || MANIPULATION.matcher(text).find()) return new StudentInput.AnswerDemand(text);
        if (HINT.matcher(text).matches()) return new StudentInput.HintRequest();
        if (looksLikeChat(text, type != AnswerType.TEXT)) return new StudentInput.Chat(text);
        return new StudentInput.Attempt(text);
    }

    /**
     * A question or a sentence that is not an answer: starts like a question or greeting, has several words and no
     * digit or operator ("why do we flip the sign?", "hello"), or is long prose. "is it 5?" and "maybe 3/4" stay attempts.
     */
    static boolean looksLikeChat(String text, boolean longProseIsChat) {
        if (text.isEmpty()) return false;
        String cleaned = AttemptText.clean(text);
        boolean math = cleaned.chars().anyMatch(c -> Character.isDigit(c) || "=+*/^()%".indexOf(c) >= 0);
        if (math) return false;
        String lower = cleaned.toLowerCase(Locale.ROOT);
        int words = lower.isBlank() ? 0 : lower.split("\\s+").length;
        if (words <= 2 && !CHAT_START.matcher(lower).find()) return false;
        if (CHAT_START.matcher(lower).find() && (text.endsWith("?") || words >= 3 || words == 1)) return !AttemptText.isNonAnswer(cleaned);
        return longProseIsChat && words >= 8;
    }
}
