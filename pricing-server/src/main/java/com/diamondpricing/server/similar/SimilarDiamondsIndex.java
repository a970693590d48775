package com.diamondpricing.server.similar;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import java.util.Arrays;

/**
 * The rows of a dataset grouped by (cut, color, clarity) and sorted by carat, so that the {@code n}
 * rows of a group closest in carat to a query are found by a binary search and a walk outward:
 * {@code O(log n + k)} a query.
 *
 * <p>Order of the answer: smallest {@code |carat - query|} first; at equal distance the lower carat
 * first; at equal carat the row that comes first in the dataset first. Immutable and thread-safe.
 */
public final class SimilarDiamondsIndex {

  private static final int COLORS = Color.values().length;
  private static final int CLARITIES = Clarity.values().length;
  private static final int GROUPS = Cut.values().length * COLORS * CLARITIES;

  private final Dataset dataset;
  private final Group[] groups = new Group[GROUPS];

  /**
   * One group: its distinct carat values ascending, and for value {@code v} the rows {@code
   * rows[start[v] .. start[v+1])} in dataset order.
   */
  private record Group(double[] carats, int[] start, int[] rows) {}

  private SimilarDiamondsIndex(Dataset dataset) {
    this.dataset = dataset;
  }

  /** Builds the index of a dataset: {@code O(n log n)}. */
  public static SimilarDiamondsIndex of(Dataset dataset) {
    SimilarDiamondsIndex index = new SimilarDiamondsIndex(dataset);
    int n = dataset.size();
    int[] counts = new int[GROUPS];
    int[] groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      groupOf[i] = key(dataset.cut(i), dataset.color(i), dataset.clarity(i));
      counts[groupOf[i]]++;
    }
    int[][] members = new int[GROUPS][];
    int[] fill = new int[GROUPS];
    for (int g = 0; g < GROUPS; g++) {
      members[g] = new int[counts[g]];
    }
    for (int i = 0; i < n; i++) {
      members[groupOf[i]][fill[groupOf[i]]++] = i;
    }
    for (int g = 0; g < GROUPS; g++) {
      if (counts[g] > 0) {
        index.groups[g] = group(dataset, members[g]);
      }
    }
    return index;
  }

  private static Group group(Dataset d, int[] rows) {
    // sort by (carat, row): rows are already in row order, and the sort is stable
    Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> Double.compare(d.carat(a), d.carat(b)));
    int[] sorted = new int[rows.length];
    double[] values = new double[rows.length];
    int[] start = new int[rows.length + 1];
    int distinct = 0;
    for (int i = 0; i < boxed.length; i++) {
      sorted[i] = boxed[i];
      double c = d.carat(sorted[i]);
      if (distinct == 0 || values[distinct - 1] != c) {
        values[distinct] = c;
        start[distinct] = i;
        distinct++;
      }
    }
    start[distinct] = rows.length;
    return new Group(Arrays.copyOf(values, distinct), Arrays.copyOf(start, distinct + 1), sorted);
  }

  private static int key(Cut cut, Color color, Clarity clarity) {
    return (cut.code() * COLORS + color.code()) * CLARITIES + clarity.code();
  }

  /** The dataset the index was built from. */
  public Dataset dataset() {
    return dataset;
  }

  /**
   * The positions in the dataset of up to {@code n} rows with this cut, color and clarity, nearest
   * in carat first (see the class comment for ties). Empty when the group is empty.
   */
  public int[] nearest(double carat, Cut cut, Color color, Clarity clarity, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    Group g = groups[key(cut, color, clarity)];
    if (g == null || n == 0) {
      return new int[0];
    }
    int[] out = new int[Math.min(n, g.rows().length)];
    int found = 0;
    double[] values = g.carats();
    int right = lowerBound(values, carat);
    int left = right - 1;
    while (found < out.length) {
      int block;
      if (left < 0) {
        block = right++;
      } else if (right >= values.length) {
        block = left--;
      } else if (carat - values[left] <= values[right] - carat) {
        block = left--;
      } else {
        block = right++;
      }
      for (int i = g.start()[block]; i < g.start()[block + 1] && found < out.length; i++) {
        out[found++] = g.rows()[i];
      }
    }
    return out;
  }

  /** The first position whose value is {@code >= x}. */
  private static int lowerBound(double[] values, double x) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
