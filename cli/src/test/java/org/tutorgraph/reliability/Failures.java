package org.tutorgraph.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failures a fuzzer or hostile-input run found, grouped by signature (what went wrong and where), each with the
 * first seed and input that showed it, so that a report lists distinct bugs rather than thousands of repeats.
 */
final class Failures {

    private record First(String example, int count) {
    }

    private final Map<String, First> bySignature = new LinkedHashMap<>();
    private int total;

    void add(String signature, String example) {
        total++;
        bySignature.merge(signature, new First(example, 1), (a, b) -> new First(a.example(), a.count() + 1));
    }

    void add(Throwable t, String example) {
        add(signature(t), example + "\n" + stackTrace(t));
    }

    int total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** One paragraph per signature: the count, the signature and its first example. */
    String report() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, First> e : bySignature.entrySet()) {
            String ex = e.getValue().example();
            out.add(e.getValue().count() + " × " + e.getKey() + "\n    first: " + (ex.length() > 3000 ? ex.substring(0, 3000) + "…" : ex));
        }
        return total + " failures, " + bySignature.size() + " distinct:\n" + String.join("\n", out);
    }

    /** The exception class and the first frame in tutorgraph code (or the top frame). */
    static String signature(Throwable t) {
        StackTraceElement where = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("org.tutorgraph") && !e.getClassName().startsWith("org.tutorgraph.reliability")) {
                where = e;
                break;
            }
        }
        if (where == null && t.getStackTrace().length > 0) where = t.getStackTrace()[0];
        return t.getClass().getName() + " at " + where;
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 2500 ? s.substring(0, 2500) + "…" : s;
    }
}
