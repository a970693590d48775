package com.diamondpricing.model.xgboost;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * The trees of an XGBoost regression model, read from XGBoost's JSON model and evaluated in Java.
 *
 * <p>Pricing one diamond through the native library costs about 85 microseconds, nearly all of it
 * the per-call set-up of {@code inplace_predict}, not the walk down the trees; walking them here
 * takes a few microseconds. The walk follows XGBoost's CPU predictor exactly, so the prices are the
 * same floats: the prediction starts at {@code base_score} and adds each tree's leaf in tree order,
 * in single precision; a numerical split sends a value left when it is below the split condition; a
 * categorical split sends the categories it lists right and every other value (including an unknown
 * category) left; a missing value (NaN) takes the node's default branch.
 *
 * <p>Only what this walk covers is accepted: a {@code gbtree} booster with one output, scalar
 * leaves and an objective whose prediction is the raw margin ({@code reg:squarederror} and kin).
 * Anything else is refused with {@link Unsupported}, and the model predicts through the native
 * library instead.
 */
final class TreeEnsemble {

  /** Objectives whose prediction is the margin itself (no link function). */
  private static final Set<String> IDENTITY_OBJECTIVES =
      Set.of("reg:squarederror", "reg:absoluteerror", "reg:pseudohubererror");

  /** Reads XGBoost's JSON models (numbers with the fast double parser, a third of the read). */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  // a node is three ints in NODES: META, the left child's node number (the right child's is the
  // next one, as XGBoost numbers them) and VALUE, the bits of the split condition or of the leaf
  private static final int WIDTH = 3;
  private static final int META = 0;
  private static final int LEFT = 1;
  private static final int VALUE = 2;
  // META: -1 for a leaf; else the feature in the low byte, and these flags
  private static final int DEFAULT_LEFT = 1 << 8;
  private static final int CATEGORICAL = 1 << 9;
  private static final int FEATURE = 0xFF;

  private final float baseScore;
  private final int[] roots;
  private final int[] nodes;
  private final long[] rightCategories; // per node: the categories a categorical split sends right
  private final float[] covers; // per node: its sum_hessian, what TreeSHAP weighs branches by
  private final int columns; // input columns
  private final LockstepWalk lockstep; // rows with every value

  private TreeEnsemble(
      float baseScore,
      int[] roots,
      int[] nodes,
      long[] rightCategories,
      float[] covers,
      int columns) {
    this.baseScore = baseScore;
    this.roots = roots;
    this.nodes = nodes;
    this.rightCategories = rightCategories;
    this.covers = covers;
    this.columns = columns;
    this.lockstep =
        LockstepWalk.of(
            baseScore, roots, nodes, WIDTH, FEATURE, CATEGORICAL, rightCategories, columns);
  }

  /** XGBoost's model does not fit this evaluator; the reason says which part. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /**
   * The trees of an XGBoost JSON model with {@code features} input columns.
   *
   * @throws Unsupported when the model is not one this evaluator reproduces exactly
   */
  static TreeEnsemble read(byte[] json, int features) throws Unsupported {
    JsonNode learner;
    try {
      learner = JSON.readTree(json).path("learner");
    } catch (IOException e) {
      throw new Unsupported("not JSON: " + e.getMessage());
    }
    return read(learner, features);
  }

