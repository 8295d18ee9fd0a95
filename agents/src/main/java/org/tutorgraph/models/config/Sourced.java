package org.tutorgraph.models.config;

/**
 * A raw setting and where it was written, so that an error or {@code tutor doctor} can say
 * "{@code --tutor-model}" or "{@code config.yaml:7}" instead of guessing.
 *
 * @param value  the text as written
 * @param origin where it came from, safe to print ({@code "flag --model"}, {@code "TUTORGRAPH_MODEL"},
 *               {@code "/home/a/.config/tutorgraph/config.yaml:4"}, {@code "default"})
 */
public record Sourced(String value, String origin) {
}
