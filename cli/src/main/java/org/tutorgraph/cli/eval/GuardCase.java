package org.tutorgraph.cli.eval;

import org.tutorgraph.graph.Item;

import java.util.List;

/**
 * One message to run the leak guard on, with its label.
 *
 * @param id          where it comes from (step and hint id, or dialogue and turn)
 * @param item        the item it is a hint for (prompt, answer type, answers, choices)
 * @param message     the hint or teacher turn, as plain text
 * @param learnerSaid what the learner had written before it (quoting it is not a leak)
 * @param group       a subgroup to report flag rates for (hint type, teacher move)
 * @param label       the ground truth: true = reveals the answer, false = does not, null = not scored (only counted)
 * @param mentions    the secondary label: whether the message contains the answer verbatim as a whole token
 */
record GuardCase(String id, Item item, String message, List<String> learnerSaid, String group, Boolean label, boolean mentions) {
}
