package org.tutorgraph.pack;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a pack is read, so that one pass reports all of them. */
final class Problems {
    private final List<PackProblem> list = new ArrayList<>();

    /** Longest message kept whole; a longer one (a huge value quoted somewhere) loses its middle. */
    static final int MAX_MESSAGE = 500;

    void add(String file, int line, int column, String message) {
        list.add(new PackProblem(file, line, column, bounded(message)));
    }

    /**
     * Keeps the start (what and where) and the end (the fix) of an over-long message: a pack with a megabyte scalar
     * must not print a megabyte of error. Values are quoted shortened where messages are written; this is the net.
     */
    static String bounded(String message) {
        if (message.length() <= MAX_MESSAGE) return message;
        int keep = MAX_MESSAGE / 2 - 2;
        return message.substring(0, keep) + " … " + message.substring(message.length() - keep);
    }

    void add(String file, int line, String message) {
        add(file, line, 0, message);
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<PackProblem> list() {
        return List.copyOf(list);
    }
}
