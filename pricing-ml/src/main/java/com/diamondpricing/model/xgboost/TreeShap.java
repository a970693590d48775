package com.diamondpricing.model.xgboost;

import java.util.Arrays;

/**
 * Exact path-dependent TreeSHAP values (Lundberg, Erion and Lee, arXiv:1802.03888) for the trees of
 * a {@link TreeEnsemble}, the values XGBoost's {@code predictContrib} gives, at a fraction of its
 * cost per row.
 *
 * <p>The textbook algorithm walks every tree with the path operations EXTEND and UNWIND, O(leaves x
 * depth^2) per tree and row: about 2 ms a row for the tuned 580-tree model in XGBoost's C++. Here
 * the work that does not depend on the row is done once, as in Fast TreeSHAP v2 (Yang,
 * arXiv:2109.09847): a leaf's share of each feature's value depends on the row only through which
 * of the d distinct features on its path the row agrees with (its "hot" set H), so each leaf keeps
 * a table of its d shares for each of the 2^d sets. Explaining a row then routes it once at every
 * internal node (the same rule as the prediction, {@link TreeEnsemble#route}), finds each leaf's
 * hot set from its path and adds the d shares it reads: O(nodes + leaves x depth) per tree.
 *
 * <p>For a leaf with value v, distinct path features U (d of them), zero fractions z_j (the product
 * of cover(child) / cover(parent) over the path's splits on j) and hot set H, feature i gets
 *
 * <pre>
 *   v (1[i in H] - z_i) sum over S in H \ {i} of |S|! (d - |S| - 1)! / d! prod_{j in U \ S \ {i}} z_j
 * </pre>
 *
 * and the bias is the base score plus each tree's cover-weighted mean leaf value. The shares of a
 * row add up to its prediction minus the bias (in double precision; the prediction itself sums
 * floats).
 */
final class TreeShap {

  private final TreeEnsemble trees;
  private final int features;
  private final double bias;
  private final int[] treeRoots; // per tree: the first node
  private final int[] treeEnds; // per tree: one past the last node
  private final int[]
      treeLeaves; // per tree: its first leaf, leaves of tree t up to treeLeaves[t+1]
  // per leaf
  private final int[] edgeStart;
  private final int[] distinctStart;
  private final int[] tableStart;
  // per edge of a leaf's path (root first): the node, the way taken (0 left, 1 right), the
  // position of its feature among the leaf's distinct features
  private final int[] edgeNode;
  private final byte[] edgeWay;
  private final byte[] edgePosition;
  // per distinct feature of a leaf's path
  private final byte[] distinctFeature;
  // per leaf: for each hot set H (a bit per distinct feature) the d shares, H-major
  private final float[] tables;

  private TreeShap(Builder b, TreeEnsemble trees, int features) {
    this.trees = trees;
    this.features = features;
    this.bias = b.bias;
    this.treeRoots = b.treeRoots;
    this.treeEnds = b.treeEnds;
    this.treeLeaves = b.treeLeaves;
    this.edgeStart = Arrays.copyOf(b.edgeStart.array, b.edgeStart.size);
    this.distinctStart = Arrays.copyOf(b.distinctStart.array, b.distinctStart.size);
    this.tableStart = Arrays.copyOf(b.tableStart.array, b.tableStart.size);
    this.edgeNode = Arrays.copyOf(b.edgeNode.array, b.edgeNode.size);
    this.edgeWay = toBytes(b.edgeWay);
    this.edgePosition = toBytes(b.edgePosition);
    this.distinctFeature = toBytes(b.distinctFeature);
    this.tables = Arrays.copyOf(b.tables, b.tableSize);
  }

  /**
   * The most table entries a model may have ({@value}, 64 MB): deep trees have 2^depth sets per
   * leaf, and 1,000 trees of depth 9 would need gigabytes.
   */
  static final long MAX_TABLE_FLOATS = 16L << 20;

