package org.tutorgraph.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded mutator of text files, for fuzzing readers of hand-written input (course packs, response logs). Each call
 * applies one to three mutations chosen from byte-level damage (flips, NUL, truncation, invalid UTF-8), line-level
 * damage (duplicated, deleted, swapped, re-indented lines, CRLF, lone CR, BOM), and structure-aware damage: YAML
 * values replaced by the wrong type, deep nesting, anchors and aliases, tags, huge scalars, mutated ids and numbers,
 * hostile Unicode, and answers that are hard to evaluate. The same seed gives the same output, so every failure the
 * fuzzer reports can be replayed from its seed. O(input size) per mutation.
 */
final class Mutator {

    /** One mutated input and the names of the mutations that made it (for the failure report). */
    record Mutated(byte[] bytes, List<String> steps) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern KEY_VALUE = Pattern.compile("(?m)^(\\s*-?\\s*[A-Za-z][A-Za-z]*:)[ \\t]*(\\S.*)$");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_])\\d+(?:\\.\\d+)?");
    private static final Pattern ID_VALUE = Pattern.compile("(?m)((?:^|\\s)(?:id|concept):\\s*)([^\\s\\]},#]+)");
    private static final Pattern LIST_ENTRY = Pattern.compile("(?<=[\\[,]\\s?)([A-Za-z0-9][A-Za-z0-9._:+\\-]*)");

    /** Values a YAML scalar may be swapped for: wrong types, empty or null, flow collections, tags. */
    private static final List<String> WRONG_VALUES = List.of(
            "", "~", "null", "[]", "{}", "[a, b]", "{a: 1}", "{id: x, of: [y]}", "- nested", "\"\"", "''", "[[1]]",
            "!!binary aGVsbG8=", "!!python/object:os.system [ls]", "!custom tag", "!!float .nan", "!!float .inf",
            "!!int 0x1F", "!!timestamp 2001-12-14", "!!set {a, b}", "!!omap [a: 1]", "&anchor value", "*undefined",
            "true", "no", "0o17", "1_000", "0x10", ".5", "-0", "1e400", "-1e-400", "NaN", ".NaN", "Infinity",
            "99999999999999999999999999", "\"\\u0000\"", "\"\\x1b]0;pwned\\x07\"", "|\n  block\n  text",
            ">-\n  folded", "'it''s'", "\"unterminated", "[unclosed", "{unclosed: 1", "@reserved", "`reserved",
            "%directive", "? complex key", ": colon", "a: b: c", "# only a comment", "<<: *merge");

    /** Ids that break the id rules, collide, or try to escape a path or a query. */
    private static final List<String> BAD_IDS = List.of(
            "", "has space", "../../etc/passwd", "/abs/path", "a/b", "a\\b", "'; DROP TABLE events; --", "x#1",
            "ümlaut", "Ａ", "a".repeat(201), "a".repeat(200), "-leading", ".dot", "fraction-meaning", "add-like-1",
            "slope", "\u202Eevil", "nul\u0000id", "tab\tid", "new\nline", "emoji\uD83D\uDE00", "0", "[x]", "{y}");

    /** Answers that are valid-looking but hard: overflow, deep nesting, huge powers, division by zero. */
    private static final List<String> HARD_ANSWERS = List.of(
            "1e400", "-1e400", "1e-400", "9".repeat(400), "0." + "0".repeat(400) + "1", "1/0", "0/0", "1 1/0",
            "9^9^9^9", "x^99999", "(x+1)^999", "2^-9999", "sqrt(-1)", "ln(0)", "log(-1)", "tan(pi/2)",
            "(".repeat(150) + "x" + ")".repeat(150), "x" + "+x".repeat(149), "1/(x-x)", "√√√√√x", "x==2",
            "y = = 2", "=", "1,000,000,000,000,000,000", "100%%", "%", "1/2/3", "--5", "+-3", "5.", ".", "1e3", "1E999",
            "٣", "½", "Ⅳ", "1 000", "0x10", "∞", "NaN", "Infinity", "(a)(b)(c)(d)", "abc", "DNE");

    /** Characters that trip up terminals, decoders and normalisers. */
    private static final List<String> HOSTILE_TEXT = List.of(
            "\u0000", "\u001b[2J", "\u001b]0;pwned\u0007", "\u001b[31m", "\r", "\b", "\u007f", "\u0085", "\u009b",
            "\u202E", "\u2066", "\u200B", "\uFEFF", "\uFFFD", "\uFFFF", "\u2028", "\u2029", "e\u0301", "\uD83D\uDE00",
            "\t", "\u00A0", "\u3000", "Ω", "𝔘", "\\", "\"", "'", ": ", " #", "&a", "*a", "!", "|", ">", "%", "@", "`");

    /** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, 0xFF. */
    private static final List<byte[]> BAD_BYTES = List.of(
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0x80},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xE9}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xE2, (byte) 0x82});

    private final Random random;
    /** Largest scalar the mutator writes; the slow run reaches megabytes, the fast one stays small. */
    private final int maxHuge;
    private final List<Op> ops = new ArrayList<>();

    private record Op(String name, BiFunction<byte[], Random, byte[]> apply) {
    }

    /** A size from 1 to {@link #maxHuge}, log-uniform: small, medium and huge values are all common. */
    private static int hugeSize(Random r, int max) {
        return (int) Math.max(1, Math.min(max, Math.round(Math.exp(r.nextDouble() * Math.log(max)))));
    }

    Mutator(long seed, int maxHuge) {
        this.random = new Random(seed);
        this.maxHuge = maxHuge;
        // byte level
        op("flip-byte", (b, r) -> {
            if (b.length == 0) return b;
            byte[] c = b.clone();
            c[r.nextInt(c.length)] = (byte) r.nextInt(256);
            return c;
        });
        op("flip-bit", (b, r) -> {
            if (b.length == 0) return b;
            byte[] c = b.clone();
            int i = r.nextInt(c.length);
            c[i] = (byte) (c[i] ^ (1 << r.nextInt(8)));
            return c;
        });
        op("insert-nul", (b, r) -> insertBytes(b, r.nextInt(b.length + 1), new byte[]{0}));
        op("insert-bad-utf8", (b, r) -> insertBytes(b, r.nextInt(b.length + 1), BAD_BYTES.get(r.nextInt(BAD_BYTES.size()))));
        op("truncate", (b, r) -> Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length)));
        op("truncate-utf8-mid", (b, r) -> {
            byte[] c = (new String(b, StandardCharsets.UTF_8) + "é€😀").getBytes(StandardCharsets.UTF_8);
            return Arrays.copyOf(c, c.length - 1 - r.nextInt(2));
        });
        op("empty", (b, r) -> new byte[0]);
        op("bom", (b, r) -> insertBytes(b, 0, r.nextBoolean() ? new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        op("utf16", (b, r) -> {
            byte[] u = new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            return u;
        });
        op("latin1", (b, r) -> (new String(b, StandardCharsets.UTF_8) + "# café").getBytes(StandardCharsets.ISO_8859_1));
        // line level
        text("duplicate-line", (s, r) -> {
            List<String> lines = lines(s);
            if (lines.isEmpty()) return s;
            int i = r.nextInt(lines.size());
            lines.add(r.nextInt(lines.size() + 1), lines.get(i));
            return String.join("\n", lines);
        });
        text("delete-line", (s, r) -> {
            List<String> lines = lines(s);
            if (lines.isEmpty()) return s;
            lines.remove(r.nextInt(lines.size()));
            return String.join("\n", lines);
        });
        text("swap-lines", (s, r) -> {
            List<String> lines = lines(s);
            if (lines.size() < 2) return s;
            int i = r.nextInt(lines.size());
            int j = r.nextInt(lines.size());
            String t = lines.get(i);
            lines.set(i, lines.get(j));
            lines.set(j, t);
            return String.join("\n", lines);
        });
        text("reindent", (s, r) -> {
            List<String> lines = lines(s);
            if (lines.isEmpty()) return s;
            int i = r.nextInt(lines.size());
            String l = lines.get(i);
            lines.set(i, r.nextBoolean() ? " ".repeat(1 + r.nextInt(5)) + l : l.stripLeading());
            return String.join("\n", lines);
        });
        text("tab-indent", (s, r) -> s.replaceFirst("(?m)^  ", "\t"));
        text("crlf", (s, r) -> s.replace("\n", "\r\n"));
        text("lone-cr", (s, r) -> s.replace("\n", "\r"));
        text("mixed-eol", (s, r) -> {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c == '\n') sb.append(r.nextInt(3) == 0 ? "\r\n" : r.nextInt(2) == 0 ? "\u2028" : "\n");
                else sb.append(c);
            }
            return sb.toString();
        });
        text("duplicate-file", (s, r) -> s + "\n" + s);
        text("second-document", (s, r) -> s + "\n---\n" + s);
        text("doc-markers", (s, r) -> List.of("%YAML 1.1\n---\n", "---\n", "...\n", "%TAG ! tag:evil:\n---\n", "--- !!map\n")
                .get(r.nextInt(5)) + s + (r.nextBoolean() ? "\n...\n" : ""));
        // structure level
        text("wrong-type", (s, r) -> replaceValue(s, r, WRONG_VALUES.get(r.nextInt(WRONG_VALUES.size()))));
        text("hostile-value", (s, r) -> replaceValue(s, r, "\"" + escapeForDoubleQuotes(HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))) + "x\""));
        text("hostile-raw", (s, r) -> insertText(s, r, HOSTILE_TEXT.get(r.nextInt(HOSTILE_TEXT.size()))));
        text("deep-nesting", (s, r) -> {
            int depth = 1 + r.nextInt(r.nextBoolean() ? 60 : 3000);
            String nested = r.nextBoolean() ? "[".repeat(depth) + "x" + "]".repeat(depth)
                    : "{a: ".repeat(depth) + "x" + "}".repeat(depth);
            return replaceValue(s, r, nested);
        });
        text("deep-block-nesting", (s, r) -> {
            StringBuilder sb = new StringBuilder(s).append("\nnest:\n");
            int depth = 1 + r.nextInt(200);
            for (int i = 0; i < depth; i++) sb.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
            return sb.append("  ".repeat(depth + 1)).append("v\n").toString();
        });
        text("billion-laughs", (s, r) -> {
            StringBuilder sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            int levels = 2 + r.nextInt(8);
            for (int i = 1; i <= levels; i++) {
                sb.append("a").append(i).append(": &a").append(i).append(" [");
                for (int k = 0; k < 9; k++) sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
                sb.append("]\n");
            }
            return sb + s;
        });
        text("alias", (s, r) -> {
            Matcher m = KEY_VALUE.matcher(s);
            List<int[]> spots = new ArrayList<>();
            while (m.find()) spots.add(new int[]{m.start(2), m.end(2)});
            if (spots.size() < 2) return s;
            int i = r.nextInt(spots.size());
            int j = r.nextInt(spots.size());
            if (i == j) return s;
            int[] first = spots.get(Math.min(i, j));
            int[] second = spots.get(Math.max(i, j));
            // anchor the first value and alias it from the second, or alias before the anchor (undefined alias)
            boolean defined = r.nextBoolean();
            return s.substring(0, first[0]) + (defined ? "&x " + s.substring(first[0], first[1]) : "*x")
                    + s.substring(first[1], second[0])
                    + (defined ? "*x" : "&x " + s.substring(second[0], second[1])) + s.substring(second[1]);
        });
        text("merge-key", (s, r) -> "base: &base {name: merged, difficulty: 2}\n"
                + s.replaceFirst("(?m)^(\\s*)- id:", "$1- <<: *base\n$1  id:"));
        text("recursive-alias", (s, r) -> "loop: &loop [*loop]\n" + s);
        text("huge-scalar", (s, r) -> replaceValue(s, r, "\"" + "x".repeat(hugeSize(r, maxHuge)) + "\""));
        text("huge-plain", (s, r) -> replaceValue(s, r, "a".repeat(hugeSize(r, maxHuge))));
        text("many-entries", (s, r) -> {
            StringBuilder sb = new StringBuilder(s).append("\n");
            int n = hugeSize(r, Math.max(1, maxHuge / 20));
            for (int i = 0; i < n; i++) sb.append("  - ").append(i).append("\n");
            return sb.toString();
        });
        text("long-line", (s, r) -> insertText(s, r, "#" + "z".repeat(hugeSize(r, maxHuge)) + "\n"));
        text("bad-id", (s, r) -> {
            String bad = BAD_IDS.get(r.nextInt(BAD_IDS.size()));
            String quoted = "\"" + escapeForDoubleQuotes(bad) + "\"";
            return replaceMatch(s, r, ID_VALUE, 2, r.nextBoolean() ? quoted : bad.replace("\n", " "));
        });
        text("swap-id", (s, r) -> {
            List<String> ids = new ArrayList<>();
            Matcher m = ID_VALUE.matcher(s);
            while (m.find()) ids.add(m.group(2));
            if (ids.isEmpty()) return s;
            return replaceMatch(s, r, ID_VALUE, 2, ids.get(r.nextInt(ids.size())));
        });
        text("mutate-reference", (s, r) -> {
            String bad = r.nextBoolean() ? BAD_IDS.get(r.nextInt(BAD_IDS.size())).replace("\n", " ") : "slope";
            return replaceMatch(s, r, LIST_ENTRY, 1, bad.isEmpty() ? "''" : bad.contains(",") || bad.contains("]") ? "'x'" : bad);
        });
        text("mutate-number", (s, r) -> replaceMatch(s, r, NUMBER, 0,
                List.of("0", "-1", "1e400", "NaN", "9".repeat(40), "0.0000001", "5d", "0x1p3", "1_0", "١", "2.5.1", "+3", "-0",
                        "1e-400", "6", "1000001", ".", "1e999").get(r.nextInt(18))));
        text("hard-answer", (s, r) -> {
            String a = HARD_ANSWERS.get(r.nextInt(HARD_ANSWERS.size()));
            return replaceAnswer(s, r, "\"" + escapeForDoubleQuotes(a) + "\"");
        });
        text("unicode-splice", (s, r) -> {
            int cp = switch (r.nextInt(5)) {
                case 0 -> 0x80 + r.nextInt(0x780);
                case 1 -> 0x2000 + r.nextInt(0x100);
                case 2 -> 0xFE00 + r.nextInt(0x200);
                case 3 -> 0x1F300 + r.nextInt(0x300);
                default -> 0xE0000 + r.nextInt(0x80);
            };
            return insertText(s, r, new String(Character.toChars(cp)));
        });
        text("homoglyph-key", (s, r) -> s.replaceFirst("id:", r.nextBoolean() ? "іd:" : "ID:"));
        text("unknown-key", (s, r) -> s.replaceFirst("(?m)^(\\s+)(name|prompt|text):", "$1$2x:"));
        text("duplicate-key", (s, r) -> s.replaceFirst("(?m)^(\\s+)(- )?(id: \\S+)\\s*$", "$1$2$3\n$1  $3"));
        text("comment-out", (s, r) -> {
            List<String> lines = lines(s);
            if (lines.isEmpty()) return s;
            int i = r.nextInt(lines.size());
            lines.set(i, "#" + lines.get(i));
            return String.join("\n", lines);
        });
    }

    private void op(String name, BiFunction<byte[], Random, byte[]> f) {
        ops.add(new Op(name, f));
    }

    private void text(String name, BiFunction<String, Random, String> f) {
        ops.add(new Op(name, (b, r) -> f.apply(new String(b, StandardCharsets.UTF_8), r).getBytes(StandardCharsets.UTF_8)));
    }

    /** One to three random mutations of {@code input}. */
    Mutated mutate(byte[] input) {
        int n = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(3));
        byte[] b = input;
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Op op = ops.get(random.nextInt(ops.size()));
            b = op.apply().apply(b, random);
            steps.add(op.name());
        }
        return new Mutated(b, steps);
    }

    Random random() {
        return random;
    }

    int operations() {
        return ops.size();
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> lines(String s) {
        return new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    }

    private static byte[] insertBytes(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static String insertText(String s, Random r, String what) {
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) at--;
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String replaceValue(String s, Random r, String value) {
        return replaceMatch(s, r, KEY_VALUE, 2, value);
    }

    /** Replaces a random answer-like value: an {@code answers}/{@code wrongAnswers} entry or a scaffold answer. */
    private static String replaceAnswer(String s, Random r, String value) {
        Pattern p = Pattern.compile("(?m)(?:answers: \\[|wrongAnswers: \\[|answer: )(\"[^\"]*\"|\\w+)");
        return replaceMatch(s, r, p, 1, value);
    }

    private static String replaceMatch(String s, Random r, Pattern p, int group, String value) {
        Matcher m = p.matcher(s);
        List<int[]> spots = new ArrayList<>();
        while (m.find()) spots.add(new int[]{m.start(group), m.end(group)});
        if (spots.isEmpty()) return insertText(s, r, value);
        int[] at = spots.get(r.nextInt(spots.size()));
        return s.substring(0, at[0]) + value + s.substring(at[1]);
    }

    static String escapeForDoubleQuotes(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
