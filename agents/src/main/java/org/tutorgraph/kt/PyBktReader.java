package org.tutorgraph.kt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads pyBKT's long format: a header, then one row per answer with the columns {@code order_id} (a number giving
 * the answer's position in time), {@code skill_name}, {@code correct} (0 or 1) and {@code user_id}, in any order;
 * other columns are ignored. Comma or tab separated (sniffed from the header), double quotes allowed. Rows are sorted
 * by {@code order_id} (stable), as pyBKT does. O(N log N).
 */
public final class PyBktReader implements LogReader {

    static final List<String> COLUMNS = List.of("order_id", "skill_name", "correct", "user_id");

    private record Row(double order, String user, String skill, boolean correct) {
    }

    @Override
    public ResponseLog read(Path file) throws IOException, LogFormatException {
        Problems problems = new Problems(file);
        List<Row> rows = new ArrayList<>();
        try (LogLines in = new LogLines(file)) {
            Delimited.Header h = Delimited.header(in, file, COLUMNS, "empty file: expected a header with " + String.join(", ", COLUMNS));
            int order = h.column("order_id");
            int skill = h.column("skill_name");
            int correct = h.column("correct");
            int user = h.column("user_id");
            int needed = Arrays.stream(new int[]{order, skill, correct, user}).max().orElse(0) + 1;
            Delimited.rows(in, h, needed, found -> "expected at least " + needed + " fields, found " + found, problems, (lineNo, f) -> {
                Double o = Columns.number(f.get(order));
                if (o == null) {
                    problems.add(lineNo, "order_id must be a number, got " + Problems.quote(f.get(order)));
                    return;
                }
                Boolean c = Columns.zeroOne(f.get(correct));
                if (c == null) {
                    problems.add(lineNo, "correct must be 0 or 1, got " + Problems.quote(f.get(correct)));
                    return;
                }
                String s = f.get(skill).strip();
                String u = f.get(user).strip();
                if (s.isEmpty()) {
                    problems.add(lineNo, "skill_name is empty");
                    return;
                }
                if (u.isEmpty()) {
                    problems.add(lineNo, "user_id is empty");
                    return;
                }
                rows.add(new Row(o, u, s, c));
            });
        }
        problems.throwIfAny();
        if (rows.isEmpty()) throw new LogFormatException(List.of(new LogProblem(file, 0, "no responses in the file")));
        rows.sort(Comparator.comparingDouble(Row::order));
        ResponseLog.Builder log = ResponseLog.builder(file);
        for (Row r : rows) log.add(r.user(), r.skill(), r.correct());
        return log.build();
    }
}
