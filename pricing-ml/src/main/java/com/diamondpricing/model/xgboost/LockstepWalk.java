package com.diamondpricing.model.xgboost;

import java.util.HashMap;
import java.util.Map;

/**
 * The trees of an ensemble laid out to price a row with every value (no NaN) fast: twelve trees
 * walked in lockstep, a fixed number of steps each, with no branch on the splits. A leaf points at
 * itself with a condition no value reaches (+infinity), so a walk that reaches it early stays; the
 * step count of a group is its deepest tree's depth; and the twelve walks are independent, so the
 * processor overlaps their loads where one walk would wait on each (PredictBenchmark.predictOne:
 * xgboost-log 6.5 us a diamond with four trees at a time, 5.6 with eight, 4.9 with twelve, 5.1 with
 * sixteen). The leaves are added in tree order, as {@link TreeEnsemble} adds them: the same float.
 *
 * <p>A value goes right when value - condition is not below zero: for floats with subnormals, v - t
 * is zero only when v equals t, so this is v &gt;= t exactly (XGBoost sends a value left when it is
 * below the condition).
 *
 * <p>A categorical split becomes a numerical one: each distinct (feature, categories sent right)
 * pair of the ensemble is a derived column, 1 when the row's category is among them and 0 when not,
 * computed once a row, and the split sends it right from 0.5. Every step is then the same
 * branch-free step: the notebook's tuned xgboost (categorical grades) took 9.3 us a diamond with a
 * branch on each split's kind and 6.8 us this way, four trees at a time (5.3 us with twelve).
 */
final class LockstepWalk {

  // a node is four ints: the feature, the left child's offset (the right child's follows), the
  // condition's bits and the leaf value's bits; offsets count ints, so a step needs no multiply
  private static final int WIDTH = 4;
  private static final int FEATURE = 0;
  private static final int LEFT = 1;
  private static final int CONDITION = 2;
  private static final int LEAF = 3;
  private static final int GROUP = 12;
  private static final float IN_CATEGORIES = 0.5f;

  private final float baseScore;
  private final int[] roots; // offsets
  private final int[] nodes;
  private final int[] groupSteps; // per group of trees: its deepest tree's depth
  private final int[] treeSteps; // per tree: its depth
  private final int columns; // the row's own values; derived columns follow them
  private final int[] derivedFeature; // per derived column: the categorical feature it reads
  private final long[] derivedCategories; // per derived column: the categories that make it 1

  private LockstepWalk(
      float baseScore,
      int[] roots,
      int[] nodes,
      int[] groupSteps,
      int[] treeSteps,
      int columns,
      int[] derivedFeature,
      long[] derivedCategories) {
    this.baseScore = baseScore;
    this.roots = roots;
    this.nodes = nodes;
    this.groupSteps = groupSteps;
    this.treeSteps = treeSteps;
    this.columns = columns;
    this.derivedFeature = derivedFeature;
    this.derivedCategories = derivedCategories;
  }

  /**
   * The walk of trees packed as {@link TreeEnsemble} packs them ({@code width} ints a node: meta,
   * left child, value), over rows of {@code columns} values.
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
      long[] rightCategories,
      int columns) {
    int count = packed.length / width;
    int[] nodes = new int[count * WIDTH];
    Map<Derived, Integer> derived = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int meta = packed[i * width];
      int o = i * WIDTH;
      if (meta < 0) {
        nodes[o + FEATURE] = 0;
        nodes[o + LEFT] = o; // itself
        nodes[o + CONDITION] = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
        nodes[o + LEAF] = packed[i * width + 2];
        continue;
      }
      nodes[o + LEFT] = packed[i * width + 1] * WIDTH;
      if ((meta & categoricalFlag) == 0) {
        nodes[o + FEATURE] = meta & featureMask;
        nodes[o + CONDITION] = packed[i * width + 2];
      } else {
        Derived column = new Derived(meta & featureMask, rightCategories[i]);
        nodes[o + FEATURE] = columns + derived.computeIfAbsent(column, c -> derived.size());
        nodes[o + CONDITION] = Float.floatToRawIntBits(IN_CATEGORIES);
      }
    }
    int[] derivedFeature = new int[derived.size()];
    long[] derivedCategories = new long[derived.size()];
    derived.forEach(
        (column, k) -> {
          derivedFeature[k] = column.feature();
          derivedCategories[k] = column.categories();
        });
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
    return new LockstepWalk(
        baseScore, roots, nodes, groupSteps, treeSteps, columns, derivedFeature, derivedCategories);
  }

  /** A categorical split's test as a column: its feature and the categories it sends right. */
  private record Derived(int feature, long categories) {}

