package org.tutorgraph.pack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
        options.setMaxAliasesForCollections(20); // no "billion laughs"
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
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
        } catch (YAMLException e) {
            problems.add(file, 0, "YAML error: " + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // SnakeYAML signals limits (depth, size) with plain runtime exceptions.
            problems.add(file, 0, "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
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
                    problems.add(file, YamlNodes.line(k), column(k), what + ": duplicate key '" + sk.getValue()
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
