package org.tutorgraph.prompts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.pack.Suggestions;
import org.tutorgraph.prompts.PromptRegistry.Agent;
import org.tutorgraph.prompts.PromptRegistry.Role;
import org.tutorgraph.prompts.PromptRegistry.TemplateSpec;
import org.tutorgraph.prompts.PromptRegistry.Variable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a template file: YAML front matter between two {@code ---} lines, then the body. Checks the file against
 * {@link PromptRegistry} and reports every problem with its line. A file with an error is not usable; warnings
 * (an unused declared variable, an undeclared one, an unknown template name) leave it usable.
 *
 * <p>File format:
 * <pre>
 * ---
 * name: tutor-probe                 # = file name without .md
 * purpose: one line
 * agent: tutor                      # tutor | diagnostician | planner | judge
 * rung: probe                       # orient | probe | scaffold | bottom-out (tutor rung templates only)
 * role: user                        # system | user (default user)
 * language: fr                      # optional; must match the language folder (fr/tutor-probe.md)
 * variables:                        # every variable the body uses, with a one-line meaning
 *   concept: the concept's name
 * samples:                          # optional values for `tutor prompts render`
 *   concept: Adding integers
 * ---
 * Body with {{concept}} …
 * </pre>
 * O(file length).
 */
public final class TemplateParser {

