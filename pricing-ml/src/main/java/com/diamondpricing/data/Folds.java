package com.diamondpricing.data;

import java.util.Arrays;

/**
 * scikit-learn's {@code KFold(n_splits=k, shuffle=True, random_state=seed)} for a table of {@code
 * n} rows, bit for bit: numpy's {@code RandomState(seed).permutation(n)} cut into {@code k}
 * consecutive folds, the first {@code n % k} of them one row larger. Each fold's rows and the
 * training rows that go with it come in increasing position, as scikit-learn gives them.
 */
public final class Folds {

  private final int[] foldOf;
  private final int count;

  private Folds(int[] foldOf, int count) {
    this.foldOf = foldOf;
    this.count = count;
  }

  /** {@code k} shuffled folds of {@code n} rows. */
  public static Folds shuffled(int n, int k, long seed) {
    if (k < 2 || k > n) {
      throw new IllegalArgumentException("cannot cut " + n + " rows into " + k + " folds");
    }
    int[] perm = TrainTestSplit.permutation(n, seed);
    int[] foldOf = new int[n];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int i = start; i < start + size; i++) {
        foldOf[perm[i]] = f;
      }
      start += size;
    }
    return new Folds(foldOf, k);
  }

  /** How many folds. */
  public int count() {
    return count;
  }

  /** How many rows in all. */
  public int rows() {
    return foldOf.length;
  }

  /** The fold a row falls in. */
  public int foldOf(int row) {
    return foldOf[row];
  }

  /** The rows of fold {@code f}: what the model fitted on the others is scored on. */
  public int[] test(int f) {
    return positions(f, true);
  }

  /** The rows of every fold but {@code f}. */
  public int[] train(int f) {
    return positions(f, false);
  }

  private int[] positions(int f, boolean in) {
    if (f < 0 || f >= count) {
      throw new IllegalArgumentException("no fold " + f + " of " + count);
    }
    return java.util.stream.IntStream.range(0, foldOf.length)
        .filter(i -> (foldOf[i] == f) == in)
        .toArray();
  }

  @Override
  public String toString() {
    int[] sizes = new int[count];
    for (int f : foldOf) {
      sizes[f]++;
    }
    return "Folds" + Arrays.toString(sizes);
  }
}