  /**
   * The SHAP tables of an ensemble on {@code features} input columns, or null when they would take
   * more than {@link #MAX_TABLE_FLOATS} entries (the model then asks the native library).
   */
  static TreeShap of(TreeEnsemble trees, int features) {
    try {
      return new TreeShap(new Builder(trees).build(), trees, features);
    } catch (TooLarge e) {
      return null;
    }
  }

  /** The tables would not fit the budget. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** The expected prediction: what the shares of a row are added to. */
  double bias() {
    return bias;
  }

  /**
   * Adds the SHAP value of each feature of the row at {@code offset} to {@code phi} (one per
   * feature column).
   */
  void explain(float[] row, int offset, double[] phi) {
    int[] way = new int[maxTreeSize()];
    for (int t = 0; t < treeRoots.length; t++) {
      int root = treeRoots[t];
      for (int n = root; n < treeEnds[t]; n++) {
        if (!trees.leaf(n)) {
          way[n - root] = trees.route(n, row, offset);
        }
      }
      for (int leaf = treeLeaves[t]; leaf < treeLeaves[t + 1]; leaf++) {
        int firstDistinct = distinctStart[leaf];
        int d = distinctStart[leaf + 1] - firstDistinct;
        if (d == 0) {
          continue; // a tree that is one leaf: all of it is bias
        }
        int hot = (1 << d) - 1;
        for (int e = edgeStart[leaf]; e < edgeStart[leaf + 1]; e++) {
          if (way[edgeNode[e] - root] != edgeWay[e]) {
            hot &= ~(1 << edgePosition[e]);
          }
        }
        int shares = tableStart[leaf] + hot * d;
        for (int k = 0; k < d; k++) {
          phi[distinctFeature[firstDistinct + k]] += tables[shares + k];
        }
      }
    }
  }

  int features() {
    return features;
  }

  private int maxTreeSize() {
    int max = 0;
    for (int t = 0; t < treeRoots.length; t++) {
      max = Math.max(max, treeEnds[t] - treeRoots[t]);
    }
    return max;
  }

  private static byte[] toBytes(Ints ints) {
    byte[] bytes = new byte[ints.size];
    for (int i = 0; i < ints.size; i++) {
      bytes[i] = (byte) ints.array[i];
    }
    return bytes;
  }

  /** A growing int array. */
  private static final class Ints {
    int[] array = new int[64];
    int size;

    void add(int v) {
      if (size == array.length) {
        array = Arrays.copyOf(array, size * 2);
      }
      array[size++] = v;
    }
  }

  /** Walks every tree once, root to each leaf, and fills the tables. */
  private static final class Builder {
    private final TreeEnsemble trees;
    double bias;
    int[] treeRoots;
    int[] treeEnds;
    int[] treeLeaves;
    final Ints edgeStart = new Ints();
    final Ints distinctStart = new Ints();
    final Ints tableStart = new Ints();
    final Ints edgeNode = new Ints();
    final Ints edgeWay = new Ints();
    final Ints edgePosition = new Ints();
    final Ints distinctFeature = new Ints();
    float[] tables = new float[1024];
    int tableSize;

    // the path from the root to the current node
    private final int[] pathNode = new int[64];
    private final int[] pathWay = new int[64];
    private int depth;

    Builder(TreeEnsemble trees) {
      this.trees = trees;
    }

    Builder build() {
      int count = trees.trees();
      treeRoots = new int[count];
      treeEnds = new int[count];
      treeLeaves = new int[count + 1];
      double sum = trees.baseScore();
      for (int t = 0; t < count; t++) {
        treeRoots[t] = trees.root(t);
        treeEnds[t] = t + 1 < count ? trees.root(t + 1) : trees.nodes();
        treeLeaves[t] = edgeStart.size;
        depth = 0;
        sum += walk(treeRoots[t], 1.0);
      }
      treeLeaves[count] = edgeStart.size;
      edgeStart.add(edgeNode.size);
      distinctStart.add(distinctFeature.size);
      bias = sum;
      return this;
    }

