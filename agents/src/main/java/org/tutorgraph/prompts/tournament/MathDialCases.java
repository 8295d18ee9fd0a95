package org.tutorgraph.prompts.tournament;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.prompts.TutorSituation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds tournament cases from MathDial dialogues (JSON lines with {@code question}, {@code ground_truth},
 * {@code student_incorrect_solution}, {@code student_profile}, {@code teacher_described_confusion},
 * {@code conversation}: turns separated by {@code |EOM|}, teacher turns prefixed by their move).
 *
 * <p>Each dialogue becomes one case, cut at the first teacher turn after the student has spoken whose move is
 * {@code focus} or {@code probing} (MathDial's scaffolding moves): the turns before it form the dialogue, the move
 * gives the rung (focus → orient, probing → probe), and the human teacher's words become the rung text that grounds
 * the phrasing. The student's final wrong answer is the attempt, the teacher's description of the confusion the
 * misconception, and the student profile the mastery summary. Dialogues without such a turn are skipped.
 * O(file size).
 */
public final class MathDialCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEACHER = Pattern.compile("^Teacher:\\s*\\((\\w+)\\)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\$?\\d[\\d,]*(?:\\.\\d+)?");

    /** What reading produced: the cases and the lines that could not be used (with their line numbers). */
    public record Result(List<TournamentCase> cases, List<String> skipped, int dialogues) {
    }

    private MathDialCases() {
    }

    /**
     * Reads {@code file}, converts every usable dialogue, then keeps {@code limit} of them chosen at random with
     * {@code seed} (in file order). {@code limit <= 0} keeps all.
     */
    public static Result read(Path file, int limit, long seed) throws IOException {
        List<TournamentCase> all = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int dialogues = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                dialogues++;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    skipped.add(file + ":" + lineNo + ": not JSON");
                    continue;
                }
                Optional<TournamentCase> c = toCase(node);
                if (c.isPresent()) all.add(c.get());
                else skipped.add(file + ":" + lineNo + ": no focus or probing teacher turn after the student's first turn");
            }
        }
        if (limit > 0 && limit < all.size()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) idx.add(i);
            Collections.shuffle(idx, new Random(seed));
            List<Integer> keep = new ArrayList<>(idx.subList(0, limit));
            Collections.sort(keep);
            List<TournamentCase> chosen = new ArrayList<>();
            for (int i : keep) chosen.add(all.get(i));
            all = chosen;
        }
        return new Result(List.copyOf(all), List.copyOf(skipped), dialogues);
    }

    /** One dialogue as a case, or empty when it has no scaffolding teacher turn to cut at. */
    static Optional<TournamentCase> toCase(JsonNode d) {
        String question = text(d, "question");
        String conversation = text(d, "conversation");
        if (question.isBlank() || conversation.isBlank()) return Optional.empty();
        String[] turns = conversation.split("\\|EOM\\|");
        List<String> before = new ArrayList<>();
        boolean studentSpoke = false;
        for (String raw : turns) {
            String turn = raw.strip();
            Matcher t = TEACHER.matcher(turn);
            if (t.matches()) {
                String move = t.group(1).toLowerCase();
                String words = t.group(2).strip();
                Rung rung = move.equals("focus") ? Rung.ORIENT : move.equals("probing") ? Rung.PROBE : null;
                if (studentSpoke && rung != null && !words.isEmpty()) {
                    String id = "mathdial-" + (d.has("qid") ? d.get("qid").asText() : Integer.toHexString(question.hashCode()));
                    String solution = text(d, "student_incorrect_solution");
                    List<String> dialogue = new ArrayList<>();
                    if (!solution.isBlank()) dialogue.add("Student (written solution): " + solution.replaceAll("\\s*\\n\\s*", " ").strip());
                    dialogue.addAll(before);
                    TutorSituation s = new TutorSituation("MathDial (grade-school word problems)", "Multi-step word problems",
                            "Grade-school word problems (GSM8K) that need several arithmetic steps: pick out the relevant quantities, "
                                    + "decide the operations, and check the result against the story.",
                            question, List.of(), finalNumber(text(d, "ground_truth")), finalNumber(solution), "",
                            text(d, "teacher_described_confusion"), "", rung, words, text(d, "student_profile"),
                            String.join("\n", dialogue), "en");
                    return Optional.of(new TournamentCase(id, s));
                }
                before.add("Tutor: " + words);
            } else if (turn.startsWith("Student:")) {
                studentSpoke = true;
                before.add("Student: " + turn.substring("Student:".length()).strip());
            } else if (!turn.isEmpty()) {
                before.add(turn);
            }
        }
        return Optional.empty();
    }

    /** The final answer of a worked solution: the last number on its last non-blank line (after {@code ####} if any). */
    static String finalNumber(String solution) {
        if (solution == null || solution.isBlank()) return "";
        String s = solution;
        int hashes = s.lastIndexOf("####");
        if (hashes >= 0) s = s.substring(hashes + 4);
        String[] lines = s.strip().split("\\n");
        String last = lines[lines.length - 1].strip();
        Matcher m = NUMBER.matcher(last);
        String found = null;
        while (m.find()) found = m.group();
        return found == null ? last : found.replace("$", "").replace(",", "");
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() ? "" : n.asText().strip();
    }
}
