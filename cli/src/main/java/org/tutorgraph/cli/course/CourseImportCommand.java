package org.tutorgraph.cli.course;

import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CourseGraph;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.importers.CourseImporter;
import org.tutorgraph.importers.ImportException;
import org.tutorgraph.importers.ImportOptions;
import org.tutorgraph.importers.ImportResult;
import org.tutorgraph.importers.Importers;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.CoursePackWriter;
import org.tutorgraph.pack.InvalidPackException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code tutor course import --from FORMAT SOURCE --out DIR}. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Turn a prerequisite graph from elsewhere into a course pack.",
                "",
                "The pack written is loaded again, to prove it validates, and its counts",
                "are printed.",
                "",
                "Formats (SOURCE):",
                "  csv          edge list, header prerequisite,concept[,kind[,strength]];",
                "               --concepts FILE adds a table with header id and any of",
                "               name,description,difficulty,minutes,area",
                "  metacademy   Metacademy's graph_data.json (the file or its folder)",
                "  ccssm        the folder with the Common Core CSVs",
                "               (ccssm-dependencies.csv, ccssm-k8.csv, ccssm-hs.csv)",
                "  lecturebank  the folder with 208topics.csv and",
                "               prerequisite_annotation.csv",
                "",
                "A source whose prerequisite edges form cycles is refused, and every",
                "cycle is listed with the lines that state its edges. --break-cycles",
                "drops edges instead (both edges of a pair stated both ways, then a",
                "minimum set of edges per remaining cycle) and lists each dropped edge.",
                "",
                "Examples:",
                "  tutor course import --from csv edges.csv --concepts concepts.csv \\",
                "      --out my-course --title 'My course'",
                "  tutor course import --from ccssm ../shared/data/graphs/ccssm \\",
                "      --out /tmp/ccssm",
                "  tutor course show /tmp/ccssm",
                ""
        })
public final class CourseImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FORMAT", description = "csv, metacademy, ccssm or lecturebank.")
    String from;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The file or folder to import (see Formats).")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write the course pack to (created if needed; must be empty unless --force).")
    Path out;

    @Option(names = "--break-cycles", description = "Drop edges to break prerequisite cycles instead of refusing; lists each dropped edge.")
    boolean breakCycles;

    @Option(names = "--id", paramLabel = "ID", description = "Course id (default: from the source).")
    String id;

    @Option(names = "--title", paramLabel = "TITLE", description = "Course title (default: from the source).")
    String title;

    @Option(names = "--concepts", paramLabel = "FILE", description = "csv only: the concept table.")
    Path concepts;

    @Option(names = "--force", description = "Write into DIR even when it is not empty (replaces course.yaml and concepts.yaml).")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only the counts, not the import report.")
    boolean quiet;

    @Override
    public void run() {
        CourseImporter importer = Importers.forFormat(from).orElseThrow(() -> new UserException(
                "tutor: unknown format '" + from + "' (use " + String.join(", ", Importers.formats()) + ")"));
        if (concepts != null && !importer.format().equals("csv")) {
            throw new UserException("tutor: --concepts only applies to --from csv");
        }
        if (!Files.exists(source)) throw new UserException("tutor: no such file or folder: " + source);
        checkOut();

        ImportResult result;
        try {
            result = importer.importFrom(source, new ImportOptions(breakCycles, id, title, concepts));
        } catch (ImportException e) {
            List<String> lines = new ArrayList<>();
            lines.add("tutor: cannot import " + source + " as " + importer.format() + ":");
            lines.addAll(e.problems());
            throw new UserException(lines);
        }

        PrintWriter w = spec.commandLine().getOut();
        if (!quiet) for (String line : result.report()) w.println(Terminal.safe(line));
        CoursePack written;
        try {
            CoursePackWriter.write(result.meta(), result.graph(), result.items(), out);
            written = CoursePackLoader.load(out);
        } catch (IOException e) {
            throw new UserException("tutor: cannot write " + out + ": " + e.getMessage(), e);
        } catch (InvalidPackException e) {
            List<String> lines = new ArrayList<>();
            lines.add("tutor: the pack written to " + out + " does not validate:");
            e.problems().forEach(p -> lines.add(out.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message()));
            throw new UserException(lines);
        }
        CourseGraph g = written.graph();
        w.println(Terminal.safe("imported " + importer.format() + " " + source + " into " + out + " (valid):"));
        w.printf("  concepts        %d%n", g.size());
        w.printf("  requires        %d%n", g.requiresLinks().size());
        w.printf("  supports        %d%n", g.supportsLinks().size());
        w.printf("  anyOf groups    %d%n", g.anyOfGroups().size());
        w.printf("  cycles          %d component%s, %d simple cycle%s%n", result.cyclicComponents(),
                result.cyclicComponents() == 1 ? "" : "s", result.simpleCycles(), result.simpleCycles() == 1 ? "" : "s");
        w.printf("  dropped edges   %d%n", result.dropped().size());
        w.flush();
    }

    /** The output folder must be new or empty, unless --force: an import never silently mixes with other files. */
    private void checkOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new UserException("tutor: --out " + out + " is a file; name a folder");
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UserException("tutor: --out " + out + " is not empty; choose a new folder or add --force"
                            + " to replace its course.yaml and concepts.yaml");
                }
            } catch (IOException e) {
                throw new UserException("tutor: cannot read " + out + ": " + e.getMessage(), e);
            }
        }
    }
}
