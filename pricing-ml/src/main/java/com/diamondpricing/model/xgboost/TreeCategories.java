package com.diamondpricing.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;

/** The categories of a tree's categorical splits, as XGBoost's JSON lists them. */
final class TreeCategories {

  static final int MAX_CATEGORY = 63;

  private TreeCategories() {}

  /**
   * XGBoost's rule: a category is its value truncated to an integer; the listed ones go right,
   * every other value (negative, too large, unknown) goes left. 1 for right, 0 for left.
   */
  static int sendsRight(long categories, float v) {
    if (v < 0 || v >= MAX_CATEGORY + 1) {
      return 0;
    }
    return (int) (categories >>> (int) v) & 1;
  }

  /**
   * Reads tree {@code t}'s categories into {@code rightCategories} (one bit set a node, from {@code
   * offset}): the categories each categorical split sends right.
   *
   * @throws TreeEnsemble.Unsupported when they are malformed or a split lists none
   */
  static void read(
      JsonNode tree, int t, int offset, int size, JsonNode types, long[] rightCategories)
      throws TreeEnsemble.Unsupported {
    JsonNode nodes = tree.path("categories_nodes");
    JsonNode segments = tree.path("categories_segments");
    JsonNode sizes = tree.path("categories_sizes");
    JsonNode categories = tree.path("categories");
    if (segments.size() != nodes.size() || sizes.size() != nodes.size()) {
      throw new TreeEnsemble.Unsupported("tree " + t + " has malformed categories");
    }
    boolean[] listed = new boolean[size];
    for (int k = 0; k < nodes.size(); k++) {
      int node = nodes.get(k).asInt();
      int from = segments.get(k).asInt();
      int count = sizes.get(k).asInt();
      if (node < 0 || node >= size || types.get(node).asInt() != 1) {
        throw new TreeEnsemble.Unsupported(
            "tree " + t + " lists categories for a numerical node " + node);
      }
      if (from < 0 || count < 0 || from + count > categories.size()) {
        throw new TreeEnsemble.Unsupported("tree " + t + " has malformed categories");
      }
      long bits = 0;
      for (int c = from; c < from + count; c++) {
        int category = categories.get(c).asInt();
        if (category < 0 || category > MAX_CATEGORY) {
          throw new TreeEnsemble.Unsupported("tree " + t + " has category " + category);
        }
        bits |= 1L << category;
      }
      rightCategories[offset + node] = bits;
      listed[node] = true;
    }
    for (int i = 0; i < size; i++) {
      if (types.get(i).asInt() == 1 && !listed[i]) {
        throw new TreeEnsemble.Unsupported("tree " + t + " node " + i + " has no categories");
      }
    }
  }
}
