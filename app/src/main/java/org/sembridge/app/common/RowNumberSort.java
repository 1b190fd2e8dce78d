package org.sembridge.app.common;

import java.util.function.IntBinaryOperator;

/// A stable sort of row numbers (`int`s) by a comparison of the rows they stand for, without
/// boxing: the JDK's classic merge sort (insertion sort below 16 elements, a merge skipped when
/// the halves are already in order, so an ordered input costs `n` comparisons). `n log n`
/// comparisons at most; one scratch copy of the array.
public final class RowNumberSort {

    private static final int INSERTION_BELOW = 16;

    private RowNumberSort() {
    }

    /// Sorts `rows` in place by `order` (negative, zero or positive as for a `Comparator`); rows
    /// that compare equal keep their relative order.
    public static void sort(int[] rows, IntBinaryOperator order) {
        int[] scratch = rows.clone();
        mergeSort(scratch, rows, 0, rows.length, order);
    }

    /// Sorts `dest[low, high)` using `src` (the same values on entry) as scratch.
    private static void mergeSort(int[] src, int[] dest, int low, int high, IntBinaryOperator order) {
        int length = high - low;
        if (length < INSERTION_BELOW) {
            for (int i = low + 1; i < high; i++) {
                int row = dest[i];
                int j = i;
                while (j > low && order.applyAsInt(dest[j - 1], row) > 0) {
                    dest[j] = dest[j - 1];
                    j--;
                }
                dest[j] = row;
            }
            return;
        }
        int mid = (low + high) >>> 1;
        mergeSort(dest, src, low, mid, order);
        mergeSort(dest, src, mid, high, order);
        if (order.applyAsInt(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, low, dest, low, length);
            return;
        }
        for (int i = low, p = low, q = mid; i < high; i++) {
            if (q >= high || (p < mid && order.applyAsInt(src[p], src[q]) <= 0)) {
                dest[i] = src[p++];
            } else {
                dest[i] = src[q++];
            }
        }
    }
}
