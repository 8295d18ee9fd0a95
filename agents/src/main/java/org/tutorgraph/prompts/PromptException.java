package org.tutorgraph.prompts;

/** A template cannot be found or rendered (no usable version, or a variable its caller did not supply). */
public class PromptException extends RuntimeException {
    public PromptException(String message) {
        super(message);
    }
}
