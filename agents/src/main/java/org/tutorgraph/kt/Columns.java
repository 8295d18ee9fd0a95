package org.tutorgraph.kt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Header handling shared by the CSV readers. */
final class Columns {

    private Columns() {
    }

    /**
     * The position of each wanted column in {@code header} (exact names, surrounding spaces ignored); a
     * {@link LogFormatException} names every missing one and lists what the header has.
     */
    static Map<String, Integer> locate(Path file, String header, char delimiter, List<String> wanted) throws LogFormatException {
        List<String> names;
        try {
            names = Delimited.split(header, delimiter);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException(List.of(new LogProblem(file, 1, "header: " + e.getMessage())));
        }
        List<String> trimmed = new ArrayList<>();
        for (String n : names) trimmed.add(n.strip());
        Map<String, Integer> at = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            int i = trimmed.indexOf(w);
            if (i < 0) missing.add(w);
            else at.put(w, i);
        }
        if (!missing.isEmpty()) {
            String has = String.join(", ", trimmed);
            throw new LogFormatException(List.of(new LogProblem(file, 1, "missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the header has: " + (has.length() > 300 ? has.substring(0, 300) + "…" : has) + ")")));
        }
        return at;
    }

    /** A finite number, or null. */
    static Double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 0/1 (also written 0.0/1.0, as pandas exports integers stored as floats), or null. */
    static Boolean zeroOne(String s) {
        return switch (s.strip()) {
            case "1", "1.0" -> Boolean.TRUE;
            case "0", "0.0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
