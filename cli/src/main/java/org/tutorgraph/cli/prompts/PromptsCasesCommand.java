package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.CourseOption;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.prompts.tournament.CaseFile;
import org.tutorgraph.prompts.tournament.CourseCases;
import org.tutorgraph.prompts.tournament.MathDialCases;
import org.tutorgraph.prompts.tournament.TournamentCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code tutor prompts cases --from course|mathdial [SOURCE] --out FILE}. */
@Command(name = "cases",
        mixinStandardHelpOptions = true,
        description = {
                "Build a tournament case file of learner situations.",
                "",
                "Each case holds an item, the learner's attempt, the misconception and the",
                "rung; every variant phrases the tutor's turn for it.",
                "  --from course [PACK]  items with a known misconception (default: the",
                "      bundled course); the learner gives that misconception's wrong",
                "      answer; rungs cycle from orient to bottom-out.",
                "  --from mathdial FILE  MathDial dialogues (JSON lines), cut at the first",
                "      focus or probing teacher move; the teacher's words ground the rung.",
                "",
                "Examples:",
                "  tutor prompts cases --from course --limit 16 --out cases.yaml",
                "      (how the shipped sample, prompts/tournament/algebra-cases.yaml, is made)",
                "  tutor prompts cases --from mathdial \\",
                "      ../shared/data/dialogues/mathdial/test.jsonl --out mathdial.yaml",
                ""
        })
public final class PromptsCasesCommand implements Runnable {

    enum From { course, mathdial }

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "KIND", description = "course or mathdial.")
    From from;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "Course pack folder, or MathDial JSON-lines file.")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Case file to write (YAML).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "At most N cases (default: ${DEFAULT-VALUE}; 0 = all for mathdial).")
    int limit = CourseCases.SAMPLE_SIZE;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for picking MathDial dialogues (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public void run() {
        PrintWriter o = spec.commandLine().getOut();
        List<TournamentCase> cases;
        String description;
        if (from == From.course) {
            CoursePack pack = CourseOption.load(source);
            cases = CourseCases.fromCourse(pack, limit);
            description = CourseCases.description(pack, limit);
            if (cases.isEmpty()) throw new UserException("tutor: no item in the course has a misconception with a wrong answer and a full ladder");
        } else {
            if (source == null) throw new UserException("tutor: --from mathdial needs the dialogue file, e.g. ../shared/data/dialogues/mathdial/test.jsonl");
            if (!Files.isRegularFile(source)) throw new UserException("tutor: no file at " + source);
            MathDialCases.Result r;
            try {
                r = MathDialCases.read(source, limit, seed);
            } catch (IOException e) {
                throw new UserException("tutor: cannot read " + source + ": " + e.getMessage());
            }
            cases = r.cases();
            description = "Tournament cases built from MathDial (" + source.getFileName() + ", CC BY-SA 4.0) by: tutor prompts cases --from mathdial --limit "
                    + limit + " --seed " + seed + ". " + r.dialogues() + " dialogues read, " + r.skipped().size() + " without a focus or probing move skipped.";
            if (cases.isEmpty()) throw new UserException("tutor: no usable dialogue in " + source);
            o.println(Terminal.safe(r.dialogues() + " dialogues, " + r.skipped().size() + " skipped (no focus or probing teacher move, or not JSON)"));
        }
        try {
            CaseFile.write(out, description, cases);
        } catch (IOException e) {
            throw new UserException("tutor: cannot write " + out + ": " + e.getMessage());
        }
        o.println(Terminal.safe("wrote " + cases.size() + " case" + (cases.size() == 1 ? "" : "s") + " to " + out));
    }
}
