package org.tutorgraph.kt;

import java.io.IOException;
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
        try (LogLines in = new LogLines(file)) {
            Delimited.Header h = Delimited.header(in, file, List.of("skill", "concept"), "empty file: expected a header 'skill,concept'");
            int s = h.column("skill");
            int c = h.column("concept");
            Delimited.rows(in, h, Math.max(s, c) + 1, found -> "expected a skill and a concept", problems, (lineNo, f) -> {
                String skill = f.get(s).strip();
                String concept = f.get(c).strip();
                if (!skills.contains(skill)) {
                    problems.add(lineNo, "skill " + Problems.quote(skill) + " is not in the parameters file");
                    return;
                }
                if (!conceptExists.test(concept)) {
                    problems.add(lineNo, "concept " + Problems.quote(concept) + " is not in the course");
                    return;
                }
                Long earlier = conceptLine.putIfAbsent(concept, lineNo);
                if (earlier != null) {
                    problems.add(lineNo, "concept " + Problems.quote(concept) + " is already mapped on line " + earlier);
                    return;
                }
                rows.add(new Row(skill, concept, lineNo));
            });
        }
        problems.throwIfAny();
        return rows;
    }
}
