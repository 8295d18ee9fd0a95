package org.tutorgraph.cli.eval;

import java.util.Map;

/**
 * Turns the LaTeX of OATutor content ({@code $$\frac{3}{4}$$}, {@code $$4\left(x+3\right)$$}) into the plain math a
 * learner would type ({@code 3/4}, {@code 4(x+3)}), so that the leak guard reads it like a tutor message. Covers what
 * the OATutor pool uses: fractions, roots, {@code \left/\right}, {@code \cdot}, {@code \times}, text and operator
 * names, exponents and subscripts in braces, relations and set symbols, matrices (as bracketed rows). O(n).
 */
final class Latex {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("cdot", "\u00d7"), Map.entry("times", "\u00d7"), Map.entry("div", "\u00f7"), Map.entry("pm", "\u00b1"),
            Map.entry("le", "\u2264"), Map.entry("leq", "\u2264"), Map.entry("ge", "\u2265"), Map.entry("geq", "\u2265"),
            Map.entry("ne", "\u2260"), Map.entry("neq", "\u2260"), Map.entry("infty", "\u221e"), Map.entry("cup", "\u222a"),
            Map.entry("cap", "\u2229"), Map.entry("pi", "\u03c0"), Map.entry("theta", "\u03b8"), Map.entry("circ", "\u00b0"),
            Map.entry("degree", "\u00b0"), Map.entry("approx", "\u2248"), Map.entry("to", "\u2192"), Map.entry("rightarrow", "\u2192"),
            Map.entry("quad", " "), Map.entry("qquad", " "), Map.entry("ldots", "..."), Map.entry("dots", "..."),
            Map.entry("cdots", "..."), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("in", "\u2208"),
            Map.entry("alpha", "\u03b1"), Map.entry("beta", "\u03b2"), Map.entry("Delta", "\u0394"), Map.entry("sigma", "\u03c3"));

    private final String s;
    private int i;

    private Latex(String s) {
        this.s = s;
    }

    /** The plain form of a text with LaTeX in it. */
    static String toPlain(String text) {
        if (text == null) return "";
        String t = text.replace("$$", " ").replace("$", " ");
        return new Latex(t).sequence(false).replaceAll("[ \\t]+", " ").strip();
    }

    /** Reads until the end, or until the closing brace when {@code inGroup}. */
    private String sequence(boolean inGroup) {
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}' && inGroup) {
                i++;
                return out.toString();
            }
            if (c == '\\') {
                out.append(command());
            } else if (c == '{') {
                i++;
                String g = sequence(true);
                boolean exponentFollows = i < s.length() && s.charAt(i) == '^';
                out.append(exponentFollows && !simple(g) ? "(" + g + ")" : g);
            } else if (c == '^') {
                i++;
                String e = argument();
                out.append('^').append(simple(e) ? e : "(" + e + ")");
            } else if (c == '_') {
                i++;
                out.append(argument());
            } else if (c == '&') {
                i++;
                out.append(", ");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A braced group or a single character / command. */
    private String argument() {
        while (i < s.length() && s.charAt(i) == ' ') i++;
        if (i >= s.length()) return "";
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            return sequence(true);
        }
        if (c == '\\') return command();
        i++;
        return String.valueOf(c);
    }

    private String command() {
        i++; // backslash
        if (i >= s.length()) return "";
        char c = s.charAt(i);
        if (!Character.isLetter(c)) {
            i++;
            return switch (c) {
                case '\\' -> "\n";
                case ',', ';', ':', '!', ' ' -> " ";
                default -> String.valueOf(c);
            };
        }
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        String name = s.substring(start, i);
        switch (name) {
            case "frac", "dfrac", "tfrac" -> {
                String a = argument();
                String b = argument();
                return fraction(a, b);
            }
            case "sqrt" -> {
                String index = null;
                if (i < s.length() && s.charAt(i) == '[') {
                    int close = s.indexOf(']', i);
                    if (close > 0) {
                        index = s.substring(i + 1, close);
                        i = close + 1;
                    }
                }
                String a = argument();
                if (index == null || index.equals("2")) return "\u221a(" + a + ")";
                return "(" + a + ")^(1/" + index + ")";
            }
            case "left", "right", "big", "Big", "bigg", "Bigg" -> {
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    return "";
                }
                if (i < s.length() && s.charAt(i) == '\\') {
                    i++;
                    if (i < s.length()) {
                        char d = s.charAt(i++);
                        if (Character.isLetter(d)) {
                            int st = i - 1;
                            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                            String n = s.substring(st, i);
                            return n.equals("vert") ? "|" : n.equals("lbrace") ? "{" : n.equals("rbrace") ? "}" : "";
                        }
                        return String.valueOf(d);
                    }
                    return "";
                }
                return "";
            }
            case "text", "mathrm", "textbf", "mathbf", "textit", "mathit", "operatorname", "mbox", "textrm" -> {
                return argument();
            }
            case "begin" -> {
                argument();
                return "[";
            }
            case "end" -> {
                argument();
                return "]";
            }
            case "sin", "cos", "tan", "ln", "log", "exp", "sec", "csc", "cot" -> {
                return name + " ";
            }
            default -> {
                String sym = SYMBOLS.get(name);
                if (sym != null) return sym;
                // OATutor writes line breaks as a literal backslash-n: "\nThe" is a newline, then "The"
                if (name.startsWith("n")) return "\n" + name.substring(1);
                return name;
            }
        }
    }

    private static String fraction(String a, String b) {
        String num = a.strip();
        String den = b.strip();
        String n = num.matches("-?[0-9A-Za-z.^']+") ? num : "(" + num + ")";
        String d = den.matches("[0-9.]+|[A-Za-z]") ? den : "(" + den + ")";
        return n + "/" + d;
    }

    private static boolean simple(String g) {
        return g.matches("-?[0-9A-Za-z.']+");
    }
}
