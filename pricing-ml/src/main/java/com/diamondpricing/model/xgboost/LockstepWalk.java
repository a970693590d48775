package com.diamondpricing.model.xgboost;

/**
 * The trees of an ensemble with numerical splits only, laid out to price a row with every value (no
 * NaN) fast: four trees walked in lockstep, a fixed number of steps each, with no branch on the
 * splits. A leaf points at itself with a condition no value reaches (+infinity), so a walk that
 * reaches it early stays; the step count of a group is its deepest tree's depth; and the four walks
 * are independent, so the processor overlaps their loads where one walk would wait on each. The
 * leaves are added in tree order, as {@link TreeEnsemble} adds them: the same float.
 *
 * <p>A value goes right when value - condition is not below zero: for floats with subnormals, v - t
 * is zero only when v equals t, so this is v &gt;= t exactly (XGBoost sends a value left when it is
 * below the condition).
 */
final class LockstepWalk {

  // a node is four ints: the feature, the left child's offset (the right child's follows), the
  // condition's bits and the leaf value's bits; offsets count ints, so a step needs no multiply
  private static final int WIDTH = 4;
  private static final int FEATURE = 0;
  private static final int LEFT = 1;
  private static final int CONDITION = 2;
  private static final int LEAF = 3;
  private static final int GROUP = 4;
  private static final int CATEGORICAL = 1 << 8;

  private final float baseScore;
  private final int[] roots; // offsets
  private final int[] nodes;
  private final int[] groupSteps; // per group of four trees: its deepest tree's depth
  private final int[] treeSteps; // per tree: its depth
  private final long[] categories; // per node, what a categorical split sends right; null: none

  private LockstepWalk(
      float baseScore,
      int[] roots,
      int[] nodes,
      int[] groupSteps,
      int[] treeSteps,
      long[] categories) {
    this.baseScore = baseScore;
    this.roots = roots;
    this.nodes = nodes;
    this.groupSteps = groupSteps;
    this.treeSteps = treeSteps;
    this.categories = categories;
  }

  /**
   * The walk of trees packed as {@link TreeEnsemble} packs them ({@code width} ints a node: meta,
   * left child, value).
   *
   * @param featureMask the bits of a split's meta slot that hold its feature (a leaf's is -1)
   * @param categoricalFlag the meta bit of a categorical split
   * @param rightCategories per node, the categories a categorical split sends right
   */
  static LockstepWalk of(
      float baseScore,
      int[] rootNodes,
      int[] packed,
      int width,
      int featureMask,
      int categoricalFlag,
      long[] rightCategories) {
    int count = packed.length / width;
    int[] nodes = new int[count * WIDTH];
    for (int i = 0; i < count; i++) {
      int meta = packed[i * width];
      int o = i * WIDTH;
      if (meta < 0) {
        nodes[o + FEATURE] = 0;
        nodes[o + LEFT] = o; // itself
        nodes[o + CONDITION] = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
        nodes[o + LEAF] = packed[i * width + 2];
      } else {
        nodes[o + FEATURE] =
            (meta & featureMask) | ((meta & categoricalFlag) != 0 ? CATEGORICAL : 0);
        nodes[o + LEFT] = packed[i * width + 1] * WIDTH;
        nodes[o + CONDITION] = packed[i * width + 2];
        nodes[o + LEAF] = 0;
      }
    }
    int[] roots = new int[rootNodes.length];
    int[] treeSteps = new int[rootNodes.length];
    for (int t = 0; t < roots.length; t++) {
      roots[t] = rootNodes[t] * WIDTH;
      treeSteps[t] = depth(packed, width, rootNodes[t]);
    }
    int[] groupSteps = new int[roots.length / GROUP];
    for (int g = 0; g < groupSteps.length; g++) {
      int d = 0;
      for (int t = g * GROUP; t < (g + 1) * GROUP; t++) {
        d = Math.max(d, treeSteps[t]);
      }
      groupSteps[g] = d;
    }
    boolean categorical = false;
    for (int o = 0; o < nodes.length; o += WIDTH) {
      categorical |= nodes[o + FEATURE] >= CATEGORICAL;
    }
    return new LockstepWalk(
        baseScore,
        roots,
        nodes,
        groupSteps,
        treeSteps,
        categorical ? rightCategories.clone() : null);
  }

