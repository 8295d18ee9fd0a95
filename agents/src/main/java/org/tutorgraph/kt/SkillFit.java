package org.tutorgraph.kt;

/**
 * The fitted model of one skill.
 *
 * @param skill         the skill's name in the log
 * @param params        the parameters with the best log-likelihood over the restarts
 * @param logLikelihood natural-log likelihood of the skill's responses under {@code params}
 * @param iterations    EM iterations of the winning restart
 * @param restart       which restart won (0-based)
 * @param responses     responses on the skill
 * @param sequences     students (sequences) on the skill
 */
public record SkillFit(String skill, BktParams params, double logLikelihood, int iterations, int restart,
                       int responses, int sequences) {
}
