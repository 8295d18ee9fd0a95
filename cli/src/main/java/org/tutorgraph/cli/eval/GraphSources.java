package org.tutorgraph.cli.eval;

import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.planner.eval.MetamathGraphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an external prerequisite graph for evaluation, by format name. */
final class GraphSources {

    static final String FORMATS = "metacademy, ccssm, csv, metamath";

    private GraphSources() {
    }

    static CourseGraph read(String format, Path file) {
        if (!Files.exists(file)) throw new UserException("tutor eval: no such file: " + file);
        try {
            return switch (format) {
                case "metamath" -> MetamathGraphs.read(file);
                case "metacademy", "ccssm", "csv" -> throw new UserException(
                        "tutor eval: the '" + format + "' importer is not in this build yet; use --graph-format metamath or --synthetic N");
                default -> throw new UserException("tutor eval: unknown --graph-format '" + format + "' (use one of " + FORMATS + ")");
            };
        } catch (IOException e) {
            throw new UserException("tutor eval: cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserException("tutor eval: " + e.getMessage(), e);
        }
    }
}
