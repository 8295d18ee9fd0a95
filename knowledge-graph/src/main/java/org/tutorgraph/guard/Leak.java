package org.tutorgraph.guard;

/**
 * Where a message reveals a protected answer.
 *
 * @param start  offset of the revealing span in the message
 * @param end    offset after it
 * @param text   the span ({@code message.substring(start, end)})
 * @param form   how it reveals the answer
 * @param secret which answer it reveals
 */
public record Leak(int start, int end, String text, LeakForm form, Secret secret) {
}
