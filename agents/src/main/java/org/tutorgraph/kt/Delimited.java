package org.tutorgraph.kt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Splits one line of a delimited text file (CSV or TSV) into fields, honouring double quotes as RFC 4180 does
 * ({@code "a, b"} is one field, {@code ""} inside quotes is a quote). Fields never span lines in the logs we read, so
 * an unterminated quote is reported rather than continued. O(line length).
 */
final class Delimited {

    private Delimited() {
    }

    /** The delimiter of a header line: a tab when it has one, a comma otherwise. */
    static char sniff(String header) {
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /** The fields of {@code line}; throws {@link IllegalArgumentException} on an unterminated quote. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted field");
        fields.add(field.toString());
        return fields;
    }

    /** A file's header: its delimiter and where each wanted column is. */
    record Header(char delimiter, Map<String, Integer> columns) {
        int column(String name) {
            return columns.get(name);
        }
    }

    /** One data row handed to a reader: its line number (1 is the header) and its fields. */
    @FunctionalInterface
    interface RowHandler {
        void row(long lineNo, List<String> fields);
    }

    /**
     * Reads the header line of {@code in} (the delimiter sniffed; {@link LogLines} drops a byte-order mark) and locates the columns
     * {@code wanted}; an empty file is a problem on line 1 saying {@code whenEmpty}.
     */
    static Header header(LogLines in, Path file, List<String> wanted, String whenEmpty) throws IOException, LogFormatException {
        String header = in.next();
        if (header == null) throw new LogFormatException(List.of(new LogProblem(file, 1, whenEmpty)));
        char delimiter = sniff(header);
        return new Header(delimiter, Columns.locate(file, header, delimiter, wanted));
    }

    /**
     * Hands each data row after the header to {@code handler}, skipping blank lines. A line that cannot be split, or
     * that has fewer than {@code needed} fields (reported as {@code tooFew} of the number found), goes to
     * {@code problems} instead; reading stops once {@code problems} is full. O(file size).
     */
    static void rows(LogLines in, Header header, int needed, IntFunction<String> tooFew, Problems problems,
                     RowHandler handler) throws IOException {
        while (!problems.full()) {
            String line;
            try {
                line = in.next();
            } catch (LogFormatException e) {
                for (LogProblem p : e.problems()) problems.add(p.line(), p.message());
                continue;
            }
            if (line == null) break;
            long lineNo = in.lineNumber();
            if (line.isBlank()) continue;
            List<String> fields;
            try {
                fields = split(line, header.delimiter());
            } catch (IllegalArgumentException e) {
                problems.add(lineNo, e.getMessage());
                continue;
            }
            if (fields.size() < needed) {
                problems.add(lineNo, tooFew.apply(fields.size()));
                continue;
            }
            handler.row(lineNo, fields);
        }
    }
}
