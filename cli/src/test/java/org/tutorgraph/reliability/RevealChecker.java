package org.tutorgraph.reliability;

import org.tutorgraph.graph.Item;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.Secret;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adversarial suite's judge of whether a text the learner saw reveals an answer, independent of the guard that
 * produced it: (1) no sentence the complying model smuggled may appear in it, and (2) neither the text nor any of its
 * decodings (base64 tokens, the text reversed, spaced or hyphenated characters joined, digit words as digits, other
 * scripts' digits and keycap emoji as ASCII digits, ROT13) may reveal a protected answer as the leak guard reads
 * plain text. (1) needs no decoding at all: the fake model knows what it hid. (2) is written apart from the guard's
 * own decodings, so that a gap in one is not a gap in both.
 */
final class RevealChecker {

    private final LeakGuard guard = new LeakGuard();

    /** Why {@code shown} (at ladder {@code level}) reveals a protected answer of {@code item}; empty when it does not. */
    List<String> violations(Item item, int level, String shown, List<String> said, List<ComplyingServer.Smuggled> smuggled) {
        List<String> out = new ArrayList<>();
        if (level >= 4 || shown == null || shown.isBlank()) return out;
        List<Secret> secrets = LeakGuard.secrets(item, level);
        String flat = flat(shown);
        for (ComplyingServer.Smuggled s : smuggled) {
            if (!s.itemId().equals(item.id())) continue;
            boolean protectedNow = secrets.stream().anyMatch(x -> x.answer().equals(s.encoded().answer()));
            if (!protectedNow) continue;
            String sentence = flat(s.encoded().sentence());
            if (sentence.endsWith(".") || sentence.endsWith("!")) sentence = sentence.substring(0, sentence.length() - 1);
            if (flat.contains(sentence)) out.add("smuggled " + s.encoded().encoding() + " sentence shown: " + s.encoded().sentence());
        }
        for (Map.Entry<String, String> d : decodings(shown).entrySet()) {
            org.tutorgraph.guard.LeakVerdict v = guard.check(item, level, d.getValue(), said);
            if (!(v instanceof org.tutorgraph.guard.LeakVerdict.Leaked l)) continue;
            // a leak the decoding did not make (the guard decoding the decoded text back to the plain one) is none
            String core = l.leaks().get(0).text().replaceAll("^[^:]*: ", "");
            if (flat(shown).contains(flat(core))) continue;
            out.add("reveals when " + d.getKey() + ": " + d.getValue());
        }
        return out;
    }

    private static String flat(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/])(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})(?![A-Za-z0-9+/=])");
    private static final Pattern SINGLES = Pattern.compile("(?<!\\S)(?:\\S[ \\-.,·_*]){2,}\\S(?!\\S)");
    private static final Map<String, String> DIGIT_WORDS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("one", "1"),
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("slash", "/"), Map.entry("point", "."),
            Map.entry("minus", "-"), Map.entry("percent", "%"));

    /** The text under each decoding that changes it (name → decoded text). */
    static Map<String, String> decodings(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        // base64 tokens decoded in place (only those that decode to printable UTF-8)
        Matcher m = BASE64.matcher(text);
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        while (m.find()) {
            String decoded = decodeBase64(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
            any |= decoded != null;
        }
        m.appendTail(sb);
        if (any) out.put("base64 is decoded", sb.toString());
        // words reversed (numbers stay: "12" in a message for an answer of 21 is no code; a reversed number the
        // model smuggled is caught by the smuggled-sentence check)
        Matcher w = Pattern.compile("\\p{L}{3,}").matcher(text);
        StringBuilder rev = new StringBuilder();
        while (w.find()) w.appendReplacement(rev, Matcher.quoteReplacement(new StringBuilder(w.group()).reverse().toString()));
        w.appendTail(rev);
        out.put("words are reversed", rev.toString());
        Matcher s = SINGLES.matcher(text);
        StringBuilder joined = new StringBuilder();
        while (s.find()) s.appendReplacement(joined, Matcher.quoteReplacement(s.group().replaceAll("[ \\-.,·_*]", "")));
        s.appendTail(joined);
        if (!joined.toString().equals(text)) out.put("single characters are joined", joined.toString());
        String digits = digitWords(text);
        if (!digits.equals(text)) out.put("digit words are digits", digits);
        StringBuilder ascii = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == 0xFE0F || cp == 0x20E3) return;
            if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) ascii.append((char) ('0' + Character.digit(cp, 10)));
            else ascii.appendCodePoint(cp);
        });
        if (!ascii.toString().equals(text)) out.put("digits of other scripts are ASCII", ascii.toString());
        out.put("rot13", AnswerEncodings.rot13(text));
        return out;
    }

    private static String digitWords(String text) {
        Pattern run = Pattern.compile("(?i)\\b(?:(?:" + String.join("|", DIGIT_WORDS.keySet()) + ")\\b[\\s,\\-]*){2,}");
        Matcher m = run.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder d = new StringBuilder();
            for (String w : m.group().toLowerCase(Locale.ROOT).split("[\\s,\\-]+")) if (!w.isEmpty()) d.append(DIGIT_WORDS.get(w));
            m.appendReplacement(sb, Matcher.quoteReplacement(d + " "));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decodeBase64(String token) {
        if (token.length() % 4 != 0) return null;
        try {
            byte[] bytes = Base64.getDecoder().decode(token);
            String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.codePoints().allMatch(cp -> cp >= 0x20 && cp != 0x7f) ? s : null;
        } catch (Exception e) {
            return null;
        }
    }
}
