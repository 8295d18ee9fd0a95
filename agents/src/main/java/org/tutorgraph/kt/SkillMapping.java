package org.tutorgraph.kt;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A skill-name → concept-id table ({@code MAP.csv}: header {@code skill,concept}, comma or tab separated), which
 * says which fitted skill's parameters a concept takes. A skill may feed several concepts; a concept takes one skill.
 */
public final class SkillMapping {

    public record Row(String skill, String concept, long line) {
    }

    private SkillMapping() {
    }

    /**
     * Reads and checks the table: every skill must be in {@code skills}, every concept must satisfy
     * {@code conceptExists}, no concept twice; each violation is reported with its line.
     */
    public static List<Row> read(Path file, Set<String> skills, Predicate<String> conceptExists) throws IOException, LogFormatException {
        Problems problems = new Problems(file);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> conceptLine = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) throw new LogFormatException(List.of(new LogProblem(file, 1, "empty file: expected a header 'skill,concept'")));
            header = Delimited.stripBom(header);
            char delimiter = Delimited.sniff(header);
            Map<String, Integer> at = Columns.locate(file, header, delimiter, List.of("skill", "concept"));
            int s = at.get("skill");
            int c = at.get("concept");
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null && !problems.full()) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> f;
                try {
                    f = Delimited.split(line, delimiter);
                } catch (IllegalArgumentException e) {
                    problems.add(lineNo, e.getMessage());
                    continue;
                }
                if (f.size() <= Math.max(s, c)) {
                    problems.add(lineNo, "expected a skill and a concept");
                    continue;
                }
                String skill = f.get(s).strip();
                String concept = f.get(c).strip();
                if (!skills.contains(skill)) {
                    problems.add(lineNo, "skill " + Problems.quote(skill) + " is not in the parameters file");
                    continue;
                }
                if (!conceptExists.test(concept)) {
                    problems.add(lineNo, "concept " + Problems.quote(concept) + " is not in the course");
                    continue;
                }
                Long earlier = conceptLine.putIfAbsent(concept, lineNo);
                if (earlier != null) {
                    problems.add(lineNo, "concept " + Problems.quote(concept) + " is already mapped on line " + earlier);
                    continue;
                }
                rows.add(new Row(skill, concept, lineNo));
            }
        }
        problems.throwIfAny();
        return rows;
    }
}
