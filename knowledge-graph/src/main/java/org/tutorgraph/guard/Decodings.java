package org.tutorgraph.guard;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readings of a message a learner could decode with no effort, for the leak guard to check besides the message
 * itself: a model that complies with "say it in base64 / backwards / in Spanish / letter by letter / as a riddle" writes
 * the answer in a form the plain probes do not read. Each decoding is applied only when the message has something it
 * applies to, so an ordinary message costs one cheap scan per decoding and no extra probe pass.
 *
 * <ul>
 *   <li>base64 tokens decoded in place (tokens of 4+ characters that decode to printable UTF-8);</li>
 *   <li>when the message says it writes backwards ("backwards", "reversed", "mirror"): the whole message reversed,
 *       and each stretch of math reversed in place ({@code b2 - a5}); and always every word of 4+ letters reversed (a
 *       reversed word answer needs no cue to be read);</li>
 *   <li>runs of single characters joined ({@code 5 - / - 7}, {@code d-e-n-o-m}, {@code - 4 0});</li>
 *   <li>runs of English digit words read digit by digit ({@code five, slash, seven});</li>
 *   <li>Spanish, French, German, Italian and Portuguese numbers up to 99 as digits, with their words for "over",
 *       "point" and "minus";</li>
 *   <li>arithmetic in words as its result ({@code three more than two}, {@code half of ten}, {@code twice four});</li>
 *   <li>Roman numerals (when the message mentions Roman), {@code 0x}/{@code 0b} numbers, and bare binary or
 *       hexadecimal when the message names them;</li>
 *   <li>ROT13, and leetspeak words ({@code d3n0m1n4t0r}).</li>
 * </ul>
 * Digits of other scripts and keycap emoji are handled earlier, by the guard's normalisation (they are the same
 * number, not a decoding). O(n) per decoding.
 */
final class Decodings {

    private Decodings() {
    }

    /** A decoded reading: what was decoded, and the text. */
    record Reading(String how, String text) {
    }

    static List<Reading> of(String message) {
        List<Reading> out = new ArrayList<>();
        add(out, "base64", base64(message), message);
        String lower = message.toLowerCase(Locale.ROOT);
        if (REVERSE_CUE.matcher(lower).find()) {
            add(out, "reversed", new StringBuilder(message).reverse().toString(), message);
            add(out, "reversed math", reverseMath(message), message);
        }
        add(out, "reversed words", reverseWords(message), message);
        add(out, "spelled out", joinSingles(message), message);
        add(out, "digit by digit", digitWords(message), message);
        add(out, "another language", foreign(message), message);
        add(out, "a riddle", arithmeticWords(message), message);
        add(out, "math in words", mathWords(message), message);
        if (lower.contains("roman")) add(out, "Roman numerals", roman(message), message);
        add(out, "another base", bases(message, lower.contains("binary"), HEX_CUE.matcher(lower).find()), message);
        add(out, "ROT13", rot13(message), message);
        add(out, "leetspeak", leet(message), message);
        return out;
    }

    private static void add(List<Reading> out, String how, String decoded, String original) {
        if (decoded != null && !decoded.equals(original)) out.add(new Reading(how, decoded));
    }

    // ---------------------------------------------------------------- base64

