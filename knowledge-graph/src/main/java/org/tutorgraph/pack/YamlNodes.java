package org.tutorgraph.pack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads YAML into SnakeYAML's node tree, which keeps the line of every value, and offers typed, located access
 * that records a problem instead of throwing. Jackson's tree would lose the lines we need for good errors.
 */
final class YamlNodes {

    /** Largest file we agree to parse, in characters; a larger one is refused with a clear error. */
    static final int MAX_CHARS = 32 * 1024 * 1024;

    private YamlNodes() {
    }

    static int line(Node node) {
        Mark m = node.getStartMark();
        return m == null ? 0 : m.getLine() + 1;
    }

    static int column(Node node) {
        Mark m = node.getStartMark();
        return m == null ? 0 : m.getColumn() + 1;
    }

    /** Parses one YAML document; a syntax error becomes a located problem and an empty result. */
    static Optional<Node> parse(String file, String text, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
        options.setMaxAliasesForCollections(ALIAS_LIMIT); // no "billion laughs"
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(NESTING_LIMIT);
        int[] longLine = firstLineLongerThan(text, MAX_LINE);
        if (longLine != null) {
            problems.add(file, longLine[0], "line is longer than " + MAX_LINE + " characters (" + longLine[1]
                    + "); wrap long text over several lines (e.g. 'description: >' followed by indented lines)");
            return Optional.empty();
        }
        try {
            Node node = new Yaml(options).compose(new StringReader(text));
            if (node == null) {
                problems.add(file, 0, "the file is empty");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int col = mark == null ? 0 : mark.getColumn() + 1;
            String what = e.getProblem() != null ? e.getProblem().strip() : e.getMessage().strip();
            Mark context = e.getContextMark();
            if (e.getContext() != null && context != null && context != mark) {
                // "while parsing a flow sequence" + where it began: usually where the fix belongs (an unclosed bracket).
                what += " (" + e.getContext().strip() + " started at line " + (context.getLine() + 1) + ")";
            }
            problems.add(file, line, col, "YAML syntax error: " + what);
            return Optional.empty();
        } catch (ReaderException e) {
            // A character YAML forbids (NUL, most C0 and C1 controls, U+FFFE/U+FFFF): say which one, and where.
            int[] at = lineAndColumn(text, e.getPosition());
            problems.add(file, at[0], at[1], String.format("YAML does not allow the character U+%04X here;"
                    + " remove it (or write it as an escape such as \\u%04X inside double quotes)", e.getCodePoint(), e.getCodePoint()));
            return Optional.empty();
        } catch (YAMLException e) {
            // The composer's limits (nesting depth, aliases of collections) carry no position: find the place.
            Optional<int[]> limit = limitExceededAt(text, options);
            if (limit.isPresent()) {
                problems.add(file, limit.get()[0], limit.get()[1], limit.get()[2] == 0
                        ? "nesting is deeper than " + NESTING_LIMIT + " levels; flatten the structure"
                        : "more than " + ALIAS_LIMIT + " aliases (*name) of lists or mappings; write the values out");
            } else if (text.codePointCount(0, text.length()) > MAX_CHARS) {
                problems.add(file, 0, "file is too large (more than " + MAX_CHARS + " characters)");
            } else {
                problems.add(file, 0, "YAML error: " + e.getMessage());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits with plain runtime exceptions.
            problems.add(file, 0, "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Longest line we hand to SnakeYAML. Its reader copies its look-ahead window for every 1,024 characters of a token,
     * so one token (a word, a comment) of n characters costs O(n²): a 2 MB line allocated 7 GB and took seconds. Lines
     * of a hand-written or generated pack are far shorter (the writer wraps at 80 columns).
     */
    static final int MAX_LINE = 10_000;

    /** {line, length} of the first line longer than {@code max} characters, line breaks counted as YAML does; or null. O(n). */
    static int[] firstLineLongerThan(String text, int max) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (i - start > max) return new int[]{line, i - start};
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                line++;
                start = i + 1;
            }
        }
        return null;
    }

    static final int NESTING_LIMIT = 40;
    static final int ALIAS_LIMIT = 20;

    /**
     * Replays the parser's events to find where the composer's limits were passed, counting as SnakeYAML's composer
     * does: nested collections, and aliases that name a collection. {line, column, 0 for depth or 1 for aliases}; empty
     * when no limit is passed (or the text does not parse that far). O(n), on the error path only.
     */
    private static Optional<int[]> limitExceededAt(String text, LoaderOptions options) {
        Set<String> collectionAnchors = new HashSet<>();
        int depth = 0;
        int aliases = 0;
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent c) {
                    if (c.getAnchor() != null) collectionAnchors.add(c.getAnchor());
                    if (++depth > NESTING_LIMIT) return Optional.of(at(e, 0));
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                } else if (e instanceof AliasEvent a && collectionAnchors.contains(a.getAnchor())) {
                    if (++aliases > ALIAS_LIMIT) return Optional.of(at(e, 1));
                }
            }
        } catch (RuntimeException ignored) {
            // the text breaks down before any limit: the caller reports the original error
        }
        return Optional.empty();
    }

    private static int[] at(Event e, int kind) {
        Mark m = e.getStartMark();
        return new int[]{m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, kind};
    }

    /**
     * The 1-based line and column of code point {@code position} in {@code text}, counting line breaks as SnakeYAML
     * does (LF, CR LF, a lone CR, NEL, LS, PS), so that lines agree with the parser's own marks. O(position).
     */
    static int[] lineAndColumn(String text, int position) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int cp = 0; cp < position && i < text.length(); cp++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!crlf && (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
                line++;
                column = 1;
            } else if (!crlf) {
                column++;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        return new int[]{line, column};
    }

    /** A mapping whose keys are checked: each key read is "known"; {@link #finish()} reports the others as unknown. */
    static final class Fields {
        final String file;
        final Node node;
        private final Problems problems;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
        private final Set<String> read = new HashSet<>();
        private final String what;

        private Fields(String file, MappingNode node, String kind, Problems problems) {
            this.file = file;
            this.node = node;
            this.problems = problems;
            this.what = kind + peekId(node).map(id -> " '" + abbreviate(id) + "'").orElse("");
            for (NodeTuple t : node.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode sk)) {
                    problems.add(file, YamlNodes.line(k), column(k), what + ": keys must be plain words");
                    continue;
                }
                NodeTuple earlier = entries.putIfAbsent(sk.getValue(), t);
                if (earlier != null) {
                    problems.add(file, YamlNodes.line(k), column(k), what + ": duplicate key '" + abbreviate(sk.getValue())
                            + "' (first at line " + YamlNodes.line(earlier.getKeyNode()) + ")");
                }
            }
        }

        /**
         * The mapping at {@code node}, labelled {@code kind} plus its {@code id} when it has one ("concept 'slope'"),
         * so that every message about it names what it is about; a non-mapping is recorded as a problem.
         */
        static Optional<Fields> of(String file, Node node, String kind, Problems problems) {
            if (node instanceof MappingNode m) return Optional.of(new Fields(file, m, kind, problems));
            problems.add(file, YamlNodes.line(node), column(node), kind + " must be a mapping of key: value, found " + kind(node));
            return Optional.empty();
        }

        /** The value of a plain {@code id} key, read before any other so that messages can name it. */
        private static Optional<String> peekId(MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
                        && t.getValueNode() instanceof ScalarNode v && !isNull(v) && !v.getValue().isBlank()) {
                    return Optional.of(v.getValue());
                }
            }
            return Optional.empty();
        }

        /** How messages name this mapping: its kind and, when known, its id ({@code item 'add-1'}). */
        String label() {
            return what;
        }

        int line() {
            return YamlNodes.line(node);
        }

        boolean has(String key) {
            read.add(key);
            return entries.containsKey(key);
        }

        Optional<Node> node(String key) {
            read.add(key);
            NodeTuple t = entries.get(key);
            return t == null ? Optional.empty() : Optional.of(t.getValueNode());
        }

        /** Line of the key itself, or of the mapping when the key is absent. */
        int lineOf(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? line() : YamlNodes.line(t.getKeyNode());
        }

        Optional<String> string(String key) {
            Optional<Node> n = node(key);
            if (n.isEmpty()) return Optional.empty();
            return scalar(n.get(), what + ": '" + key + "'");
        }

        String requiredString(String key) {
            Optional<Node> n = node(key);
            if (n.isEmpty()) {
                problems.add(file, line(), column(node), what + ": missing required key '" + key + "'");
                return null;
            }
            Optional<String> s = scalar(n.get(), what + ": '" + key + "'");
            if (s.isPresent() && s.get().isBlank()) {
                problems.add(file, YamlNodes.line(n.get()), column(n.get()), what + ": '" + key + "' must not be empty");
                return null;
            }
            return s.orElse(null);
        }

        /** A number within [min, max]; {@code fallback} when the key is absent or wrong (the problem is recorded). */
        double number(String key, double fallback, double min, double max) {
            Optional<Node> n = node(key);
            if (n.isEmpty()) return fallback;
            Optional<String> s = scalar(n.get(), what + ": '" + key + "'");
            if (s.isEmpty()) return fallback;
            String text = s.get().trim();
            // Double.parseDouble alone would also accept "NaN", "Infinity", "0x1p3" and "5d".
            if (!DECIMAL.matcher(text).matches()) {
                problems.add(file, YamlNodes.line(n.get()), column(n.get()),
                        what + ": '" + key + "' must be a number, found '" + abbreviate(s.get()) + "'");
                return fallback;
            }
            double v = Double.parseDouble(text);
            if (!(v >= min && v <= max)) {
                String range = max == Double.MAX_VALUE ? "at least " + fmt(min) : "between " + fmt(min) + " and " + fmt(max);
                problems.add(file, YamlNodes.line(n.get()), column(n.get()),
                        what + ": '" + key + "' must be " + range + ", found " + text);
                return fallback;
            }
            return v;
        }

        /** A list of scalars; a single scalar is accepted as a one-element list. */
        List<Located<String>> strings(String key) {
            Optional<Node> n = node(key);
            if (n.isEmpty()) return List.of();
            return stringsOf(n.get(), what + ": '" + key + "'");
        }

        List<Located<String>> stringsOf(Node n, String label) {
            List<Located<String>> out = new ArrayList<>();
            if (n instanceof ScalarNode s) {
                if (!isNull(s)) out.add(new Located<>(s.getValue(), YamlNodes.line(s)));
                return out;
            }
            if (!(n instanceof SequenceNode seq)) {
                problems.add(file, YamlNodes.line(n), column(n), label + " must be a list, found " + kind(n));
                return out;
            }
            for (Node e : seq.getValue()) {
                scalar(e, label + " entry").ifPresent(v -> out.add(new Located<>(v, YamlNodes.line(e))));
            }
            return out;
        }

        /** A list of nodes (mappings, usually); empty when absent. */
        List<Node> list(String key) {
            Optional<Node> n = node(key);
            if (n.isEmpty()) return List.of();
            if (n.get() instanceof SequenceNode seq) return seq.getValue();
            if (n.get() instanceof ScalarNode s && isNull(s)) return List.of();
            problems.add(file, YamlNodes.line(n.get()), column(n.get()), what + ": '" + key + "' must be a list, found " + kind(n.get()));
            return List.of();
        }

        Optional<String> scalar(Node n, String label) {
            if (n instanceof ScalarNode s) {
                return isNull(s) ? Optional.empty() : Optional.of(s.getValue());
            }
            problems.add(file, YamlNodes.line(n), column(n), label + " must be a single value, found " + kind(n));
            return Optional.empty();
        }

        /** Reports every key that was never asked for: a typo is an error, not a silently ignored field. */
        void finish(Set<String> allowed) {
            for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
                if (!read.contains(e.getKey())) {
                    Node k = e.getValue().getKeyNode();
                    String hint = Suggestions.closest(e.getKey(), allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
                    problems.add(file, YamlNodes.line(k), column(k), what + ": unknown field '" + abbreviate(e.getKey()) + "'"
                            + " (" + hint + "known fields: " + String.join(", ", allowed) + ")");
                }
            }
        }
    }

    /** A plain decimal number, optionally signed and with an exponent: what an educator writes for a quantity. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");

    static boolean isNull(ScalarNode s) {
        return s.getTag().getValue().endsWith(":null") && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equalsIgnoreCase("null"));
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return "'" + abbreviate(s.getValue()) + "'";
        return "something else";
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A value with the line it was read from. */
    record Located<T>(T value, int line) {
    }
}