    /** The variable syntax of langchain4j's default {@code PromptTemplate}: {@code {{name}}} or {@code {{ name }}}. */
    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(.+?)\\s*\\}\\}");

    static final Set<String> HEADER_KEYS = Set.of("name", "purpose", "agent", "rung", "role", "language", "variables", "samples");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A parse: the template when it has no error, and every problem found. */
    public record Result(Optional<Template> template, List<PromptProblem> problems) {
        public boolean usable() {
            return template.isPresent();
        }
    }

    private TemplateParser() {
    }

    /** The variables used in {@code body}, in order of first use. */
    public static List<String> variablesIn(String body) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(body);
        while (m.find()) out.add(m.group(1).trim());
        return List.copyOf(out);
    }

    /**
     * Parses and checks one template file.
     *
     * @param text     the file's content
     * @param fileName the file name ({@code tutor-probe.md}); the header's name must match it
     * @param language the language folder it sits in ({@code ""} for none)
     * @param location how messages name the file
     * @param path     the file
     * @param origin   the source label ({@code default} or the user directory)
     */
    public static Result parse(String text, String fileName, String language, String location, Path path, String origin) {
        List<PromptProblem> problems = new ArrayList<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(PromptProblem.error(location, 1, "a template starts with a header between two '---' lines (name, purpose, agent, variables)"));
            return new Result(Optional.empty(), problems);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(PromptProblem.error(location, 1, "the header is not closed: add a line '---' after it"));
            return new Result(Optional.empty(), problems);
        }
        String headerText = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
        int first = close + 1;
        while (first < lines.length && lines[first].isBlank()) first++;
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.min(first, lines.length), lines.length))
                .replace("\r", "").stripTrailing();
        int bodyLine = first + 1;
        String expectedName = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;

        Optional<TemplateHeader> header = parseHeader(headerText, expectedName, language, location, problems);
        if (header.isEmpty()) return new Result(Optional.empty(), problems);
        checkBody(header.get(), body, bodyLine, location, problems);
        boolean hasError = problems.stream().anyMatch(PromptProblem::isError);
        if (hasError) return new Result(Optional.empty(), problems);
        return new Result(Optional.of(new Template(header.get(), body, bodyLine, language, location, path, origin, text)), problems);
    }

    private static Optional<TemplateHeader> parseHeader(String headerText, String expectedName, String language, String location,
                                                        List<PromptProblem> problems) {
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = YAML.readTree(headerText);
            recordLines(headerText, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            problems.add(PromptProblem.error(location, line, "the header is not valid YAML: " + yamlMessage(e.getOriginalMessage())));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(PromptProblem.error(location, 1, "the header cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(PromptProblem.error(location, 2, "the header must be a YAML mapping (name: …, purpose: …, agent: …)"));
            return Optional.empty();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!HEADER_KEYS.contains(key)) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/" + key, 2),
                        "unknown header key '" + key + "' (known: name, purpose, agent, rung, role, language, variables, samples)"));
            }
        }
        String name = text(root, "name");
        if (name == null || name.isBlank()) {
            problems.add(PromptProblem.error(location, 2, "the header needs 'name: " + expectedName + "'"));
            name = expectedName;
        } else if (!name.equals(expectedName)) {
            problems.add(PromptProblem.error(location, lines.getOrDefault("/name", 2),
                    "name '" + name + "' does not match the file name: call the file " + name + ".md or the template " + expectedName));
        }
        String purpose = text(root, "purpose");
        if (purpose == null || purpose.isBlank()) {
            problems.add(PromptProblem.error(location, 2, "the header needs 'purpose:', one line saying what the template is for"));
            purpose = "";
        }
        Optional<TemplateSpec> spec = PromptRegistry.spec(name);
        String agentText = text(root, "agent");
        Agent agent = null;
        if (agentText == null) {
            problems.add(PromptProblem.error(location, 2, "the header needs 'agent:' (tutor, diagnostician, planner or judge)"));
        } else {
            agent = Agent.fromKey(agentText).orElse(null);
            if (agent == null) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/agent", 2),
                        "unknown agent '" + agentText + "' (tutor, diagnostician, planner or judge)"));
            } else if (spec.isPresent() && spec.get().agent() != agent) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/agent", 2),
                        name + " is rendered by the " + spec.get().agent().key() + ", not the " + agent.key()));
            }
        }
        Optional<Rung> rung = Optional.empty();
        String rungText = text(root, "rung");
        if (rungText != null) {
            rung = Rung.fromKey(rungText);
            if (rung.isEmpty()) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/rung", 2),
                        "unknown rung '" + rungText + "' (orient, probe, scaffold or bottom-out)"));
            }
        }
        if (spec.isPresent() && rung.isPresent() && !spec.get().rung().equals(rung)) {
            String templateName = name;
            problems.add(PromptProblem.error(location, lines.getOrDefault("/rung", 2), spec.get().rung()
                    .map(r -> templateName + " phrases the " + r.key() + " rung, not " + rungText)
                    .orElse(templateName + " serves every rung: remove 'rung: " + rungText + "'")));
        }
        if (spec.isPresent() && spec.get().rung().isPresent() && rung.isEmpty() && rungText == null) {
            rung = spec.get().rung();
        }
        Role role = spec.map(TemplateSpec::role).orElse(Role.USER);
        String roleText = text(root, "role");
        if (roleText != null) {
            Optional<Role> r = Role.fromKey(roleText);
            if (r.isEmpty()) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/role", 2), "unknown role '" + roleText + "' (system or user)"));
            } else if (spec.isPresent() && r.get() != spec.get().role()) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/role", 2),
                        name + " becomes the " + spec.get().role().key() + " message, not the " + roleText + " message"));
            } else {
                role = r.get();
            }
        }
        Optional<String> lang = Optional.empty();
        String langText = text(root, "language");
        if (langText != null) {
            Optional<String> tag = Languages.normalise(langText);
            if (tag.isEmpty()) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/language", 2), "'" + langText + "' is not a BCP 47 language tag (e.g. fr, pt-BR)"));
            } else if (!tag.get().equals(language)) {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/language", 2), language.isEmpty()
                        ? "a template for language " + tag.get() + " goes in the folder " + tag.get() + "/ (move it there)"
                        : "this file sits in " + language + "/ but says language " + tag.get()));
            } else {
                lang = tag;
            }
        }
        Map<String, String> variables = stringMap(root, "variables", location, lines, problems, true);
        Map<String, String> samples = stringMap(root, "samples", location, lines, problems, false);
        for (Map.Entry<String, String> e : variables.entrySet()) {
            int line = lines.getOrDefault("/variables/" + pointerEscape(e.getKey()), lines.getOrDefault("/variables", 2));
            checkVariable(e.getKey(), name, spec, location, line, problems, "declares");
            if (e.getValue().isBlank()) {
                problems.add(PromptProblem.warning(location, line, "variable '" + e.getKey() + "' has no meaning: say in one line what it holds"));
            }
        }
        for (String key : samples.keySet()) {
            if (!variables.containsKey(key)) {
                problems.add(PromptProblem.warning(location, lines.getOrDefault("/samples/" + pointerEscape(key), 2),
                        "sample for '" + key + "', which the header does not declare under variables"));
            }
        }
        if (spec.isEmpty() && name.equals(expectedName)) {
            problems.add(PromptProblem.warning(location, lines.getOrDefault("/name", 2), "nothing renders a template called '" + name
                    + "' (known: " + String.join(", ", PromptRegistry.requiredNames()) + ", or judge-<criterion>)"));
        }
        if (agent == null) return Optional.empty();
        return Optional.of(new TemplateHeader(name, purpose.strip(), agent, rung, role, lang, variables, samples, lines));
    }

    /** Checks a variable's use in template {@code name}; adds an error when the caller does not supply it. */
    static void checkVariable(String variable, String name, Optional<TemplateSpec> spec, String location, int line,
                              List<PromptProblem> problems, String verb) {
        if (PromptRegistry.BUILT_IN.contains(variable)) return;
        Optional<Variable> known = PromptRegistry.variable(variable);
        if (known.isEmpty()) {
            problems.add(PromptProblem.error(location, line, name + " " + verb + " unknown variable {{" + variable + "}}"
                    + suggestion(variable) + " (tutor prompts vars lists them)"));
            return;
        }
        if (spec.isEmpty()) return;
        if (spec.get().variables().contains(variable)) return;
        if (known.get().secret() && spec.get().belowBottomOut()) {
            problems.add(PromptProblem.error(location, line, "{{" + variable + "}} is the item's answer: " + name
                    + " speaks to the student below bottom-out, so it must not receive it (only tutor-bottom-out, the Diagnostician and the judges do)"));
            return;
        }
        problems.add(PromptProblem.error(location, line, name + " " + verb + " {{" + variable + "}}, which its caller does not supply (it receives: "
                + String.join(", ", spec.get().variables()) + ")"));
    }

    private static void checkBody(TemplateHeader header, String body, int bodyLine, String location, List<PromptProblem> problems) {
        if (body.isBlank()) {
            problems.add(PromptProblem.error(location, bodyLine, "the body is empty: write the text the model receives after the header"));
            return;
        }
        Optional<TemplateSpec> spec = PromptRegistry.spec(header.name());
        String[] bodyLines = body.split("\n", -1);
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < bodyLines.length; i++) {
            String line = bodyLines[i];
            Matcher m = VARIABLE.matcher(line);
            int consumedTo = 0;
            while (m.find()) {
                String var = m.group(1).trim();
                consumedTo = m.end();
                if (!reported.add(var)) continue;
                if (!header.variables().containsKey(var)) checkVariable(var, header.name(), spec, location, bodyLine + i, problems, "uses");
                if (!header.variables().containsKey(var) && !PromptRegistry.BUILT_IN.contains(var)
                        && PromptRegistry.variable(var).isPresent()) {
                    problems.add(PromptProblem.warning(location, bodyLine + i,
                            "{{" + var + "}} is used but not declared under 'variables:' in the header"));
                }
            }
            int open = line.indexOf("{{", consumedTo);
            if (open >= 0) {
                problems.add(PromptProblem.warning(location, bodyLine + i, "'{{' without a closing '}}' on this line: the model will see it literally"));
            }
        }
        Set<String> used = new LinkedHashSet<>(variablesIn(body));
        for (String declared : header.variables().keySet()) {
            if (!used.contains(declared)) {
                problems.add(PromptProblem.warning(location, header.line("/variables/" + pointerEscape(declared), 2),
                        "variable '" + declared + "' is declared but the body never uses it"));
            }
        }
        boolean belowBottomOut = spec.map(TemplateSpec::belowBottomOut)
                .orElse(header.agent() == Agent.TUTOR && header.rung().map(r -> r != Rung.BOTTOM_OUT).orElse(true));
        if (belowBottomOut) {
            for (RevealRequests.Finding f : RevealRequests.find(body, bodyLine)) {
                problems.add(PromptProblem.error(location, f.line(), "asks the model to reveal the answer below bottom-out (\""
                        + f.phrase() + "\"): only tutor-bottom-out may tell; say what to do instead, e.g. 'ask a question that leads to the next step'"));
            }
        }
    }

    /** SnakeYAML's message without its echo of the source and its caret lines: "while parsing …; expected …". */
    private static String yamlMessage(String message) {
        if (message == null) return "unreadable";
        List<String> parts = new ArrayList<>();
        for (String l : message.split("\n")) {
            if (l.isBlank() || Character.isWhitespace(l.charAt(0))) continue;
            parts.add(l.strip());
        }
        return parts.isEmpty() ? message.strip() : String.join("; ", parts);
    }

    /** " (did you mean {{x}}?)" for the closest known variable, when it is a plausible typo ({@link Suggestions}). */
    private static String suggestion(String variable) {
        return Suggestions.closest(variable, PromptRegistry.variables().stream().map(Variable::name).toList())
                .map(s -> " (did you mean {{" + s + "}}?)").orElse("");
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return null;
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static Map<String, String> stringMap(JsonNode root, String key, String location, Map<String, Integer> lines,
                                                 List<PromptProblem> problems, boolean required) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(PromptProblem.warning(location, 2, "the header has no 'variables:' list: declare each variable the body uses with its meaning"));
            }
            return out;
        }
        if (!n.isObject()) {
            problems.add(PromptProblem.error(location, lines.getOrDefault("/" + key, 2), "'" + key + "' must be a mapping of name: text"));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                out.put(e.getKey(), "");
            } else if (v.isValueNode()) {
                out.put(e.getKey(), v.asText());
            } else {
                problems.add(PromptProblem.error(location, lines.getOrDefault("/" + key + "/" + pointerEscape(e.getKey()), 2),
                        "'" + key + "." + e.getKey() + "' must be text (quote it, or use '|' for several lines)"));
            }
        }
        return out;
    }

    /** Records the file line of every header key, by JSON pointer; header line 1 is file line 2. */
    private static void recordLines(String headerText, Map<String, Integer> lines) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(headerText)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr() + 1);
                }
            }
        }
    }

    private static String pointerEscape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