  /** The number of splits on the longest path from a node down to a leaf. */
  private static int depth(int[] packed, int width, int node) {
    if (packed[node * width] < 0) {
      return 0;
    }
    int left = packed[node * width + 1];
    return 1 + Math.max(depth(packed, width, left), depth(packed, width, left + 1));
  }

  /** The number of derived columns (one per distinct categorical test). */
  int derivedColumns() {
    return derivedFeature.length;
  }

  /** The trees' sum for the row at {@code offset}, which has every value. */
  float predict(float[] rows, int offset) {
    if (derivedFeature.length == 0) {
      return walk(rows, offset);
    }
    float[] row = new float[columns + derivedFeature.length];
    System.arraycopy(rows, offset, row, 0, columns);
    for (int k = 0; k < derivedFeature.length; k++) {
      row[columns + k] = TreeCategories.sendsRight(derivedCategories[k], row[derivedFeature[k]]);
    }
    return walk(row, 0);
  }

  private float walk(float[] rows, int offset) {
    int[] nodes = this.nodes;
    float sum = baseScore;
    int t = 0;
    for (int group = 0; group < groupSteps.length; group++, t += GROUP) {
      int a = roots[t];
      int b = roots[t + 1];
      int c = roots[t + 2];
      int d = roots[t + 3];
      int e = roots[t + 4];
      int f = roots[t + 5];
      int g = roots[t + 6];
      int h = roots[t + 7];
      int i = roots[t + 8];
      int j = roots[t + 9];
      int k = roots[t + 10];
      int l = roots[t + 11];
      for (int s = groupSteps[group]; s > 0; s--) {
        a = step(nodes, rows, offset, a);
        b = step(nodes, rows, offset, b);
        c = step(nodes, rows, offset, c);
        d = step(nodes, rows, offset, d);
        e = step(nodes, rows, offset, e);
        f = step(nodes, rows, offset, f);
        g = step(nodes, rows, offset, g);
        h = step(nodes, rows, offset, h);
        i = step(nodes, rows, offset, i);
        j = step(nodes, rows, offset, j);
        k = step(nodes, rows, offset, k);
        l = step(nodes, rows, offset, l);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
      sum += Float.intBitsToFloat(nodes[b + LEAF]);
      sum += Float.intBitsToFloat(nodes[c + LEAF]);
      sum += Float.intBitsToFloat(nodes[d + LEAF]);
      sum += Float.intBitsToFloat(nodes[e + LEAF]);
      sum += Float.intBitsToFloat(nodes[f + LEAF]);
      sum += Float.intBitsToFloat(nodes[g + LEAF]);
      sum += Float.intBitsToFloat(nodes[h + LEAF]);
      sum += Float.intBitsToFloat(nodes[i + LEAF]);
      sum += Float.intBitsToFloat(nodes[j + LEAF]);
      sum += Float.intBitsToFloat(nodes[k + LEAF]);
      sum += Float.intBitsToFloat(nodes[l + LEAF]);
    }
    for (; t < roots.length; t++) {
      int a = roots[t];
      for (int s = treeSteps[t]; s > 0; s--) {
        a = step(nodes, rows, offset, a);
      }
      sum += Float.intBitsToFloat(nodes[a + LEAF]);
    }
    return sum;
  }

  private static int step(int[] nodes, float[] rows, int offset, int n) {
    float d = rows[offset + nodes[n + FEATURE]] - Float.intBitsToFloat(nodes[n + CONDITION]);
    return nodes[n + LEFT] + (d >= 0f ? WIDTH : 0);
  }
}