  /** As {@link #read(byte[], int)}, from the model's {@code learner} object already parsed. */
  static TreeEnsemble read(JsonNode learner, int features) throws Unsupported {
    String objective = learner.path("objective").path("name").asText();
    if (!IDENTITY_OBJECTIVES.contains(objective)) {
      throw new Unsupported("objective " + objective);
    }
    JsonNode cats = learner.path("cats");
    if (cats.isContainerNode() && !cats.isEmpty()) {
      throw new Unsupported("a category recoder");
    }
    JsonNode param = learner.path("learner_model_param");
    if (param.path("num_class").asInt(-1) != 0 || param.path("num_target").asInt(-1) != 1) {
      throw new Unsupported("more than one output");
    }
    if (param.path("num_feature").asInt(-1) != features) {
      throw new Unsupported("num_feature " + param.path("num_feature").asText());
    }
    JsonNode booster = learner.path("gradient_booster");
    if (!"gbtree".equals(booster.path("name").asText())) {
      throw new Unsupported("booster " + booster.path("name").asText());
    }
    JsonNode trees = booster.path("model").path("trees");
    if (!trees.isArray()) {
      throw new Unsupported("no trees");
    }
    float baseScore = baseScore(param.path("base_score").asText());
    int nodes = 0;
    for (JsonNode tree : trees) {
      nodes += tree.path("left_children").size();
    }
    if (features > FEATURE + 1) {
      throw new Unsupported(features + " features");
    }
    int[] roots = new int[trees.size()];
    int[] packed = new int[nodes * WIDTH];
    long[] rightCategories = new long[nodes];
    float[] covers = new float[nodes];
    int offset = 0;
    int t = 0;
    for (JsonNode tree : trees) {
      if (tree.path("tree_param").path("size_leaf_vector").asInt(1) > 1) {
        throw new Unsupported("vector leaves");
      }
      int size = tree.path("left_children").size();
      JsonNode lefts = tree.path("left_children");
      JsonNode rights = tree.path("right_children");
      JsonNode indices = tree.path("split_indices");
      JsonNode conditions = tree.path("split_conditions");
      JsonNode defaults = tree.path("default_left");
      JsonNode types = tree.path("split_type");
      JsonNode hessians = tree.path("sum_hessian");
      for (JsonNode column :
          new JsonNode[] {rights, indices, conditions, defaults, types, hessians}) {
        if (column.size() != size) {
          throw new Unsupported("tree " + t + " has columns of different lengths");
        }
      }
      roots[t] = offset;
      for (int i = 0; i < size; i++) {
        int n = (offset + i) * WIDTH;
        int l = lefts.get(i).asInt();
        packed[n + VALUE] = Float.floatToRawIntBits((float) conditions.get(i).asDouble());
        covers[offset + i] = (float) hessians.get(i).asDouble();
        if (l == -1) {
          packed[n + META] = -1;
          continue;
        }
        int r = rights.get(i).asInt();
        int f = indices.get(i).asInt();
        if (l <= i || l >= size || r <= i || r >= size || f < 0 || f >= features) {
          throw new Unsupported("tree " + t + " node " + i + " is malformed");
        }
        if (r != l + 1) {
          throw new Unsupported("tree " + t + " node " + i + " has children apart");
        }
        int type = types.get(i).asInt();
        if (type != 0 && type != 1) {
          throw new Unsupported("split type " + type);
        }
        packed[n + META] =
            f | (defaults.get(i).asInt() != 0 ? DEFAULT_LEFT : 0) | (type == 1 ? CATEGORICAL : 0);
        packed[n + LEFT] = offset + l;
      }
      TreeCategories.read(tree, t, offset, size, types, rightCategories);
      offset += size;
      t++;
    }
    return new TreeEnsemble(baseScore, roots, packed, rightCategories, covers, features);
  }

  /** XGBoost writes {@code base_score} as "v" (up to 3.0) or "[v]" (3.1 and later). */
  private static float baseScore(String text) throws Unsupported {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    try {
      return Float.parseFloat(s);
    } catch (NumberFormatException e) {
      throw new Unsupported("base_score " + text);
    }
  }

