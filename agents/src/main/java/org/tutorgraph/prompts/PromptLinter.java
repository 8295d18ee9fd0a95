package org.tutorgraph.prompts;

import org.tutorgraph.prompts.PromptRegistry.Agent;
import org.tutorgraph.prompts.PromptRegistry.TemplateSpec;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks template files and the library they form, reporting each problem with file and line:
 * <ul>
 *   <li>per file (see {@link TemplateParser}): a header that does not parse or misses a field, a name that does not
 *       match the file, unknown variables, variables the caller does not supply (the answer below bottom-out among
 *       them), declared variables the body never uses, used ones the header does not declare, and a body that asks
 *       the model to reveal the answer below bottom-out;</li>
 *   <li>per library: a missing template (a rung nobody phrases, a judge criterion without its template), and a
 *       language folder that translates only some of the tutor's templates.</li>
 * </ul>
 * O(total size of the files).
 */
public final class PromptLinter {

    private PromptLinter() {
    }

    /**
     * Lints the files of {@code filesToCheck} and the completeness of the library {@code library} (precedence order).
     * The problems come sorted by file and line.
     */
    public static List<PromptProblem> lint(List<PromptSource> filesToCheck, List<PromptSource> library) {
        List<PromptProblem> problems = new ArrayList<>();
        for (PromptSource source : filesToCheck) {
            if (!Files.isDirectory(source.dir())) {
                problems.add(PromptProblem.error(source.dir().toString(), 0, "no prompt directory here"));
                continue;
            }
            for (PromptLibrary.FileRef ref : PromptLibrary.files(source, problems)) {
                problems.addAll(PromptLibrary.parseFile(ref).problems());
            }
        }
        problems.addAll(completeness(library));
        return problems;
    }

    /** Missing templates and partly translated language folders in the library formed by {@code sources}. */
    static List<PromptProblem> completeness(List<PromptSource> sources) {
        List<PromptProblem> problems = new ArrayList<>();
        Set<PromptLibrary.Key> usable = new TreeSet<>();
        for (PromptSource source : sources) {
            if (!Files.isDirectory(source.dir())) continue;
            for (PromptLibrary.FileRef ref : PromptLibrary.files(source, new ArrayList<>())) {
                if (PromptLibrary.parseFile(ref).usable()) {
                    usable.add(new PromptLibrary.Key(ref.language(), PromptLibrary.stripMd(ref.fileName())));
                }
            }
        }
        String where = sources.isEmpty() ? "" : sources.get(0).dir().toString();
        for (TemplateSpec spec : PromptRegistry.templates()) {
            if (usable.contains(new PromptLibrary.Key("", spec.name()))) continue;
            String what = spec.rung().map(r -> "no usable template for the " + r.key() + " rung: add " + spec.name() + ".md")
                    .orElse("no usable template " + spec.name() + ".md (" + spec.purpose() + ")");
            problems.add(PromptProblem.error(where, 0, what));
        }
        Set<String> languages = new LinkedHashSet<>();
        for (PromptLibrary.Key k : usable) if (!k.language().isEmpty()) languages.add(k.language());
        List<String> tutorNames = PromptRegistry.templates().stream()
                .filter(s -> s.agent() == Agent.TUTOR).map(TemplateSpec::name).toList();
        for (String lang : languages) {
            boolean translatesTutor = tutorNames.stream().anyMatch(n -> usable.contains(new PromptLibrary.Key(lang, n)));
            if (!translatesTutor) continue;
            for (String n : tutorNames) {
                if (usable.contains(new PromptLibrary.Key(lang, n))) continue;
                problems.add(PromptProblem.warning(where, 0, lang + "/ has no " + n + ".md: " + Languages.englishName(lang)
                        + " courses get the base " + n + " (the tutor's instructions would mix languages)"));
            }
        }
        return problems;
    }

    public static boolean hasErrors(List<PromptProblem> problems) {
        return problems.stream().anyMatch(PromptProblem::isError);
    }
}
