package org.tutorgraph.messages;

import org.tutorgraph.prompts.Languages;

import java.util.Set;

/**
 * Which plural form a count takes, after CLDR's cardinal rules for whole numbers: English and most languages say
 * "1 question" and "0 questions" ({@code one} for 1 only); French, Portuguese and a few others also say
 * "0 question" ({@code one} for 0 and 1). Only {@code one} and {@code other} are told apart: a language that needs more
 * forms (Polish {@code few}) still gets {@code other}, which its file should phrase neutrally. O(1).
 */
public final class Plurals {

    /** Languages whose {@code one} covers 0 and 1 (CLDR: {@code i = 0,1}). */
    private static final Set<String> ZERO_IS_ONE = Set.of("fr", "pt", "hy", "kab", "ff", "ln", "ak", "am", "bn", "fa", "gu", "hi", "kn", "zu");

    private Plurals() {
    }

    /** {@code "one"} or {@code "other"} for a whole {@code count} in {@code languageTag}. */
    public static String category(String languageTag, long count) {
        String lang = Languages.normalise(languageTag).map(t -> t.split("-")[0]).orElse("en");
        long n = Math.abs(count);
        if (ZERO_IS_ONE.contains(lang)) return n <= 1 ? "one" : "other";
        return n == 1 ? "one" : "other";
    }
}
