package org.tutorgraph.planner.eval;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.CourseGraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Metamath database ({@code .mm}) as a dependency DAG, for planning at scale on a real graph (not for
 * pedagogy): every axiom or definition ({@code $a}) and theorem ({@code $p}) is a concept; a theorem requires every
 * earlier {@code $a}/{@code $p} label its proof cites (both normal proofs and the label list of compressed proofs;
 * hypotheses {@code $e}/{@code $f} are not concepts). Labels are only cited after they are defined, so the graph is
 * acyclic by construction.
 *
 * <p>Attributes, derived deterministically: area = the title of the most recent part, chapter or section header
 * comment ({@code ####}, {@code #*#*}, {@code =-=-} decoration lines); difficulty = 1 for {@code $a}, else 1 + 4 ·
 * log(1 + proof length) / log(1 + longest proof length), rounded to 0.5; minutes = 5 + 2 · (number of cited
 * labels), at most 120. O(file size).
 */
public final class MetamathGraphs {

    private MetamathGraphs() {
    }

    /** Reads {@code file}; a malformed database is reported with its line number. */
    public static CourseGraph read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return parse(text, file.toString());
    }

    private record Statement(String label, boolean axiom, String area, int proofLength, List<String> cites) {
    }

    static CourseGraph parse(String text, String source) {
        Tokens t = new Tokens(text, source);
        Map<String, Character> kinds = new HashMap<>();
        List<Statement> statements = new ArrayList<>();
        String previous = null;
        String token;
        while ((token = t.next()) != null) {
            switch (token) {
                case "$a", "$p", "$e", "$f" -> {
                    if (previous == null) throw t.error(token + " statement without a label");
                    String label = previous;
                    previous = null;
                    char kind = token.charAt(1);
                    int proofLength = 0;
                    Set<String> cites = new LinkedHashSet<>();
                    String s;
                    while (!"$.".equals(s = t.require(label)) && !"$=".equals(s)) {
                        // math symbols of the statement
                    }
                    if ("$=".equals(s)) {
                        if (kind != 'p') throw t.error("proof in a $" + kind + " statement " + label);
                        String p = t.require(label);
                        if ("(".equals(p)) {
                            while (!")".equals(p = t.require(label))) if (isConcept(kinds, p)) cites.add(p);
                            while (!"$.".equals(p = t.require(label))) proofLength += p.length();
                        } else {
                            while (!"$.".equals(p)) {
                                proofLength++;
                                if (isConcept(kinds, p)) cites.add(p);
                                p = t.require(label);
                            }
                        }
                    } else if (kind == 'p') {
                        throw t.error("theorem " + label + " has no proof");
                    }
                    if (kinds.put(label, kind) != null) throw t.error("duplicate label " + label);
                    if (kind == 'a' || kind == 'p') {
                        statements.add(new Statement(label, kind == 'a', t.area, proofLength, new ArrayList<>(cites)));
                    }
                }
                case "$c", "$v", "$d" -> {
                    previous = null;
                    while (!"$.".equals(t.require(token))) {
                        // declarations and disjoint-variable restrictions are not concepts
                    }
                }
                case "${", "$}" -> previous = null;
                default -> {
                    if (token.startsWith("$")) throw t.error("unexpected keyword " + token);
                    previous = token;
                }
            }
        }
        int longest = 1;
        for (Statement s : statements) longest = Math.max(longest, s.proofLength);
        CourseGraph.Builder b = CourseGraph.builder();
        for (Statement s : statements) {
            double difficulty = s.axiom ? 1 : 1 + 4 * Math.log1p(s.proofLength) / Math.log1p(longest);
            difficulty = Math.round(difficulty * 2) / 2.0;
            double minutes = Math.min(120, 5 + 2 * s.cites.size());
            b.concept(new Concept(s.label, s.label, "", difficulty, minutes, s.area));
        }
        for (Statement s : statements) for (String c : s.cites) b.requires(c, s.label);
        return b.build();
    }

    private static boolean isConcept(Map<String, Character> kinds, String label) {
        Character k = kinds.get(label);
        return k != null && (k == 'a' || k == 'p');
    }

    /** Whitespace-separated tokens, skipping comments (and reading section titles out of them). */
    private static final class Tokens {
        private final String text;
        private final String source;
        private int at;
        private int line = 1;
        String area = "";

        Tokens(String text, String source) {
            this.text = text;
            this.source = source;
        }

        String require(String context) {
            String s = next();
            if (s == null) throw error("file ends inside statement " + context);
            return s;
        }

        String next() {
            while (true) {
                skipSpace();
                if (at >= text.length()) return null;
                int start = at;
                while (at < text.length() && !Character.isWhitespace(text.charAt(at))) at++;
                String token = text.substring(start, at);
                if (token.equals("$(")) {
                    comment();
                    continue;
                }
                return token;
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                if (text.charAt(at) == '\n') line++;
                at++;
            }
        }

        private void comment() {
            int startLine = line;
            int end = text.indexOf("$)", at);
            if (end < 0) throw new IllegalArgumentException(source + ":" + startLine + ": comment never closed");
            String body = text.substring(at, end);
            for (int i = 0; i < body.length(); i++) if (body.charAt(i) == '\n') line++;
            at = end + 2;
            String[] lines = body.strip().split("\n");
            if (lines.length >= 2 && isDecoration(lines[0].strip())) {
                String title = lines[1].strip();
                if (!title.isEmpty() && !isSubsection(lines[0].strip())) area = title;
            }
        }

        private static boolean isDecoration(String s) {
            return s.startsWith("####") || s.startsWith("#*#*") || s.startsWith("=-=-") || s.startsWith("-.-.");
        }

        private static boolean isSubsection(String s) {
            return s.startsWith("-.-.");
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + ":" + line + ": " + message);
        }
    }
}
