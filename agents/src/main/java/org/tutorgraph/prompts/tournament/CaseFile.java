package org.tutorgraph.prompts.tournament;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.prompts.Languages;
import org.tutorgraph.prompts.TutorSituation;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes tournament case files: YAML with a list {@code cases:} whose entries hold an {@code id}, a
 * {@code rung} and the tutor variables by their template names ({@code item}, {@code attempt},
 * {@code misconception}, {@code rungText}, …; see {@code tutor prompts vars}). Every problem is reported with
 * file and line. O(file size).
 */
public final class CaseFile {

    /** One case as written in the file. */
    @JsonPropertyOrder({"id", "rung", "language", "course", "concept", "conceptDescription", "item", "choices", "answer",
            "attempt", "misconception", "misconceptionProbe", "rungText", "mastery", "dialogue"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String id, String rung, String language, String course, String concept, String conceptDescription,
                        String item, List<String> choices, String answer, String attempt, String misconception,
                        String misconceptionProbe, String rungText, String mastery, String dialogue) {

        static Entry of(TournamentCase c) {
            TutorSituation s = c.situation();
            return new Entry(c.id(), s.rung().key(), s.languageTag(), s.course(), s.concept(), s.conceptDescription(),
                    s.item(), s.choices(), s.answer(), s.attempt(), s.misconception(), s.misconceptionProbe(), s.rungText(),
                    s.mastery(), s.dialogue());
        }
    }

    private record Document(String description, List<Entry> cases) {
    }

    private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private static final ObjectMapper JSON_READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private CaseFile() {
    }

    /** Reads a case file (YAML, or JSON when the name ends in {@code .json}). */
    public static List<TournamentCase> read(Path file) throws CaseFileException, IOException {
        String text = Files.readString(file);
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? JSON_READER : READER;
        List<String> problems = new ArrayList<>();
        List<TournamentCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new CaseFileException(List.of(file + ":1: a case file is a mapping with a list 'cases:'"));
            boolean sawCases = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("description")) {
                    p.skipChildren();
                    continue;
                }
                if (!field.equals("cases")) {
                    problems.add(file + ":" + line(p.currentTokenLocation()) + ": unknown key '" + field + "' (a case file has 'description' and 'cases')");
                    p.skipChildren();
                    continue;
                }
                sawCases = true;
                if (value != JsonToken.START_ARRAY) {
                    problems.add(file + ":" + line(p.currentTokenLocation()) + ": 'cases' must be a list");
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int caseLine = line(p.currentTokenLocation());
                    try {
                        Entry e = mapper.readValue(p, Entry.class);
                        toCase(e, file, caseLine, ids, problems).ifPresent(cases::add);
                    } catch (UnrecognizedPropertyException e) {
                        problems.add(file + ":" + line(e.getLocation()) + ": unknown case field '" + e.getPropertyName()
                                + "' (known: id, rung, language, course, concept, conceptDescription, item, choices, answer, attempt, "
                                + "misconception, misconceptionProbe, rungText, mastery, dialogue)");
                        skipToEndOfObject(p);
                    }
                }
            }
            if (!sawCases) problems.add(file + ":1: no 'cases:' list");
        } catch (JsonProcessingException e) {
            problems.add(file + ":" + line(e.getLocation()) + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
        if (!problems.isEmpty()) throw new CaseFileException(problems);
        if (cases.isEmpty()) throw new CaseFileException(List.of(file + ": the file has no cases"));
        return cases;
    }

    private static void skipToEndOfObject(JsonParser p) throws IOException {
        int depth = p.getParsingContext().inObject() ? 1 : 0;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) return;
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
        }
    }

    private static java.util.Optional<TournamentCase> toCase(Entry e, Path file, int line, Set<String> ids, List<String> problems) {
        String where = file + ":" + line + ": ";
        int before = problems.size();
        if (e.id() == null || e.id().isBlank()) problems.add(where + "a case needs an 'id'");
        else if (!ids.add(e.id())) problems.add(where + "duplicate case id '" + e.id() + "'");
        if (e.item() == null || e.item().isBlank()) problems.add(where + "case " + e.id() + " needs an 'item' (the question)");
        Rung rung = null;
        if (e.rung() == null) problems.add(where + "case " + e.id() + " needs a 'rung' (orient, probe, scaffold or bottom-out)");
        else {
            rung = Rung.fromKey(e.rung()).orElse(null);
            if (rung == null) problems.add(where + "case " + e.id() + ": unknown rung '" + e.rung() + "' (orient, probe, scaffold or bottom-out)");
        }
        if (e.language() != null && Languages.normalise(e.language()).isEmpty()) {
            problems.add(where + "case " + e.id() + ": '" + e.language() + "' is not a BCP 47 language tag");
        }
        if (problems.size() > before) return java.util.Optional.empty();
        TutorSituation s = new TutorSituation(e.course(), e.concept(), e.conceptDescription(), e.item(), e.choices(), e.answer(),
                e.attempt(), "", e.misconception(), e.misconceptionProbe(), rung, e.rungText(), e.mastery(), e.dialogue(),
                e.language() == null ? "en" : e.language());
        return java.util.Optional.of(new TournamentCase(e.id(), s));
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(1, location.getLineNr());
    }

    /** The YAML text of a case file. */
    public static String write(String description, List<TournamentCase> cases) {
        try {
            StringWriter out = new StringWriter();
            WRITER.writeValue(out, new Document(description, cases.stream().map(Entry::of).toList()));
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a case file. */
    public static void write(Path file, String description, List<TournamentCase> cases) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, write(description, cases));
    }
}