  /** For each feature, the distinct conditions of the numerical splits on it, ascending. */
  float[][] thresholds(int features) {
    int count = nodes.length / WIDTH;
    int[] sizes = new int[features];
    for (int n = 0; n < count; n++) {
      int f = numericalFeature(n, features);
      if (f >= 0) {
        sizes[f]++;
      }
    }
    float[][] all = new float[features][];
    for (int f = 0; f < features; f++) {
      all[f] = new float[sizes[f]];
      sizes[f] = 0;
    }
    for (int n = 0; n < count; n++) {
      int f = numericalFeature(n, features);
      if (f >= 0) {
        all[f][sizes[f]++] = Float.intBitsToFloat(nodes[n * WIDTH + VALUE]);
      }
    }
    float[][] thresholds = new float[features][];
    for (int f = 0; f < features; f++) {
      float[] values = all[f];
      Arrays.sort(values);
      int distinct = 0;
      for (int i = 0; i < values.length; i++) {
        if (distinct == 0 || Float.compare(values[distinct - 1], values[i]) != 0) {
          values[distinct++] = values[i];
        }
      }
      thresholds[f] = Arrays.copyOf(values, distinct);
    }
    return thresholds;
  }

  /** The feature node {@code n} splits numerically on, or -1 (a leaf, a categorical split). */
  private int numericalFeature(int n, int features) {
    int meta = nodes[n * WIDTH + META];
    if (meta < 0 || (meta & CATEGORICAL) != 0 || (meta & FEATURE) >= features) {
      return -1;
    }
    return meta & FEATURE;
  }

  int trees() {
    return roots.length;
  }

  /** The categorical tests the fast walk turns into columns (see {@link LockstepWalk}). */
  int derivedColumns() {
    return lockstep.derivedColumns();
  }

  /** The prediction for the row of {@code features} floats starting at {@code offset}. */
  float predict(float[] rows, int offset) {
    if (complete(rows, offset)) {
      return lockstep.predict(rows, offset);
    }
    int[] nodes = this.nodes;
    float sum = baseScore;
    for (int root : roots) {
      int n = root * WIDTH;
      int meta;
      while ((meta = nodes[n + META]) >= 0) {
        n = (nodes[n + LEFT] + route(n, meta, rows[offset + (meta & FEATURE)])) * WIDTH;
      }
      sum += Float.intBitsToFloat(nodes[n + VALUE]);
    }
    return sum;
  }

  /** Whether a row has every value (no NaN): then no split's default branch is ever taken. */
  private boolean complete(float[] rows, int offset) {
    for (int j = offset; j < offset + columns; j++) {
      if (rows[j] != rows[j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a value goes at the internal node packed at {@code n}: 0 left, 1 right. The one routing
   * rule, shared by the prediction and by TreeSHAP ({@link TreeShap}).
   */
  private int route(int n, int meta, float v) {
    if (v != v) {
      return (meta & DEFAULT_LEFT) != 0 ? 0 : 1;
    } else if ((meta & CATEGORICAL) == 0) {
      return v < Float.intBitsToFloat(nodes[n + VALUE]) ? 0 : 1;
    } else {
      return TreeCategories.sendsRight(rightCategories[n / WIDTH], v);
    }
  }

  // ---- the trees node by node, for TreeSHAP (node numbers count across all trees)

  float baseScore() {
    return baseScore;
  }

  /** The node number of tree {@code t}'s root; a tree's nodes are numbered from it on. */
  int root(int t) {
    return roots[t];
  }

  /** The number of nodes in all trees. */
  int nodes() {
    return nodes.length / WIDTH;
  }

  boolean leaf(int node) {
    return nodes[node * WIDTH + META] < 0;
  }

  /** The feature an internal node splits on. */
  int feature(int node) {
    return nodes[node * WIDTH + META] & FEATURE;
  }

  /** An internal node's left child (the right one is the next node). */
  int left(int node) {
    return nodes[node * WIDTH + LEFT];
  }

  /** A leaf's value. */
  float value(int node) {
    return Float.intBitsToFloat(nodes[node * WIDTH + VALUE]);
  }

  /** A node's cover: the sum of the hessians of the training rows that reached it. */
  float cover(int node) {
    return covers[node];
  }

  /** Where the row's value goes at an internal node: 0 left, 1 right. */
  int route(int node, float[] row, int offset) {
    int n = node * WIDTH;
    int meta = nodes[n + META];
    return route(n, meta, row[offset + (meta & FEATURE)]);
  }
}
