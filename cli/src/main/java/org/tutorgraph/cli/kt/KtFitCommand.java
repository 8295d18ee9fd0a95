package org.tutorgraph.cli.kt;

import org.tutorgraph.cli.Terminal;
import org.tutorgraph.cli.UserException;
import org.tutorgraph.kt.EmFitter;
import org.tutorgraph.kt.FitOptions;
import org.tutorgraph.kt.FitResult;
import org.tutorgraph.kt.LogFormat;
import org.tutorgraph.kt.ParamsFile;
import org.tutorgraph.kt.ResponseLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code tutor kt fit}: EM-fits BKT parameters per skill and writes them as JSON. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Fit BKT per skill by EM (Baum-Welch); write the parameters.",
                "",
                "Seeded random restarts keep the best likelihood of each skill; the",
                "parameters are written as JSON.",
                "",
                "Each student's answers on a skill form one sequence, in the order given.",
                "Slip and guess stay below 0.5 unless told otherwise. Skills are fitted",
                "in parallel.",
                "",
                "Example:",
                "  tutor kt fit --format dkt --data builder_train.csv --forgets \\",
                "      --out params.json",
                ""
        })
public final class KtFitCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "dkt|pybkt|datashop",
            description = "Log format: dkt, pybkt or datashop.")
    LogFormat format;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The response log to fit on.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "PARAMS.json", description = "Where to write the parameters.")
    Path out;

    @Option(names = "--kc-column", paramLabel = "NAME",
            description = "For datashop: the knowledge-component column (default: KC(Default)).")
    String kcColumn;

    @Mixin
    FitFlags flags;

    @Override
    public void run() {
        FitOptions options = flags.options();
        ResponseLog log = Logs.read(format, data, kcColumn);
        FitResult fit = new EmFitter(options).fit(log.bySkill());
        try {
            ParamsFile.write(out, fit, format.name().toLowerCase(), data);
        } catch (IOException e) {
            throw new UserException("tutor kt: cannot write " + out + ": " + e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        for (String note : log.notes()) o.println(Terminal.safe("note: " + note));
        o.print(Terminal.safe(String.format("fitted %s BKT on %d responses, %d students, %d skills in %.2f s (%d restarts, %d threads)%n",
                options.forgets() ? "forgetting" : "standard", log.size(), log.studentCount(), log.skillCount(),
                fit.seconds(), options.restarts(), options.threads())));
        o.print(Terminal.safe(String.format("log-likelihood %.1f; parameters written to %s%n", fit.logLikelihood(), out)));
    }
}
