package org.tutorgraph.cli.kt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tutorgraph.cli.Terminal;
import org.tutorgraph.kt.EmFitter;
import org.tutorgraph.kt.Evaluation;
import org.tutorgraph.kt.FitOptions;
import org.tutorgraph.kt.FitResult;
import org.tutorgraph.kt.LogFormat;
import org.tutorgraph.kt.Metrics;
import org.tutorgraph.kt.ResponseLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code tutor kt eval}: fit on one log, score on another. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Fit BKT on a training log and score it on a test log.",
                "",
                "Prints AUC, RMSE, accuracy, the number of skills and responses, and the",
                "seconds the fit took.",
                "",
                "Predictions follow pyBKT's evaluation: each test answer is predicted",
                "from the posterior after the same student's previous answers on that",
                "skill (predict, then update), with the parameters fitted on the",
                "training log; skills never seen in training are predicted at 0.5.",
                "",
                "Example (ASSISTments 2009 builder split):",
                "  tutor kt eval --format dkt --train builder_train.csv \\",
                "      --test builder_test.csv --forgets",
                ""
        })
public final class KtEvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "dkt|pybkt|datashop",
            description = "Log format of both files: dkt, pybkt or datashop.")
    LogFormat format;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "The log to fit on.")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "The held-out log to score on.")
    Path test;

    @Option(names = "--json", description = "Print one JSON object: auc, rmse, accuracy, fitSeconds, skills, responses.")
    boolean json;

    @Option(names = "--kc-column", paramLabel = "NAME",
            description = "For datashop: the knowledge-component column (default: KC(Default)).")
    String kcColumn;

    @Mixin
    FitFlags flags;

    @Override
    public void run() {
        FitOptions options = flags.options();
        ResponseLog trainLog = Logs.read(format, train, kcColumn);
        ResponseLog testLog = Logs.read(format, test, kcColumn);
        FitResult fit = new EmFitter(options).fit(trainLog.bySkill());
        Evaluation.Result result = Evaluation.evaluate(fit.params(), testLog);
        Metrics m = result.metrics();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("auc", m.auc());
            node.put("rmse", m.rmse());
            node.put("accuracy", m.accuracy());
            node.put("fitSeconds", fit.seconds());
            node.put("skills", result.skills());
            node.put("responses", m.responses());
            o.println(node.toString());
            return;
        }
        o.print(Terminal.safe(String.format("%s BKT: fitted on %s (%d responses, %d skills), scored on %s%n",
                options.forgets() ? "Forgetting" : "Standard", train, trainLog.size(), trainLog.skillCount(), test)));
        o.print(Terminal.safe(String.format("  AUC        %.4f%n", m.auc())));
        o.print(Terminal.safe(String.format("  RMSE       %.4f%n", m.rmse())));
        o.print(Terminal.safe(String.format("  accuracy   %.4f%n", m.accuracy())));
        o.print(Terminal.safe(String.format("  skills     %d%s%n", result.skills(), result.unseenResponses() == 0 ? ""
                : " (" + result.unseenResponses() + " test response" + (result.unseenResponses() == 1 ? "" : "s")
                + " on skills unseen in training, predicted at 0.5)")));
        o.print(Terminal.safe(String.format("  responses  %d%n", m.responses())));
        o.print(Terminal.safe(String.format("  fit        %.2f s (%d restarts, %d threads)%n", fit.seconds(), options.restarts(), options.threads())));
    }
}
