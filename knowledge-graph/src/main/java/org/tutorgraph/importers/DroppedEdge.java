package org.tutorgraph.importers;

/**
 * A prerequisite edge of the source left out of the imported graph to break a cycle.
 *
 * @param prerequisite concept id the edge came from
 * @param concept      concept id that required it
 * @param where        where the source declares it ({@code file:line}, or {@code file (record …)})
 * @param reason       why this edge was the one dropped
 */
public record DroppedEdge(String prerequisite, String concept, String where, String reason) {
    @Override
    public String toString() {
        return where + ": dropped " + prerequisite + " -requires-> " + concept + " (" + reason + ")";
    }
}