  /** The number of splits on the longest path from a node down to a leaf. */
  private static int depth(int[] packed, int width, int node) {
    if (packed[node * width] < 0) {
      return 0;
    }
    int left = packed[node * width + 1];
    return 1 + Math.max(depth(packed, width, left), depth(packed, width, left + 1));
  }

  /** The trees' sum for the row at {@code offset}, which has every value. */
  float predict(float[] rows, int offset) {
    return categories == null ? numeric(rows, offset) : mixed(rows, offset);
  }

  /**
   * The walk of trees with numerical splits only. The same loop as {@link #mixed}, written twice so
   * that each has its own profile in the JIT: a server walks an xgboost-log model (numerical
   * splits) and an xgboost one (categorical grades) for every price, and one shared loop measured
   * 12% slower for the two than the two loops apart.
   */
  private float numeric(float[] rows, int offset) {
    int[] nodes = this.nodes;
    float sum = baseScore;
    int t = 0;
    for (int g = 0; g < groupSteps.length; g++, t += GROUP) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int d = roots[t + 3];
      for (int s = groupSteps[g]; s > 0; s--) {
        a = numericStep(nodes, rows, offset, a);
        b = numericStep(nodes, rows, offset, b);
        c = numericStep(nodes, rows, offset, c);
        d = numericStep(nodes, rows, offset, d);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
      sum += Float.intBitsToFloat(nodes[b + LEAF]);
      sum += Float.intBitsToFloat(nodes[c + LEAF]);
      sum += Float.intBitsToFloat(nodes[d + LEAF]);
    }
    for (; t < roots.length; t++) {
      int a = roots[t];
      for (int s = treeSteps[t]; s > 0; s--) {
        a = numericStep(nodes, rows, offset, a);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
    }
    return sum;
  }

  /** The walk of trees with categorical splits too. */
  private float mixed(float[] rows, int offset) {
    int[] nodes = this.nodes;
    float sum = baseScore;
    int t = 0;
    for (int g = 0; g < groupSteps.length; g++, t += GROUP) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int d = roots[t + 3];
      for (int s = groupSteps[g]; s > 0; s--) {
        a = mixedStep(nodes, rows, offset, a);
        b = mixedStep(nodes, rows, offset, b);
        c = mixedStep(nodes, rows, offset, c);
        d = mixedStep(nodes, rows, offset, d);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
      sum += Float.intBitsToFloat(nodes[b + LEAF]);
      sum += Float.intBitsToFloat(nodes[c + LEAF]);
      sum += Float.intBitsToFloat(nodes[d + LEAF]);
    }
    for (; t < roots.length; t++) {
      int a = roots[t];
      for (int s = treeSteps[t]; s > 0; s--) {
        a = mixedStep(nodes, rows, offset, a);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
    }
    return sum;
  }

  private static int numericStep(int[] nodes, float[] rows, int offset, int n) {
    float d = rows[offset + nodes[n + FEATURE]] - Float.intBitsToFloat(nodes[n + CONDITION]);
    return nodes[n + LEFT] + (d >= 0f ? WIDTH : 0);
  }

  private int mixedStep(int[] nodes, float[] rows, int offset, int n) {
    int f = nodes[n + FEATURE];
    if (f < CATEGORICAL) {
      float d = rows[offset + f] - Float.intBitsToFloat(nodes[n + CONDITION]);
      return nodes[n + LEFT] + (d >= 0f ? WIDTH : 0);
    }
    float v = rows[offset + (f & (CATEGORICAL - 1))];
    return nodes[n + LEFT] + TreeEnsemble.sendsRight(categories[n / WIDTH], v) * WIDTH;
  }
}
