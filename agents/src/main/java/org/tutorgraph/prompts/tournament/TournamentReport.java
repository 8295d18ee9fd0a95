package org.tutorgraph.prompts.tournament;

import org.tutorgraph.models.call.ModelFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Presents a {@link TournamentResult}: a terminal table, a Markdown report and CSV files
 * ({@code ratings.csv}, {@code pairwise.csv}, {@code criteria.csv}, {@code verdicts.csv}, {@code outputs.csv}).
 */
public final class TournamentReport {

    public static final List<String> FILES = List.of("report.md", "ratings.csv", "pairwise.csv", "criteria.csv", "verdicts.csv", "outputs.csv");

    private TournamentReport() {
    }

    /** The summary line: what was compared and how. */
    public static String summary(TournamentResult r) {
        Tournament.Settings s = r.settings();
        return String.format(Locale.ROOT, "%d variants, %d cases, %d judge%s x %d criteri%s, %d rating period%s, seed %d: %d verdicts (%d invalid)",
                r.overall().size(), r.cases(), s.judges(), s.judges() == 1 ? "" : "s", s.criteria().size(),
                s.criteria().size() == 1 ? "on" : "a", r.rounds(), r.rounds() == 1 ? "" : "s", s.seed(), r.verdicts().size(), r.invalidVerdicts());
    }

    /**
     * How many model calls failed: {@code Model calls failed: 0 of 12 replies, 0 of 96 judgements.}, plus the
     * comparisons left unjudged for want of a reply.
     */
    public static String failures(TournamentResult r) {
        long judgements = r.verdicts().size() - r.notJudged();
        String line = String.format(Locale.ROOT, "Model calls failed: %d of %d replies", r.failedOutputs(), r.outputs().size())
                + (judgements == 0 ? "; no judgement was made." : String.format(Locale.ROOT, ", %d of %d judgements.",
                r.failedVerdicts(), judgements));
        if (r.notJudged() > 0) {
            line += String.format(Locale.ROOT, " %d comparison%s not judged: a reply was missing.", r.notJudged(),
                    r.notJudged() == 1 ? " was" : "s were");
        }
        return line;
    }

    /** Each distinct failure with what to do about it, one line each ("" when nothing failed). */
    public static List<String> failureDetails(TournamentResult r) {
        List<String> lines = new ArrayList<>();
        for (ModelFailure f : r.failures()) lines.add(f.summary() + (f.advice().isEmpty() ? "" : " Fix: " + f.advice()));
        return lines;
    }

