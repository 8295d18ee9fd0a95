package org.tutorgraph.cli.kt;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.kt.BktParams;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.kt.LogProblem;
import org.tutorgraph.kt.ParamsFile;
import org.tutorgraph.kt.SkillMapping;
import org.tutorgraph.kt.TracingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tutor kt attach}: gives a course pack's concepts the parameters fitted for skills. */
@Command(name = "attach",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Attach fitted BKT parameters to a course pack's concepts.",
                "",
                "A skill -> concept mapping says which; the result is PACK/tracing.json.",
                "The Diagnostician reads that file when present; concepts it does not",
                "list use the defaults (prior 0.3, learn 0.1, slip 0.1, guess 0.2, no",
                "forgetting).",
                "",
                "MAP.csv has a header 'skill,concept' and one row per skill; a skill may",
                "feed several concepts, a concept takes one skill.",
                "",
                "Example:",
                "  tutor kt attach --params params.json --mapping map.csv \\",
                "      --course my-course",
                ""
        })
public final class KtAttachCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--params", required = true, paramLabel = "PARAMS.json", description = "Parameters written by 'tutor kt fit'.")
    Path params;

    @Option(names = "--mapping", required = true, paramLabel = "MAP.csv", description = "Skill name -> concept id, one per row.")
    Path mapping;

    @Option(names = "--course", required = true, paramLabel = "PACK", description = "The course pack folder to write tracing.json into.")
    Path course;

    @Override
    public void run() {
        CoursePack pack = CourseOption.load(course);
        Path folder = Files.isDirectory(course) ? course : course.toAbsolutePath().getParent();
        Map<String, BktParams> bySkill;
        List<SkillMapping.Row> rows;
        try {
            if (!Files.isRegularFile(params)) throw new UserException("tutor kt: no such file: " + params);
            if (!Files.isRegularFile(mapping)) throw new UserException("tutor kt: no such file: " + mapping);
            bySkill = ParamsFile.read(params);
            rows = SkillMapping.read(mapping, bySkill.keySet(), pack.graph()::contains);
        } catch (LogFormatException e) {
            List<String> lines = new ArrayList<>();
            for (LogProblem p : e.problems()) lines.add(p.toString());
            throw new UserException(lines);
        } catch (IOException e) {
            throw new UserException("tutor kt: " + e.getMessage());
        }
        Map<String, BktParams> byConcept = new LinkedHashMap<>();
        Map<String, String> skillOf = new LinkedHashMap<>();
        for (SkillMapping.Row r : rows) {
            byConcept.put(r.concept(), bySkill.get(r.skill()));
            skillOf.put(r.concept(), r.skill());
        }
        try {
            TracingFile.write(folder, byConcept, skillOf);
        } catch (IOException e) {
            throw new UserException("tutor kt: cannot write " + folder.resolve(TracingFile.NAME) + ": " + e.getMessage());
        }
        spec.commandLine().getOut().print(Terminal.safe(String.format("wrote %s: %d of %d concepts have fitted parameters%n",
                folder.resolve(TracingFile.NAME), byConcept.size(), pack.graph().size())));
    }
}
