package org.tutorgraph.session.model;

/**
 * The learner model's knowledge-tracing state for one concept: what {@link org.tutorgraph.session.message.MasteryUpdated}
 * last said about it.
 *
 * @param posterior P(mastered)
 * @param pUnknown  P(not mastered), kept apart for precision (see {@link org.tutorgraph.kt.BktParams#update(double[], boolean)})
 * @param answers   graded answers on this concept
 * @param correct   how many of them were right
 */
public record ConceptState(double posterior, double pUnknown, int answers, int correct) {
}
