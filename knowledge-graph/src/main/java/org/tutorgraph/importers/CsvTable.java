package org.tutorgraph.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CSV file read into rows that remember their line. Parsing is Jackson's (jackson-dataformat-csv, the Jackson
 * family the project already uses): RFC 4180 quoting, doubled quotes, line breaks inside quoted values. Fields are
 * trimmed; blank lines are skipped; with {@code comments}, lines starting with '#' are too. One pass, O(n).
 */
final class CsvTable {

    private static final CsvMapper CSV = new CsvMapper();

    /** One record: its first physical line (1-based) and its trimmed fields. */
    record Row(int line, List<String> fields) {
        String field(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    final String file;
    final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    static CsvTable read(Path path, boolean comments) throws ImportException {
        return read(path, comments, path.toString());
    }

    /** Reads {@code path}, naming it {@code displayName} in messages (a file name where the folder is known). */
    static CsvTable read(Path path, boolean comments, String displayName) throws ImportException {
        return parse(displayName, SourceFiles.read(path), comments);
    }

    static CsvTable parse(String file, String text, boolean comments) throws ImportException {
        List<Row> rows = new ArrayList<>();
        int rowStart = 0;
        try (CsvParser p = CSV.getFactory().createParser(new StringReader(text))) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            CsvSchema schema = CsvSchema.emptySchema();
            p.setSchema(comments ? schema.withComments() : schema.withoutComments());
            if (p.nextToken() != JsonToken.START_ARRAY) return new CsvTable(file, rows); // empty file
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
                // Jackson counts CSV lines from 0, and gives -1 before the first record is read.
                int at = p.currentTokenLocation().getLineNr();
                rowStart = at >= 0 ? at + 1 : firstRecordLine(text, comments);
                List<String> fields = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) fields.add(p.getText().strip());
                if (fields.stream().allMatch(String::isEmpty)) continue;
                rows.add(new Row(rowStart, List.copyOf(fields)));
            }
            if (t != JsonToken.END_ARRAY && t != null) throw new IllegalStateException("unexpected CSV token " + t);
        } catch (JsonProcessingException e) {
            String where = rowStart > 0 ? ":" + rowStart : "";
            throw new ImportException(List.of(file + where + ": CSV syntax error in the record starting here: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ImportException(List.of(file + ": cannot read CSV: " + e.getMessage()));
        }
        return new CsvTable(file, rows);
    }

    /** The 1-based line of the first record: the first line that is neither blank nor (with comments) a comment. */
    private static int firstRecordLine(String text, boolean comments) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !(comments && l.startsWith("#"))) return i + 1;
        }
        return 1;
    }

    /** {@code file:line}, the form every message uses. */
    String at(Row row) {
        return file + ":" + row.line();
    }

    /**
     * Reads the header row (the first row) as column name → index, checking that every required column is there
     * and every column is known; names compare case-insensitively. Problems are added to {@code problems}.
     */
    Optional<Map<String, Integer>> header(List<String> required, List<String> optional, List<String> problems) {
        if (rows.isEmpty()) {
            problems.add(file + ": the file is empty; expected a header row: " + String.join(",", required));
            return Optional.empty();
        }
        Row head = rows.get(0);
        Map<String, Integer> columns = new TreeMap<>();
        boolean ok = true;
        for (int i = 0; i < head.fields().size(); i++) {
            String name = head.fields().get(i).toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> known = new ArrayList<>(required);
                known.addAll(optional);
                problems.add(at(head) + ": unknown column '" + head.fields().get(i) + "' (known columns: " + String.join(", ", known) + ")");
                ok = false;
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(at(head) + ": column '" + name + "' appears twice");
                ok = false;
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                problems.add(at(head) + ": missing column '" + r + "' (the header must name " + String.join(", ", required) + ")");
                ok = false;
            }
        }
        return ok ? Optional.of(columns) : Optional.empty();
    }

    /** The rows after the header. */
    List<Row> body() {
        return rows.isEmpty() ? List.of() : rows.subList(1, rows.size());
    }
}
