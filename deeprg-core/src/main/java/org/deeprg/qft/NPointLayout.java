package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each n-point product goes: the sorted multisets of sizes {@code 2, 4, ..., maxN} of {@code points} points,
 * numbered consecutively (all size-2 multisets in lexicographic order, then size 4, ...). The depth-first walk of
 * {@link NPointAccumulator} visits every multiset of size 1..maxN once; {@link #dfsSlot()} maps its visit number to
 * the slot (or -1 for odd sizes, which are intermediates only).
 */
public final class NPointLayout {
    private final int points;
    private final int maxN;
    private final List<int[]> multisets = new ArrayList<>();
    private final int[] firstSlotOfSize;
    private final int[] dfsSlot;

    /**
     * @param points number of distinct input points ({@code >= 1})
     * @param maxN   largest (even) n
     */
    public NPointLayout(int points, int maxN) {
        this.points = points;
        this.maxN = maxN;
        firstSlotOfSize = new int[maxN + 2];
        java.util.Arrays.fill(firstSlotOfSize, -1);
        for (int n = 2; n <= maxN; n += 2) {
            firstSlotOfSize[n] = multisets.size();
            multisets.addAll(Multisets.of(points, n));
        }
        List<Integer> slots = new ArrayList<>();
        int[] counter = new int[maxN + 1];
        walk(0, 0, slots, counter);
        dfsSlot = slots.stream().mapToInt(Integer::intValue).toArray();
    }

    private void walk(int size, int start, List<Integer> slots, int[] counter) {
        for (int k = start; k < points; k++) {
            int s = size + 1;
            if (s % 2 == 0) {
                slots.add(firstSlotOfSize[s] + counter[s]++);
            } else {
                slots.add(-1);
            }
            if (s < maxN) {
                walk(s, k, slots, counter);
            }
        }
    }

    /** Number of slots (even multisets of size 2..maxN). */
    public int slots() {
        return multisets.size();
    }

    /** The multiset of a slot (indices into the point list, sorted). */
    public int[] multiset(int slot) {
        return multisets.get(slot);
    }

    /** Number of points. */
    public int points() {
        return points;
    }

    /** Largest n. */
    public int maxN() {
        return maxN;
    }

    /** Slot of depth-first visit number i (-1 for odd sizes). */
    int[] dfsSlot() {
        return dfsSlot;
    }

    /** Total number of multisets of sizes 1..maxN: the nodes of the depth-first walk. */
    public int nodes() {
        return dfsSlot.length;
    }

    /** Estimated number of slots for a request, without building it (for refusing hostile sizes). */
    public static long slotCount(int points, int maxN) {
        long c = 0;
        for (int n = 2; n <= maxN; n += 2) {
            c += Multisets.count(points, n);
        }
        return c;
    }
}