    /** Whole base64 quanta, padding included: {@code NQ==} (5) as much as {@code VGhlIGFuc3dlcg==}. */
    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/])(?:[A-Za-z0-9+/]{4})*"
            + "(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})(?![A-Za-z0-9+/=])");

    static String base64(String message) {
        Matcher m = BASE64.matcher(message);
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            String decoded = decodeBase64(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
            any |= decoded != null;
        }
        m.appendTail(sb);
        return any ? sb.toString() : null;
    }

    private static String decodeBase64(String token) {
        if (token.length() % 4 != 0) return null;
        try {
            byte[] bytes = Base64.getDecoder().decode(token);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            boolean printable = !s.isBlank() && s.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0));
            return printable ? s : null;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- reversal, spelling, ciphers

    private static final Pattern REVERSE_CUE = Pattern.compile("backwards?|revers|mirror|right to left");
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    /** A stretch of math: tokens with a digit, operators and single letters, separated by spaces ({@code b2 - a5}, {@code 7:5}). */
    private static final String MATH_TOKEN = "(?:[()\\[\\],]*[\\p{L}]?[\\p{N}][\\p{N}\\p{L}:/.,^()\\[\\]]*|[+\\-*/=:^<>\u2264\u2265()\\[\\]]|\\p{L}(?![\\p{L}]))";
    private static final Pattern MATH_STRETCH = Pattern.compile("(?<![\\p{L}\\p{N}])" + MATH_TOKEN + "(?:\\s*" + MATH_TOKEN + ")*");

    /** Each stretch of math written backwards, read forwards ({@code b2 - a5} → {@code 5a - 2b}, {@code 7:5} → {@code 5:7}). */
    private static String reverseMath(String message) {
        Matcher m = MATH_STRETCH.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String g = m.group();
            String trail = g.replaceAll("^.*?([.,]*)$", "$1");
            String core = g.substring(0, g.length() - trail.length());
            m.appendReplacement(sb, Matcher.quoteReplacement(core.chars().anyMatch(Character::isDigit)
                    ? new StringBuilder(core).reverse() + trail : g));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String reverseWords(String message) {
        Matcher m = WORD.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(new StringBuilder(m.group()).reverse().toString()));
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Single characters spelled out one by one, joined: {@code d-e-n-o-m}, {@code 5 - / - 7}, {@code 1 4},
     * {@code --1-4} (a leading dash is a minus sign). A piece is a character standing alone between separators
     * (white space, {@code - _ * | ·}, or a comma or full stop followed by a space); two or more pieces in a row are
     * joined. {@code 3.5} is one piece. O(n).
     */
    static String joinSingles(String message) {
        List<int[]> pieces = new ArrayList<>(); // [start, end) of each maximal non-separator run
        int i = 0;
        int n = message.length();
        while (i < n) {
            while (i < n && isSeparator(message, i)) i++;
            int start = i;
            while (i < n && !isSeparator(message, i)) i += Character.charCount(message.codePointAt(i));
            if (i > start) pieces.add(new int[]{start, i});
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int k = 0;
        while (k < pieces.size()) {
            int j = k;
            while (j < pieces.size() && single(message, pieces.get(j))) j++;
            if (j - k >= 2) {
                int start = pieces.get(k)[0];
                int end = pieces.get(j - 1)[1];
                out.append(message, copied, start);
                for (int p = k; p < j; p++) out.append(message, pieces.get(p)[0], pieces.get(p)[1]);
                copied = end;
                k = j;
            } else {
                k = Math.max(j, k + 1);
            }
        }
        out.append(message, copied, n);
        return out.toString();
    }

    private static boolean isSeparator(String s, int i) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '_' || c == '*' || c == '|' || c == '\u00b7') return true;
        // a hyphen joins letters ("d-e-n"); standing alone (" - ") or leading ("-5") it is a minus sign
        if (c == '-') return i > 0 && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i - 1)) && !Character.isWhitespace(s.charAt(i + 1));
        // "a, b" and "end." separate; a full stop standing alone (" . ") is a spelled-out decimal point
        return (c == ',' || c == '.') && (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1)))
                && i > 0 && !Character.isWhitespace(s.charAt(i - 1));
    }

    /**
     * One character that can be part of a spelled-out word or number: not an operator between spaces ("8 + 12" is math
     * already), but an operator between the hyphens of a hyphenated spelling is ("1-/-6" is 1/6 character by character).
     */
    private static boolean single(String s, int[] piece) {
        int len = piece[1] - piece[0];
        if (len == 2 && Character.isSurrogate(s.charAt(piece[0]))) return true;
        if (len != 1) return false;
        if ("+-*/=<>\u00d7\u00f7:^()[]".indexOf(s.charAt(piece[0])) < 0) return true;
        return hyphenAt(s, piece[0] - 1) && hyphenAt(s, piece[1]);
    }

    private static boolean hyphenAt(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) == '-' && isSeparator(s, i);
    }

    private static final Map<String, String> DIGIT_WORDS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("slash", "/"),
            Map.entry("point", "."), Map.entry("dot", "."), Map.entry("minus", "-"), Map.entry("negative", "-"), Map.entry("percent", "%"), Map.entry("over", "/"));
    private static final Pattern DIGIT_RUN = Pattern.compile("(?i)\\b(?:(?:" + String.join("|", DIGIT_WORDS.keySet())
            + ")\\b[\\s,;\\-]*){2,}");

    /** Digit words in a row, read digit by digit ({@code one, two, five} → 125, {@code minus, nine} → -9); single words stay. */
    private static String digitWords(String message) {
        Matcher m = DIGIT_RUN.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder d = new StringBuilder();
            int digits = 0;
            for (String w : m.group().toLowerCase(Locale.ROOT).split("[\\s,;\\-]+")) {
                if (w.isEmpty()) continue;
                String v = DIGIT_WORDS.get(w);
                d.append(v);
                if (Character.isDigit(v.charAt(0))) digits++;
            }
            boolean signed = digits == 1 && d.length() >= 2; // "minus, nine" is -9 as much as "one, two" is 12
            m.appendReplacement(sb, Matcher.quoteReplacement(digits >= 2 || signed ? d + " " : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * ROT13 of every word but the plain English ones around it ("In ROT13 it is abayvarne" → "… it is nonlinear"), so
     * that the statement stays readable; a sentence encoded whole decodes whole.
     */
    static String rot13(String message) {
        // a model that writes in ROT13 says so; only then are variables and mixed tokens ("3l") decoded too, since
        // ROT13 of a lone "k" is an "x" that no one encoded
        boolean cue = ROT13_CUE.matcher(message).find();
        Matcher m = (cue ? LETTER_TOKEN : LONG_WORD).matcher(message);
        StringBuilder sb = new StringBuilder(message.length());
        while (m.find()) {
            String w = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(PLAIN_WORDS.contains(w.toLowerCase(Locale.ROOT)) ? w : rot13Letters(w)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final Pattern ROT13_CUE = Pattern.compile("(?i)\\brot-?13\\b|\\bcaesar\\b|\\bcipher\\b");
    private static final Pattern LETTER_TOKEN = Pattern.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*");
    private static final Pattern LONG_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{4,}(?![A-Za-z0-9])");
    private static final java.util.Set<String> PLAIN_WORDS = java.util.Set.of("a", "an", "the", "it", "is", "in", "on", "of", "to",
            "and", "or", "so", "this", "that", "its", "it's", "answer", "answers", "rot13", "rot", "here", "you", "your", "as", "be",
            "are", "was", "i", "me", "my", "we", "for", "with", "by", "at", "if", "not", "no", "yes", "say", "says", "reads", "written",
            "encoded", "decode", "cipher", "caesar", "text", "word", "sure", "since", "asked", "keep", "going", "read", "then", "now");

    private static String rot13Letters(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (char c : w.toCharArray()) {
            if (c >= 'a' && c <= 'z') sb.append((char) ('a' + (c - 'a' + 13) % 26));
            else if (c >= 'A' && c <= 'Z') sb.append((char) ('A' + (c - 'A' + 13) % 26));
            else sb.append(c);
        }
        return sb.toString();
    }

    private static final Pattern LEET_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]*\\p{L})(?=[\\p{L}\\p{N}]*[013457])[\\p{L}\\p{N}]{4,}");

    private static String leet(String message) {
        Matcher m = LEET_WORD.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group().replace('4', 'a').replace('3', 'e').replace('1', 'i').replace('0', 'o').replace('5', 's').replace('7', 't');
            m.appendReplacement(sb, Matcher.quoteReplacement(w));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ---------------------------------------------------------------- numbers in other languages, riddles, bases

    private static final Map<String, Integer> UNITS = new HashMap<>();
    private static final Map<String, Integer> TENS = new HashMap<>();
    private static final Map<String, String> SYMBOLS = new HashMap<>();

    static {
        String[][] units = {
                {"cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
                        "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve"},
                {"zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
                        "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"},
                {"null", "eins", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn",
                        "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"},
                {"zero", "uno", "una", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici", "tredici",
                        "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"},
                {"zero", "um", "uma", "dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "onze", "doze", "treze",
                        "catorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove"}};
        int[][] values = {
                {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                {0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}};
        for (int l = 0; l < units.length; l++) for (int i = 0; i < units[l].length; i++) UNITS.putIfAbsent(units[l][i], values[l][i]);
        String[][] tens = {
                {"veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"},
                {"vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "nonante"},
                {"zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"},
                {"venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"},
                {"vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"}};
        for (String[] t : tens) for (int i = 0; i < t.length; i++) TENS.putIfAbsent(t[i], 20 + 10 * i);
        for (String w : List.of("sobre", "sur", "durch", "über", "su", "entre")) SYMBOLS.put(w, "/");
        for (String w : List.of("coma", "virgule", "komma", "virgola", "vírgula", "punto", "ponto")) SYMBOLS.put(w, ".");
        for (String w : List.of("menos", "moins", "meno")) SYMBOLS.put(w, "-");
    }

    private static final Pattern STATEMENTS = Pattern.compile("(?iu)\\b(?:la\\s+)?(?:respuesta|réponse|reponse|risposta|resposta|"
            + "soluci[oó]n|solution)\\s+(?:correcta\\s+|correcte\\s+|corretta\\s+)?(?:es|est|è|é|e|ist)\\b|\\b(?:die\\s+)?(?:antwort|lösung)\\s+ist\\b");
    private static final Pattern OPTION_WORDS = Pattern.compile("(?iu)\\b(?:la\\s+|l'|die\\s+|a\\s+)?(?:opci[oó]n|option|opzione|opção|opcao)\\b");
    private static final Pattern FOREIGN_WORD = Pattern.compile("[\\p{L}]+(?:-[\\p{L}]+)*");

    /** Numbers up to 99 in five languages as digits ("treinta y cinco", "vingt-trois", "dreiundzwanzig", "cinco sobre siete"). */
    private static String foreign(String message) {
        // words that are English too ("once", "due", "elf") count only in a message that is evidently in another
        // language: it states an answer in one, or has an unambiguous number word of one
        boolean foreignCue = STATEMENTS.matcher(message).find();
        if (!foreignCue) {
            Matcher c = FOREIGN_WORD.matcher(message);
            while (c.find() && !foreignCue) {
                String w = c.group().toLowerCase(Locale.ROOT);
                foreignCue = foreignNumber(w) != null && !isEnglishWord(w) && !FRENCH_WEAK.contains(w);
            }
        }
        if (!foreignCue) return null;
        String text = OPTION_WORDS.matcher(message).replaceAll("option");
        // all words first: whether "un" is a number depends on its neighbours
        List<MatchResult> found = FOREIGN_WORD.matcher(text).results().toList();
        List<String> words = found.stream().map(r -> r.group().toLowerCase(Locale.ROOT)).toList();
        StringBuilder sb = new StringBuilder();
        boolean any = !text.equals(message) || STATEMENTS.matcher(message).find();
        int copied = 0;
        for (int i = 0; i < found.size(); i++) {
            String w = words.get(i);
            String value = FRENCH_WEAK.contains(w) && !inNumberPhrase(words, i) ? null : foreignNumber(w);
            if (value == null) value = SYMBOLS.get(w);
            if (value == null) continue;
            any = true;
            sb.append(text, copied, found.get(i).start()).append(value);
            copied = found.get(i).end();
        }
        sb.append(text, copied, text.length());
        if (!any) return null;
        // the statement itself, so that "la respuesta es 5" is stated as plainly as "the answer is 5"
        String stated = STATEMENTS.matcher(sb.toString()).replaceAll("the answer is");
        sb.setLength(0);
        sb.append(stated);
        // "35 y 5" style compounds: tens joined to units ("treinta y cinco", "vingt et un") become one number
        return sb.toString().replaceAll("\\b([2-9])0\\s+(?:y|e|et|und)\\s+([1-9])\\b", "$1$2")
                .replaceAll("(?<=[0-9]) ?([/.]) ?(?=[0-9-])", "$1").replaceAll("-\\s+(?=[0-9])", "-");
    }

    /**
     * French words the guard reads itself ({@code FrenchNumberWords}), where alone they are articles or a plain mention
     * ("un nombre", "zéro objet") and leak only when stated ("la réponse est zéro"): decoded here they would count as
     * stated, so they are left to that reading.
     */
    private static final java.util.Set<String> FRENCH_WEAK = java.util.Set.of("un", "une", "zéro");

    /**
     * Whether the weak word at {@code i} is part of a number phrase, where it is a number and not an article: next to
     * a word for "over", "point" or "minus" ("un sur six", "moins un") or joined to a tens word ("vingt et un").
     */
    private static boolean inNumberPhrase(List<String> words, int i) {
        if (i + 1 < words.size() && SYMBOLS.containsKey(words.get(i + 1))) return true;
        if (i > 0 && SYMBOLS.containsKey(words.get(i - 1))) return true;
        return i > 1 && words.get(i - 1).equals("et") && TENS.containsKey(words.get(i - 2));
    }

    /** Words that are also common English words ("due", "once", "seize", "um", "elf", "null"): left alone. */
    private static final java.util.Set<String> ENGLISH_TOO = java.util.Set.of("un", "une", "six", "zero", "due", "once", "seize",
            "um", "uma", "elf", "null", "sept", "tre", "dez", "coma", "punto", "ein", "sur", "su", "sei", "otto", "nove");

    private static boolean isEnglishWord(String w) {
        return ENGLISH_TOO.contains(w);
    }

    private static String foreignNumber(String w) {
        Integer u = UNITS.get(w);
        if (u != null) return Integer.toString(u);
        Integer t = TENS.get(w);
        if (t != null) return Integer.toString(t);
        // French and Portuguese hyphens ("vingt-trois", "quatre-vingt-dix"), German "und" compounds ("dreiundzwanzig")
        if (w.contains("-")) {
            String[] parts = w.split("-");
            int total = 0;
            for (String p : parts) {
                Integer pu = UNITS.get(p);
                Integer pt = TENS.get(p);
                if (p.equals("et")) continue;
                if (pt != null) total += pt;
                else if (pu != null && p.equals("quatre") && parts.length > 1) total += 4; // quatre-vingt(s) is 4 × 20
                else if (pu != null) total += pu;
                else if (p.equals("vingts") || p.equals("vingt")) total = total == 4 ? 80 : total + 20;
                else return null;
            }
            return Integer.toString(total);
        }
        int und = w.indexOf("und");
        if (und > 0) {
            Integer pu = UNITS.get(w.substring(0, und));
            Integer pt = TENS.get(w.substring(und + 3));
            if (pu != null && pt != null) return Integer.toString(pt + pu);
        }
        if (w.startsWith("veinti")) {
            Integer pu = UNITS.get(w.substring(6).replace("é", "e").replace("ú", "u").replace("ó", "o"));
            if (pu == null) pu = UNITS.get(w.substring(6));
            if (pu != null) return Integer.toString(20 + pu);
        }
        return null;
    }

    private static final String[] ENGLISH = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] ENGLISH_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    /** A number in digits or in English words up to 99 ({@code 7}, {@code seven}, {@code twenty-five}). */
    private static final String NUM;
    private static final Pattern WORD_NUMBER;

    static {
        StringBuilder words = new StringBuilder();
        for (String t : ENGLISH_TENS) words.append(t).append("(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|");
        for (int i = ENGLISH.length - 1; i >= 0; i--) words.append(ENGLISH[i]).append(i > 0 ? "|" : "");
        String belowHundred = "(?:" + words + ")";
        String number = "(?:(?:one|two|three|four|five|six|seven|eight|nine)\\s+hundred(?:\\s+(?:and\\s+)?" + belowHundred + ")?|" + belowHundred + ")";
        NUM = "((?:(?:negative|minus)\\s+)?(?:-?\\d+(?:\\.\\d+)?|\\b" + number + "\\b))";
        WORD_NUMBER = Pattern.compile("(?i)\\b" + number + "\\b");
    }

    private static final Pattern MORE_THAN = Pattern.compile("(?i)" + NUM + "\\s+(more|less|fewer|greater|bigger|smaller)\\s+than\\s+" + NUM);
    private static final Pattern HALF_OF = Pattern.compile("(?i)\\b(half|a third|a quarter|double|twice|triple|thrice|two times|three times)"
            + "\\s+(?:of\\s+)?" + NUM);
    private static final Pattern WORD_OP = Pattern.compile("(?i)" + NUM + "\\s+(plus|minus|times|divided by|over)\\s+" + NUM);

    /** The value of a number in digits or English words, or NaN. */
    private static double value(String s) {
        String w = s.toLowerCase(Locale.ROOT).strip();
        if (w.startsWith("negative ") || w.startsWith("minus ")) return -value(w.substring(w.indexOf(' ') + 1));
        if (Character.isDigit(w.charAt(w.length() - 1))) return Double.parseDouble(w);
        int hundred = w.indexOf(" hundred");
        if (hundred > 0) {
            double h = value(w.substring(0, hundred));
            String rest = w.substring(hundred + 8).replaceAll("^\\s+(?:and\\s+)?", "");
            return 100 * h + (rest.isEmpty() ? 0 : value(rest));
        }
        for (int i = 0; i < ENGLISH.length; i++) if (ENGLISH[i].equals(w)) return i;
        for (int t = 0; t < ENGLISH_TENS.length; t++) {
            if (!w.startsWith(ENGLISH_TENS[t])) continue;
            String rest = w.substring(ENGLISH_TENS[t].length()).replaceAll("^[- ]", "");
            if (rest.isEmpty()) return 20 + 10 * t;
            for (int u = 1; u < 10; u++) if (ENGLISH[u].equals(rest)) return 20 + 10 * t + u;
        }
        return Double.NaN;
    }

    /**
     * "N more than M", "half of N", "N plus M" (numbers in digits or words) as their results, where they are stated as
     * the answer ("it is three more than two", "the answer is half of ten"), never where they are asked ("what is 5
     * times -8?" is a step for the learner); null when there is none.
     */
    private static String arithmeticWords(String message) {
        String s = message;
        for (int round = 0; round < 3; round++) {
            String before = s;
            s = replaceStated(MORE_THAN, s, m -> {
                double a = value(m.group(1));
                double b = value(m.group(3));
                boolean more = m.group(2).matches("(?i)more|greater|bigger");
                return fmt(more ? b + a : b - a);
            });
            s = replaceStated(HALF_OF, s, m -> {
                double b = value(m.group(2));
                double f = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "half" -> 0.5;
                    case "a third" -> 1.0 / 3;
                    case "a quarter" -> 0.25;
                    case "triple", "thrice", "three times" -> 3;
                    default -> 2;
                };
                return fmt(f * b);
            });
            s = replaceStated(WORD_OP, s, m -> {
                double a = value(m.group(1));
                double b = value(m.group(3));
                return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "plus" -> fmt(a + b);
                    case "minus" -> fmt(a - b);
                    case "times" -> fmt(a * b);
                    default -> b == 0 ? m.group() : fmt(a / b);
                };
            });
            if (s.equals(before)) break;
        }
        return s.equals(message) ? null : s;
    }

    private static final Pattern NUMBER_THEN_VARIABLE = Pattern.compile("(?i)\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|twenty|thirty|forty|fifty|hundred)\\s+[a-z]\\b(?!')");
    private static final Pattern OPERATOR_WORD = Pattern.compile("(?i)\\b(?:plus|minus|times|divided by|over|equals|is equal to|squared)\\b");

    /**
     * An expression said in words, written in symbols: "minus three x plus eighteen" → "-3 x + 18". Only for a
     * message that has both a number word and an operator word.
     */
    private static String mathWords(String message) {
        if (!(OPERATOR_WORD.matcher(message).find() || NUMBER_THEN_VARIABLE.matcher(message).find()) || !WORD_NUMBER.matcher(message).find()) {
            return null;
        }
        // only a stretch stated as the answer ("the answer is minus three x plus eighteen"): "the natural numbers
        // plus zero" is a sentence, not a sum
        Matcher run = wordMathRun().matcher(message);
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (run.find()) {
            boolean lead = STATED_LEAD.matcher(message.substring(Math.max(0, run.start() - 40), run.start())).find();
            boolean number = WORD_NUMBER.matcher(run.group()).find();
            any |= lead && number;
            run.appendReplacement(out, Matcher.quoteReplacement(lead && number ? symbols(run.group()) : run.group()));
        }
        run.appendTail(out);
        return any ? out.toString() : null;
    }

    private static Pattern wordMathRun;

    /** Number words, operator words, digits and single letters in a row ("minus three x plus eighteen"). */
    private static synchronized Pattern wordMathRun() {
        if (wordMathRun == null) {
            String atom = "(?<![A-Za-z0-9])(?:negative|minus|plus|times|divided\\s+by|over|equals|squared|\\d+|[a-z](?![a-z'])|"
                    + WORD_NUMBER.pattern().replace("(?i)", "") + ")";
            wordMathRun = Pattern.compile("(?i)" + atom + "(?:\\s+" + atom + ")+");
        }
        return wordMathRun;
    }

    private static String symbols(String words) {
        String s = replace(WORD_NUMBER, words, m -> fmt(value(m.group())));
        return s.replaceAll("(?i)\\bdivided by\\b|\\bover\\b", "/").replaceAll("(?i)\\bplus\\b", "+").replaceAll("(?i)\\bminus\\b", "-")
                .replaceAll("(?i)\\btimes\\b", "*").replaceAll("(?i)\\bis equal to\\b|\\bequals\\b", "=").replaceAll("(?i)\\s*\\bsquared\\b", "^2")
                .replaceAll("(?i)\\bnegative\\s+", "-").replaceAll("(?<=\\d) (?=[a-z]\\b)", "");
    }

    private static final Pattern STATED_LEAD = Pattern.compile("(?i)(?:\\b(?:answer|result|solution|number)\\s*(?:is|would be|=|:)"
            + "|\\bit(?:'s|\\s+is)|\\bthat(?:'s|\\s+is)|\\byou\\s+get|\\bequals|=|:)\\s*(?:just\\s+|exactly\\s+|simply\\s+)?$");

    /** Replaces the matches that are stated as a result (a statement before, no question mark after). */
    private static String replaceStated(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean stated = STATED_LEAD.matcher(s.substring(Math.max(0, m.start() - 40), m.start())).find()
                    && !s.substring(m.end()).stripLeading().startsWith("?");
            m.appendReplacement(sb, Matcher.quoteReplacement(stated ? f.apply(m) : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(sb);
        return sb.toString();
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
    }

    private static final Pattern ROMAN = Pattern.compile("\\b[IVXLCDM]+\\b");

    private static String roman(String message) {
        Matcher m = ROMAN.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int v = romanValue(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v > 0 ? Integer.toString(v) : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static int romanValue(String r) {
        Map<Character, Integer> v = Map.of('I', 1, 'V', 5, 'X', 10, 'L', 50, 'C', 100, 'D', 500, 'M', 1000);
        int total = 0;
        for (int i = 0; i < r.length(); i++) {
            int cur = v.get(r.charAt(i));
            int next = i + 1 < r.length() ? v.get(r.charAt(i + 1)) : 0;
            total += cur < next ? -cur : cur;
        }
        return total;
    }

    private static final Pattern HEX_CUE = Pattern.compile("\\bhex(?:adecimal)?\\b|base[ -]?16");
    private static final Pattern PREFIXED = Pattern.compile("(?i)\\b0([xb])([0-9a-f]+)\\b");
    private static final Pattern BARE_BINARY = Pattern.compile("\\b[01]{2,32}\\b");
    private static final Pattern BARE_HEX = Pattern.compile("(?i)\\b(?=[0-9a-f]*\\d)[0-9a-f]{1,12}\\b");

    private static String bases(String message, boolean binary, boolean hex) {
        // one pass, so that a number just converted is never converted again (0xc is 12, not 0x12)
        Pattern any = Pattern.compile(PREFIXED.pattern() + (binary ? "|" + BARE_BINARY.pattern() : hex ? "|" + BARE_HEX.pattern() : ""));
        return replace(any, message, m -> {
            try {
                if (m.group(1) != null) return Long.toString(Long.parseLong(m.group(2), m.group(1).equalsIgnoreCase("x") ? 16 : 2));
                return Long.toString(Long.parseLong(m.group(), binary ? 2 : 16));
            } catch (NumberFormatException e) {
                return m.group();
            }
        });
    }
}
