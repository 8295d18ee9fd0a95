package org.tutorgraph.models.prompt;

import org.tutorgraph.models.call.Failures;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.config.ModelSettings;

import java.util.Map;

/**
 * Where the model layer gets its prompt text: a template name ({@code tutor-probe}, {@code grade-answer}, …) and its
 * variables in, the filled text out. The prompt library ({@code PromptLibrary::render}) is the real one.
 */
@FunctionalInterface
public interface Prompts {

    /** The template {@code name} filled with {@code vars}; throws if the template or a variable is missing. */
    String render(String name, Map<String, ?> vars);

    /**
     * {@link #render} for a call made with {@code s}: a template that cannot be rendered (a broken override in the
     * user's prompt folder) is a {@link ModelFailure.Kind#BAD_TEMPLATE} failure, so the session falls back offline.
     */
    default ModelResult<String> tryRender(String name, Map<String, ?> vars, ModelSettings s) {
        try {
            return ModelResult.ok(render(name, vars));
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ModelResult.failed(Failures.of(ModelFailure.Kind.BAD_TEMPLATE, s, "template " + name + ": " + m));
        }
    }
}