    /** Plain-text tables for a terminal. */
    public static String terminal(TournamentResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Tournament: ").append(summary(r)).append("\n").append(failures(r)).append("\n");
        for (String line : failureDetails(r)) sb.append("  ").append(line).append('\n');
        sb.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"rank", "variant", "rating", "RD", "volatility", "W", "T", "L"});
        int rank = 1;
        for (Standing s : r.overall()) {
            rows.add(new String[]{String.valueOf(rank++), s.variant(), f1(s.rating().rating()), f1(s.rating().deviation()),
                    f4(s.rating().volatility()), String.valueOf(s.wins()), String.valueOf(s.ties()), String.valueOf(s.losses())});
        }
        table(sb, rows, "llrrrrrr");
        sb.append("\nP(row beats column), from the ratings:\n");
        table(sb, pairwiseRows(r), "l" + "r".repeat(r.overall().size()));
        sb.append("\nPer criterion (rating ± RD, W-T-L):\n");
        table(sb, criterionRows(r), "l" + "r".repeat(r.byCriterion().size()));
        return sb.toString();
    }

    /** The Markdown report. */
    public static String markdown(TournamentResult r, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n").append(summary(r)).append(".\n\n").append(failures(r)).append("\n\n");
        for (String line : failureDetails(r)) sb.append("- ").append(md(line)).append('\n');
        if (!r.failures().isEmpty()) sb.append('\n');
        sb.append("Method: each variant phrases the tutor's turn for every case; judges compare pairs of replies on one criterion ")
                .append("at a time, in random order and without the variants' names; Glicko-2 (tau ")
                .append(r.settings().tau()).append(") updates the ratings after each rating period.\n\n");
        sb.append("## Ratings\n\n| rank | variant | rating | RD | volatility | W | T | L |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
        int rank = 1;
        for (Standing s : r.overall()) {
            sb.append("| ").append(rank++).append(" | ").append(md(s.variant())).append(" | ").append(f1(s.rating().rating()))
                    .append(" | ").append(f1(s.rating().deviation())).append(" | ").append(f4(s.rating().volatility()))
                    .append(" | ").append(s.wins()).append(" | ").append(s.ties()).append(" | ").append(s.losses()).append(" |\n");
        }
        sb.append("\n## Pairwise win probabilities\n\nP(row beats column), from the final ratings and deviations.\n\n");
        mdTable(sb, pairwiseRows(r));
        sb.append("\n## Per criterion\n\nRating ± RD and wins-ties-losses on each criterion alone.\n\n");
        mdTable(sb, criterionRows(r));
        sb.append("\nFiles: ").append(String.join(", ", FILES.subList(1, FILES.size()))).append(".\n");
        return sb.toString();
    }

    /** Writes the report and the CSV files into {@code dir} (created when missing). */
    public static void write(TournamentResult r, Path dir, String title) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown(r, title));
        StringBuilder ratings = new StringBuilder(Csv.row("rank", "variant", "rating", "deviation", "volatility", "wins", "ties", "losses"));
        int rank = 1;
        for (Standing s : r.overall()) {
            ratings.append(Csv.row(String.valueOf(rank++), s.variant(), f4(s.rating().rating()), f4(s.rating().deviation()),
                    f6(s.rating().volatility()), String.valueOf(s.wins()), String.valueOf(s.ties()), String.valueOf(s.losses())));
        }
        Files.writeString(dir.resolve("ratings.csv"), ratings.toString());
        StringBuilder pairwise = new StringBuilder(Csv.row("variant", "opponent", "win_probability", "wins", "ties", "losses"));
        for (Standing a : r.overall()) {
            for (Standing b : r.overall()) {
                if (a == b) continue;
                int[] wtl = r.record(a.variant(), b.variant());
                pairwise.append(Csv.row(a.variant(), b.variant(), f4(r.winProbability(a.variant(), b.variant())),
                        String.valueOf(wtl[0]), String.valueOf(wtl[1]), String.valueOf(wtl[2])));
            }
        }
        Files.writeString(dir.resolve("pairwise.csv"), pairwise.toString());
        StringBuilder criteria = new StringBuilder(Csv.row("criterion", "rank", "variant", "rating", "deviation", "volatility", "wins", "ties", "losses"));
        for (Map.Entry<String, List<Standing>> e : r.byCriterion().entrySet()) {
            int k = 1;
            for (Standing s : e.getValue()) {
                criteria.append(Csv.row(e.getKey(), String.valueOf(k++), s.variant(), f4(s.rating().rating()), f4(s.rating().deviation()),
                        f6(s.rating().volatility()), String.valueOf(s.wins()), String.valueOf(s.ties()), String.valueOf(s.losses())));
            }
        }
        Files.writeString(dir.resolve("criteria.csv"), criteria.toString());
        StringBuilder verdicts = new StringBuilder(Csv.row("round", "case", "criterion", "judge", "reply_a", "reply_b", "winner", "reason"));
        for (Verdict v : r.verdicts()) {
            verdicts.append(Csv.row(String.valueOf(v.round()), v.caseId(), v.criterion(), String.valueOf(v.judge()), v.shownA(),
                    v.shownB(), v.winner(), v.reason()));
        }
        Files.writeString(dir.resolve("verdicts.csv"), verdicts.toString());
        StringBuilder outputs = new StringBuilder(Csv.row("case", "variant", "rung", "reply", "failure"));
        for (TournamentResult.Output o : r.outputs()) outputs.append(Csv.row(o.caseId(), o.variant(), o.rung().key(), o.text(), o.failure()));
        Files.writeString(dir.resolve("outputs.csv"), outputs.toString());
    }

    private static List<String[]> pairwiseRows(TournamentResult r) {
        List<String[]> rows = new ArrayList<>();
        List<String> names = r.ranking();
        String[] head = new String[names.size() + 1];
        head[0] = "";
        for (int i = 0; i < names.size(); i++) head[i + 1] = names.get(i);
        rows.add(head);
        for (String a : names) {
            String[] row = new String[names.size() + 1];
            row[0] = a;
            for (int i = 0; i < names.size(); i++) {
                row[i + 1] = a.equals(names.get(i)) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * r.winProbability(a, names.get(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String[]> criterionRows(TournamentResult r) {
        List<String[]> rows = new ArrayList<>();
        List<String> criteria = new ArrayList<>(r.byCriterion().keySet());
        String[] head = new String[criteria.size() + 1];
        head[0] = "variant";
        for (int i = 0; i < criteria.size(); i++) head[i + 1] = criteria.get(i);
        rows.add(head);
        for (String v : r.ranking()) {
            String[] row = new String[criteria.size() + 1];
            row[0] = v;
            for (int i = 0; i < criteria.size(); i++) {
                Standing s = r.byCriterion().get(criteria.get(i)).stream().filter(x -> x.variant().equals(v)).findFirst().orElseThrow();
                row[i + 1] = String.format(Locale.ROOT, "%.0f ± %.0f (%d-%d-%d)", s.rating().rating(), s.rating().deviation(),
                        s.wins(), s.ties(), s.losses());
            }
            rows.add(row);
        }
        return rows;
    }

    private static void table(StringBuilder sb, List<String[]> rows, String align) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                if (i > 0) line.append("  ");
                boolean right = i < align.length() && align.charAt(i) == 'r';
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                line.append(right ? pad + cell : cell + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static void mdTable(StringBuilder sb, List<String[]> rows) {
        for (int r = 0; r < rows.size(); r++) {
            sb.append("|");
            for (String cell : rows.get(r)) sb.append(' ').append(md(cell)).append(" |");
            sb.append('\n');
            if (r == 0) {
                sb.append("|");
                for (int i = 0; i < rows.get(0).length; i++) sb.append(i == 0 ? "---|" : "---:|");
                sb.append('\n');
            }
        }
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String f4(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    private static String f6(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    /** RFC 4180 rows: fields quoted when they hold a comma, quote or line break. */
    static final class Csv {
        private Csv() {
        }

        static String row(String... fields) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) sb.append(',');
                String f = fields[i] == null ? "" : fields[i];
                if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                    sb.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(f);
                }
            }
            return sb.append("\r\n").toString();
        }
    }
}
