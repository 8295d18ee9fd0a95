package org.tutorgraph.cli.eval;

import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.importers.CourseImporter;
import org.tutorgraph.importers.ImportException;
import org.tutorgraph.importers.ImportOptions;
import org.tutorgraph.importers.Importers;
import org.tutorgraph.planner.eval.MetamathGraphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an external prerequisite graph for evaluation, by format name: the course importers ({@link Importers}:
 * csv, metacademy, ccssm, lecturebank; prerequisite cycles are broken, as {@code tutor course import --break-cycles}
 * would) or a Metamath database ({@code metamath}: theorems and the statements their proofs cite).
 */
final class GraphSources {

    private GraphSources() {
    }

    static String formats() {
        List<String> all = new ArrayList<>(Importers.formats());
        all.add("metamath");
        return String.join(", ", all);
    }

    static CourseGraph read(String format, Path file) {
        if (!Files.exists(file)) throw new UserException("tutor eval: no such file: " + file);
        if (format.equals("metamath")) {
            try {
                return MetamathGraphs.read(file);
            } catch (IOException e) {
                throw new UserException("tutor eval: cannot read " + file + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new UserException("tutor eval: " + e.getMessage(), e);
            }
        }
        Optional<CourseImporter> importer = Importers.forFormat(format);
        if (importer.isEmpty()) {
            throw new UserException("tutor eval: unknown --graph-format '" + format + "' (use one of " + formats() + ")");
        }
        try {
            return importer.get().importFrom(file, ImportOptions.defaults().withBreakCycles(true)).graph();
        } catch (ImportException e) {
            List<String> lines = new ArrayList<>();
            for (String p : e.problems()) lines.add("tutor eval: " + p);
            throw new UserException(lines);
        }
    }
}
