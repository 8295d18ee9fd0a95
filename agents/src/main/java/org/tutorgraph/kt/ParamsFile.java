package org.tutorgraph.kt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code PARAMS.json} that {@code tutor kt fit} writes: how the fit was made, and per skill its parameters with
 * the amount of data behind them.
 *
 * <pre>{@code
 * { "model": "bkt", "forgets": false, "format": "dkt", "data": "builder_train.csv",
 *   "restarts": 5, "seed": 0, "maxSlip": 0.5, "maxGuess": 0.5, "responses": 407967, "fitSeconds": 2.1,
 *   "logLikelihood": -190000.0,
 *   "skills": { "82": { "prior": 0.61, "learn": 0.12, "slip": 0.08, "guess": 0.21, "forget": 0.0,
 *                       "responses": 2400, "students": 300, "logLikelihood": -1200.0, "iterations": 41 } } }
 * }</pre>
 */
public final class ParamsFile {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParamsFile() {
    }

    /** The JSON document for a fit. */
    public static ObjectNode toJson(FitResult fit, String format, Path data) {
        ObjectNode root = JSON.createObjectNode();
        FitOptions o = fit.options();
        root.put("model", "bkt");
        root.put("forgets", o.forgets());
        root.put("format", format);
        root.put("data", data == null ? "" : data.toString());
        root.put("restarts", o.restarts());
        root.put("seed", o.seed());
        root.put("maxSlip", o.maxSlip());
        root.put("maxGuess", o.maxGuess());
        root.put("responses", fit.responses());
        root.put("fitSeconds", round(fit.seconds(), 3));
        root.put("logLikelihood", round(fit.logLikelihood(), 3));
        ObjectNode skills = root.putObject("skills");
        for (SkillFit f : fit.skills()) {
            ObjectNode s = skills.putObject(f.skill());
            putParams(s, f.params());
            s.put("responses", f.responses());
            s.put("students", f.sequences());
            s.put("logLikelihood", round(f.logLikelihood(), 3));
            s.put("iterations", f.iterations());
        }
        return root;
    }

    static void putParams(ObjectNode s, BktParams p) {
        s.put("prior", round(p.prior(), 6));
        s.put("learn", round(p.learn(), 6));
        s.put("slip", round(p.slip(), 6));
        s.put("guess", round(p.guess(), 6));
        s.put("forget", round(p.forget(), 6));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    public static void write(Path out, FitResult fit, String format, Path data) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(out, JSON.writeValueAsString(toJson(fit, format, data)) + "\n");
    }

    /**
     * Reads the skill → parameters table of a {@code PARAMS.json}.
     *
     * @throws LogFormatException naming the file and each skill whose parameters are missing or out of range
     */
    public static Map<String, BktParams> read(Path file) throws IOException, LogFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LogFormatException(List.of(new LogProblem(file, line, "not valid JSON: " + e.getOriginalMessage())));
        }
        JsonNode skills = root == null ? null : root.get("skills");
        if (skills == null || !skills.isObject()) {
            throw new LogFormatException(List.of(new LogProblem(file, 0, "expected an object with a \"skills\" object (as `tutor kt fit` writes)")));
        }
        return readParamsObject(file, skills, "skill");
    }

    /** Reads {@code {name: {prior, learn, slip, guess[, forget]}}}; {@code what} names the keys in messages. */
    static Map<String, BktParams> readParamsObject(Path file, JsonNode object, String what) throws LogFormatException {
        Map<String, BktParams> out = new LinkedHashMap<>();
        List<LogProblem> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            try {
                out.put(e.getKey(), new BktParams(field(n, "prior"), field(n, "learn"), field(n, "slip"), field(n, "guess"),
                        n.has("forget") ? field(n, "forget") : 0.0));
            } catch (IllegalArgumentException ex) {
                problems.add(new LogProblem(file, 0, what + " " + e.getKey() + ": " + ex.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new LogFormatException(problems);
        return out;
    }

    private static double field(JsonNode n, String name) {
        JsonNode v = n == null ? null : n.get(name);
        if (v == null || !v.isNumber()) throw new IllegalArgumentException("\"" + name + "\" must be a number");
        return v.asDouble();
    }
}
