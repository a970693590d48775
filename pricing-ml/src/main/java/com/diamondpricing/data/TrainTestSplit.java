package com.diamondpricing.data;

/**
 * scikit-learn's {@code train_test_split(test_size=..., random_state=seed)} for a table of {@code
 * n} rows, bit for bit: numpy's {@code RandomState(seed).permutation(n)}, whose first {@code
 * ceil(test_size * n)} positions are the test rows and the rest the training rows.
 *
 * @param train positions of the training rows, in the order scikit-learn gives them
 * @param test positions of the test rows, in the order scikit-learn gives them
 */
public record TrainTestSplit(int[] train, int[] test) {

  /** The notebook's test share. */
  public static final double NOTEBOOK_TEST_SIZE = 0.2;

  /** The notebook's seed. */
  public static final long NOTEBOOK_SEED = 42;

  public TrainTestSplit {
    train = train.clone();
    test = test.clone();
  }

  /** The notebook's split: 20% test, seed 42. */
  public static TrainTestSplit notebook(int n) {
    return of(n, NOTEBOOK_TEST_SIZE, NOTEBOOK_SEED);
  }

  /** The split of {@code n} rows with the given test share and seed. */
  public static TrainTestSplit of(int n, double testSize, long seed) {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException("testSize must be between 0 and 1, not " + testSize);
    }
    int nTest = (int) Math.ceil(testSize * n);
    int nTrain = n - nTest;
    if (nTest < 1 || nTrain < 1) {
      throw new IllegalArgumentException(
          "cannot split " + n + " rows into a training and a test part of share " + testSize);
    }
    int[] perm = permutation(n, seed);
    int[] test = new int[nTest];
    int[] train = new int[nTrain];
    System.arraycopy(perm, 0, test, 0, nTest);
    System.arraycopy(perm, nTest, train, 0, nTrain);
    return new TrainTestSplit(train, test);
  }

  /** numpy's {@code RandomState(seed).permutation(n)}: Fisher-Yates from the end. */
  static int[] permutation(int n, long seed) {
    MersenneTwister rng = new MersenneTwister(seed);
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i >= 1; i--) {
      int j = (int) rng.nextBounded(i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] test() {
    return test.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainTestSplit s
        && java.util.Arrays.equals(train, s.train)
        && java.util.Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(train) + java.util.Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "TrainTestSplit[train=" + train.length + " rows, test=" + test.length + " rows]";
  }
}
