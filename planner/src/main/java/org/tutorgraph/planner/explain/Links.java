package org.tutorgraph.planner.explain;

import org.tutorgraph.graph.Link;

/** How plan explanations name an edge. */
final class Links {

    private Links() {
    }

    static String kind(Link link) {
        if (link instanceof Link.Requires) return "requires";
        if (link instanceof Link.AnyOf) return "anyOf";
        return "supports";
    }

    /** {@code a -requires-> b}, {@code a -anyOf(b#1)-> b}: the same form as {@link Link#toString()}. */
    static String describe(Link link) {
        return link.toString();
    }
}
