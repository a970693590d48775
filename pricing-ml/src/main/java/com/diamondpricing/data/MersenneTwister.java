package com.diamondpricing.data;

/**
 * MT19937, the generator behind numpy's {@code RandomState}, seeded with the classic {@code
 * init_genrand}. Only what the scikit-learn split needs: 32-bit outputs and numpy's bounded integer
 * draw by masked rejection. Not thread-safe.
 */
final class MersenneTwister {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER = 0x80000000;
  private static final int LOWER = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti;

  MersenneTwister(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1, not " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    mti = N;
  }

  /** The next 32 random bits, as an unsigned value in a long. */
  long next32() {
    if (mti >= N) {
      twist();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  /** A uniform integer in {@code [0, max]}, drawn as numpy does: mask, then reject. */
  long nextBounded(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long v;
    do {
      v = next32() & mask;
    } while (v > max);
    return v;
  }

  private void twist() {
    for (int k = 0; k < N; k++) {
      int y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    mti = 0;
  }
}
