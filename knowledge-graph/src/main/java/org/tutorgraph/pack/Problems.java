package org.tutorgraph.pack;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a pack is read, so that one pass reports all of them. */
final class Problems {
    private final List<PackProblem> list = new ArrayList<>();

    void add(String file, int line, int column, String message) {
        list.add(new PackProblem(file, line, column, message));
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
