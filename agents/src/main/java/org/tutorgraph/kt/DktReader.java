package org.tutorgraph.kt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the DKT 3-line format (Piech et al. 2015; the ASSISTments and Statics splits): one block of three lines per
 * student — the number of responses, the comma-separated skill ids, the comma-separated 0/1 correctness — with
 * optional trailing commas and blank lines between blocks. Each block is one student (the blocks carry no student
 * id, so two blocks are never merged). O(file size).
 */
public final class DktReader implements LogReader {

    @Override
    public ResponseLog read(Path file) throws IOException, LogFormatException {
        ResponseLog.Builder log = ResponseLog.builder(file);
        Problems problems = new Problems(file);
        try (LogLines in = new LogLines(file)) {
            int block = 0;
            String line;
            while (!problems.full() && (line = in.next()) != null) {
                long lineNo = in.lineNumber();
                if (line.isBlank()) continue;
                long countLine = lineNo;
                Integer count = parseCount(line);
                if (count == null) {
                    problems.add(lineNo, "expected the number of responses of a student (first line of a 3-line block), got "
                            + Problems.quote(line.strip()));
                    break; // without a count line the blocks cannot be realigned
                }
                String skillsLine = in.next();
                String correctLine = skillsLine == null ? null : in.next();
                if (skillsLine == null || correctLine == null) {
                    problems.add(countLine, "the file ends inside the block starting here: expected "
                            + (skillsLine == null ? "a line of skill ids and a line of 0/1 answers" : "a line of 0/1 answers"));
                    break;
                }
                long skillsNo = countLine + 1;
                long correctNo = countLine + 2;
                List<String> skills = values(skillsLine);
                List<String> answers = values(correctLine);
                boolean ok = true;
                if (skills.size() != count) {
                    problems.add(skillsNo, skills.size() + " skill ids, but line " + countLine + " says " + count + " responses");
                    ok = false;
                }
                if (answers.size() != count) {
                    problems.add(correctNo, answers.size() + " answers, but line " + countLine + " says " + count + " responses");
                    ok = false;
                }
                for (int i = 0; i < skills.size() && ok; i++) {
                    if (skills.get(i).isEmpty()) {
                        problems.add(skillsNo, "skill id " + (i + 1) + " is empty");
                        ok = false;
                    }
                }
                for (int i = 0; i < answers.size() && ok; i++) {
                    String a = answers.get(i);
                    if (!a.equals("0") && !a.equals("1")) {
                        problems.add(correctNo, "answer " + (i + 1) + " must be 0 or 1, got " + Problems.quote(a));
                        ok = false;
                    }
                }
                if (ok && !problems.any()) {
                    String student = Integer.toString(block);
                    for (int i = 0; i < count; i++) log.add(student, skills.get(i), answers.get(i).equals("1"));
                }
                block++;
            }
        } catch (LogFormatException e) {
            // a line that is not UTF-8, or far too long: the blocks cannot be realigned after it
            for (LogProblem p : e.problems()) problems.add(p.line(), p.message());
        }
        problems.throwIfAny();
        if (log.size() == 0) throw new LogFormatException(List.of(new LogProblem(file, 0, "no responses in the file")));
        return log.build();
    }

    private static Integer parseCount(String line) {
        String s = stripTrailingCommas(line.strip());
        try {
            int n = Integer.parseInt(s);
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripTrailingCommas(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ',' || Character.isWhitespace(s.charAt(end - 1)))) end--;
        return s.substring(0, end);
    }

    /** The comma-separated values of a line, trailing commas ignored, each value trimmed. */
    private static List<String> values(String line) {
        String s = stripTrailingCommas(line.strip());
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        int from = 0;
        while (true) {
            int comma = s.indexOf(',', from);
            if (comma < 0) {
                out.add(s.substring(from).strip());
                return out;
            }
            out.add(s.substring(from, comma).strip());
            from = comma + 1;
        }
    }
}
