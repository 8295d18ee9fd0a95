package org.tutorgraph.kt;

import java.util.ArrayList;
import java.util.List;

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

    /** Strips a UTF-8 byte-order mark, which spreadsheet exports put before the first header. */
    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
