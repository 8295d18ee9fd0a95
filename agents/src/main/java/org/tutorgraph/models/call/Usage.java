package org.tutorgraph.models.call;

/**
 * Model usage counted from what servers report (OpenAI {@code usage}, including a stream's final chunk; Ollama
 * {@code prompt_eval_count} / {@code eval_count}).
 *
 * @param calls            calls made (a retried call counts once)
 * @param failures         calls that gave nothing usable
 * @param promptTokens     tokens read by the model, as reported
 * @param completionTokens tokens written by the model, as reported
 * @param unreported       successful calls whose server reported no token counts
 */
public record Usage(long calls, long failures, long promptTokens, long completionTokens, long unreported) {

    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage plus(Usage o) {
        return new Usage(calls + o.calls, failures + o.failures, promptTokens + o.promptTokens,
                completionTokens + o.completionTokens, unreported + o.unreported);
    }

    public Usage minus(Usage o) {
        return new Usage(calls - o.calls, failures - o.failures, promptTokens - o.promptTokens,
                completionTokens - o.completionTokens, unreported - o.unreported);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
