package org.tutorgraph.models.secret;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Scrubs secrets from text before it is printed, logged, traced or put in an error message. It removes every API key
 * this process has loaded (see {@link ApiKey}) and anything shaped like a credential: {@code Authorization} and
 * {@code Bearer} values, {@code api_key=…}, OpenAI-style {@code sk-…} tokens.
 *
 * <p>Cost: O(k·n) for k registered keys and text length n, plus one pass per pattern.
 */
public final class Redactor {

    /** What a removed secret is replaced by. */
    public static final String MASK = "[redacted]";

    /** Keys shorter than this are not substituted on their own (they would mask ordinary words); patterns still apply. */
    private static final int MIN_KEY_LENGTH = 4;

    private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)(authorization\\s*[\"']?\\s*[:=]\\s*[\"']?\\s*)(?:bearer\\s+|basic\\s+)?[^\\s\"',}\\]]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{4,}"),
            Pattern.compile("(?i)((?:api[_-]?key|x-api-key|access[_-]?token|client[_-]?secret)\\s*[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}\\]]+"),
            Pattern.compile("()\\bsk-[A-Za-z0-9_-]{8,}"));

    private Redactor() {
    }

    /** Remembers a secret so that {@link #scrub(String)} removes it from any text. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_KEY_LENGTH) KEYS.add(secret.strip());
    }

    /** {@code text} without any secret; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        List<String> keys = KEYS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String key : keys) {
            if (out.contains(key)) out = out.replace(key, MASK);
        }
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return out;
    }

    /**
     * {@code text} with every API key this process has loaded masked, and nothing else touched: for what a model
     * wrote, which is prose (a credential-shaped pattern would mask ordinary words), yet may repeat the key it was
     * sent (a hostile or broken server echoing the {@code Authorization} header). null stays null. O(k·n).
     */
    public static String scrubKeys(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String key : KEYS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (out.contains(key)) out = out.replace(key, MASK);
        }
        return out;
    }

    /**
     * {@link #scrubKeys} over a stream of chunks: a key split across chunks is still masked, because the end of the
     * text that could begin a key is held back until the next chunk tells. Released text, joined, equals
     * {@code scrubKeys} of the whole. Not thread-safe (one per stream). Each chunk costs O(k·(n + m)) for k keys of
     * length at most m.
     */
    public static final class KeyStream {
        private final StringBuilder pending = new StringBuilder();

        /** What of the text so far may be shown now (possibly empty). */
        public String accept(String chunk) {
            pending.append(chunk);
            String masked = scrubKeys(pending.toString());
            int hold = heldBack(masked);
            pending.setLength(0);
            pending.append(masked, masked.length() - hold, masked.length());
            return masked.substring(0, masked.length() - hold);
        }

        /** The rest, at the end of the stream. */
        public String flush() {
            String rest = pending.toString();
            pending.setLength(0);
            return rest;
        }

        /**
         * The rest of a stream cut off before its end: the held-back text when it is too short to tell anything
         * ({@value #SHORT} characters at most, such as the "sk-" every OpenAI key starts with), else the mask, since
         * it is the start of a key.
         */
        public String flushCut() {
            String rest = flush();
            return rest.length() <= SHORT ? rest : MASK;
        }

        private static final int SHORT = 4;

        /** The length of the longest end of {@code text} that is the start of a key, not the whole key. */
        private static int heldBack(String text) {
            int hold = 0;
            for (String key : KEYS) {
                for (int n = Math.min(key.length() - 1, text.length()); n > hold; n--) {
                    if (text.regionMatches(text.length() - n, key, 0, n)) {
                        hold = n;
                        break;
                    }
                }
            }
            return hold;
        }
    }

    /**
     * A one-line, scrubbed description of a failure and its causes ({@code ConnectException: Connection refused}),
     * at most {@code max} characters: what may go in a message to the user.
     */
    public static String describe(Throwable error, int max) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        int depth = 0;
        while (t != null && depth < 6) {
            String m = t.getMessage();
            String part = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
            if (sb.indexOf(part) < 0) {
                if (!sb.isEmpty()) sb.append(" <- ");
                sb.append(part);
            }
            t = t.getCause() == t ? null : t.getCause();
            depth++;
        }
        String one = scrub(sb.toString()).replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "…";
    }
}