    /** The cover-weighted mean leaf value below a node reached with probability {@code reach}. */
    private double walk(int node, double reach) {
      if (trees.leaf(node)) {
        addLeaf(node);
        return reach * trees.value(node);
      }
      if (depth == pathNode.length) {
        throw new IllegalStateException("a tree deeper than " + pathNode.length);
      }
      double mean = 0;
      float cover = trees.cover(node);
      for (int way = 0; way < 2; way++) {
        int child = trees.left(node) + way;
        pathNode[depth] = node;
        pathWay[depth] = way;
        depth++;
        mean += walk(child, reach * fraction(trees.cover(child), cover));
        depth--;
      }
      return mean;
    }

    private static double fraction(float child, float parent) {
      return parent > 0 ? (double) child / parent : 0.5;
    }

    private void addLeaf(int leaf) {
      edgeStart.add(edgeNode.size);
      distinctStart.add(distinctFeature.size);
      tableStart.add(tableSize);
      int[] distinct = new int[depth];
      double[] zero = new double[depth];
      int d = 0;
      for (int k = 0; k < depth; k++) {
        int node = pathNode[k];
        int feature = trees.feature(node);
        int position = 0;
        while (position < d && distinct[position] != feature) {
          position++;
        }
        if (position == d) {
          distinct[d] = feature;
          zero[d] = 1.0;
          d++;
        }
        zero[position] *= fraction(trees.cover(trees.left(node) + pathWay[k]), trees.cover(node));
        edgeNode.add(node);
        edgeWay.add(pathWay[k]);
        edgePosition.add(position);
      }
      for (int k = 0; k < d; k++) {
        distinctFeature.add(distinct[k]);
      }
      if (d == 0) {
        return;
      }
      if (d > 20) {
        throw new TooLarge();
      }
      int size = (1 << d) * d;
      if ((long) tableSize + size > MAX_TABLE_FLOATS) {
        throw new TooLarge();
      }
      if (tableSize + size > tables.length) {
        tables = Arrays.copyOf(tables, Math.max(tables.length * 2, tableSize + size));
      }
      double value = trees.value(leaf);
      double[] weight = weights(d);
      double[] poly = new double[d + 1];
      for (int hot = 0; hot < 1 << d; hot++) {
        for (int i = 0; i < d; i++) {
          // the coefficients of prod over j != i of (z_j + t * o_j): t^s counts the subsets S of
          // the hot features other than i with |S| = s, each weighed by the z of the others
          Arrays.fill(poly, 0);
          poly[0] = 1;
          int degree = 0;
          for (int j = 0; j < d; j++) {
            if (j == i) {
              continue;
            }
            boolean isHot = (hot >> j & 1) != 0;
            for (int s = degree + 1; s >= 0; s--) {
              double keep = s <= degree ? poly[s] * zero[j] : 0;
              double take = isHot && s > 0 ? poly[s - 1] : 0;
              poly[s] = keep + take;
            }
            degree++;
          }
          double g = 0;
          for (int s = 0; s <= degree; s++) {
            g += weight[s] * poly[s];
          }
          double one = (hot >> i & 1) != 0 ? 1 : 0;
          tables[tableSize + hot * d + i] = (float) (value * (one - zero[i]) * g);
        }
      }
      tableSize += size;
    }

    /** |S|! (d - |S| - 1)! / d! for |S| = 0 .. d - 1. */
    private static double[] weights(int d) {
      double[] w = new double[d];
      for (int s = 0; s < d; s++) {
        w[s] = factorial(s) * factorial(d - s - 1) / factorial(d);
      }
      return w;
    }

    private static double factorial(int n) {
      double f = 1;
      for (int k = 2; k <= n; k++) {
        f *= k;
      }
      return f;
    }
  }
}
