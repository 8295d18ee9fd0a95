package org.tutorgraph.planner;

import java.util.Arrays;

/** A growable list of primitive ints, for the planner's inner loops (no boxing). */
public final class IntList {
    private int[] items;
    private int size;

    public IntList() {
        this(8);
    }

    public IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    public void add(int value) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = value;
    }

    public int get(int index) {
        if (index >= size) throw new IndexOutOfBoundsException(index);
        return items[index];
    }

    public void set(int index, int value) {
        if (index >= size) throw new IndexOutOfBoundsException(index);
        items[index] = value;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Removes and returns the last element. */
    public int pop() {
        return items[--size];
    }

    public int last() {
        return items[size - 1];
    }

    /** Keeps the first {@code newSize} elements. */
    public void truncate(int newSize) {
        if (newSize < size) size = newSize;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
