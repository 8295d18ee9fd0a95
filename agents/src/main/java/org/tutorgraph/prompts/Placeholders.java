package org.tutorgraph.prompts;

/**
 * The words a template receives for an empty value ("(no attempt yet)"), in the course language so a French
 * template does not read English fragments. Unknown languages get English.
 */
record Placeholders(String noAttempt, String notGraded, String noMisconception, String noMastery, String noDialogue,
                    String noDescription, String notMultipleChoice) {

    static final Placeholders EN = new Placeholders("(no attempt yet)", "(not graded)", "(none diagnosed)",
            "(no mastery estimate yet)", "(no earlier turns)", "(no description)", "(not multiple choice)");
    static final Placeholders FR = new Placeholders("(pas encore de tentative)", "(non évaluée)", "(aucune identifiée)",
            "(pas encore d'estimation de maîtrise)", "(pas d'échanges précédents)", "(pas de description)", "(pas un QCM)");

    static Placeholders forLanguage(String tag) {
        return tag != null && (tag.equals("fr") || tag.startsWith("fr-")) ? FR : EN;
    }
}
