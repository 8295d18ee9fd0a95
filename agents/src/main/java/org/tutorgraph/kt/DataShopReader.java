package org.tutorgraph.kt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PSLC DataShop step export ("student-step" rollup): tab separated as DataShop exports it, or comma separated
 * with quotes (as in pyBKT-examples' {@code ct.csv}); the delimiter is sniffed from the header. One response per step
 * and knowledge component: {@code Correct First Attempt} (1 or 0) of {@code Anon Student Id} on each KC listed in the
 * KC column ({@code KC(Default)} unless another model's column is named), several KCs being separated by {@code ~~}.
 * Steps without a KC are skipped and counted in the log's notes. Rows are taken in file order, which DataShop sorts
 * by student and time. O(file size).
 */
public final class DataShopReader implements LogReader {

    public static final String STUDENT = "Anon Student Id";
    public static final String CORRECT = "Correct First Attempt";
    public static final String DEFAULT_KC = "KC(Default)";
    public static final String KC_SEPARATOR = "~~";

    private final String kcColumn;

    public DataShopReader() {
        this(DEFAULT_KC);
    }

    /** @param kcColumn the knowledge-component model to read, e.g. {@code KC(Default)} or {@code KC(Unique-step)} */
    public DataShopReader(String kcColumn) {
        this.kcColumn = kcColumn;
    }

    @Override
    public ResponseLog read(Path file) throws IOException, LogFormatException {
        Problems problems = new Problems(file);
        ResponseLog.Builder log = ResponseLog.builder(file);
        long[] skipped = {0};
        try (LogLines in = new LogLines(file)) {
            Delimited.Header h = Delimited.header(in, file, List.of(STUDENT, CORRECT, kcColumn), "empty file: expected a DataShop header");
            int student = h.column(STUDENT);
            int correct = h.column(CORRECT);
            int kc = h.column(kcColumn);
            int needed = Math.max(student, Math.max(correct, kc)) + 1;
            String layout = h.delimiter() == '\t' ? " (tab separated)" : " (comma separated)";
            Delimited.rows(in, h, needed, found -> "expected at least " + needed + " fields, found " + found + layout, problems, (lineNo, f) -> {
                Boolean c = Columns.zeroOne(f.get(correct));
                if (c == null) {
                    problems.add(lineNo, CORRECT + " must be 0 or 1, got " + Problems.quote(f.get(correct)));
                    return;
                }
                String s = f.get(student).strip();
                if (s.isEmpty()) {
                    problems.add(lineNo, STUDENT + " is empty");
                    return;
                }
                List<String> kcs = splitKcs(f.get(kc));
                if (kcs.isEmpty()) {
                    skipped[0]++;
                    return;
                }
                for (String k : kcs) log.add(s, k, c);
            });
        }
        problems.throwIfAny();
        if (log.size() == 0) {
            throw new LogFormatException(List.of(new LogProblem(file, 0, "no step with a knowledge component in column " + kcColumn)));
        }
        if (skipped[0] > 0) log.note("skipped " + skipped[0] + " step" + (skipped[0] == 1 ? "" : "s") + " without a knowledge component in " + kcColumn);
        return log.build();
    }

    private static List<String> splitKcs(String field) {
        List<String> out = new ArrayList<>();
        for (String part : field.split(KC_SEPARATOR, -1)) {
            String k = part.strip();
            if (!k.isEmpty() && !out.contains(k)) out.add(k);
        }
        return out;
    }
}
