package org.tutorgraph.records.datashop;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes steps as DataShop's tab-separated student-step export: the columns of a Cognitive Tutor step rollup (as in
 * {@code ct.csv}), one row per step, times in UTC ({@code 2025-01-31 10:15:02.123}), durations in seconds, several KCs
 * joined by {@code ~~}. Control characters inside a field (tabs, line breaks, …) become spaces (the format has no quoting). {@code Row}
 * counts from 1 across everything one writer writes.
 */
public final class DataShopWriter {

    public static final List<String> COLUMNS = List.of("Row", "Anon Student Id", "Problem Hierarchy", "Problem Name",
            "Problem View", "Step Name", "Step Start Time", "First Transaction Time", "Correct Transaction Time",
            "Step End Time", "Step Duration (sec)", "Correct Step Duration (sec)", "Error Step Duration (sec)",
            "Correct First Attempt", "Incorrects", "Hints", "Corrects", "KC(Default)", "Opportunity(Default)");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Writer out;
    private long row;

    /** Writes the header line at once. */
    public DataShopWriter(Writer out) throws IOException {
        this.out = out;
        out.write(String.join("\t", COLUMNS));
        out.write('\n');
    }

    public void write(Step s) throws IOException {
        String duration = seconds(Duration.between(s.start(), s.end()));
        String[] f = {
                Long.toString(++row), s.student(), s.hierarchy(), s.problem(), Integer.toString(s.problemView()),
                s.stepName(), time(s.start()), time(s.firstTransaction()), time(s.correctTransaction()), time(s.end()),
                duration, s.correctFirstAttempt() ? duration : "", s.correctFirstAttempt() ? "" : duration,
                s.correctFirstAttempt() ? "1" : "0", Integer.toString(s.incorrects()), Integer.toString(s.hints()),
                Integer.toString(s.corrects()), String.join("~~", s.kcs()),
                s.opportunities().stream().map(String::valueOf).collect(Collectors.joining("~~"))};
        for (int i = 0; i < f.length; i++) {
            if (i > 0) out.write('\t');
            out.write(clean(f[i]));
        }
        out.write('\n');
    }

    /** Rows written so far. */
    public long rows() {
        return row;
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** Seconds, with up to 3 decimals and no trailing zeros ({@code 5}, {@code 2.5}). */
    static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    private static String clean(String field) {
        return field.replaceAll("\\p{Cntrl}", " ");
    }
}
