package com.diamondpricing.server.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reference distribution of a number as decile bins: the distinct cut points (at most nine) and
 * the reference's share in each bin (one more than the cut points). A value falls in the first bin
 * whose cut point is at or above it, or in the last bin.
 *
 * @param edges the cut points, ascending
 * @param shares the reference's share of each bin, adding up to 1
 */
record Bins(List<Double> edges, List<Double> shares) {

  /** Deciles of the values (NaN left out); null when there are none. */
  static Bins deciles(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return null;
    }
    List<Double> edges = new ArrayList<>();
    for (int q = 1; q <= 9; q++) {
      double edge = v[(int) Math.floor(q / 10.0 * (v.length - 1))];
      if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
        edges.add(edge);
      }
    }
    if (edges.get(edges.size() - 1) >= v[v.length - 1]) {
      edges.remove(edges.size() - 1); // no empty top bin above the largest value
    }
    Bins shape = new Bins(List.copyOf(edges), List.of());
    double[] counts = shape.counts(v);
    List<Double> shares = new ArrayList<>(counts.length);
    for (double c : counts) {
      shares.add(c / v.length);
    }
    return new Bins(List.copyOf(edges), List.copyOf(shares));
  }

  /** How many of the values fall in each bin (NaN left out). */
  double[] counts(double[] values) {
    double[] cut = edges.stream().mapToDouble(Double::doubleValue).toArray();
    double[] counts = new double[cut.length + 1];
    for (double value : values) {
      if (!Double.isFinite(value)) {
        continue;
      }
      int i = Arrays.binarySearch(cut, value);
      counts[i >= 0 ? i : -i - 1]++;
    }
    return counts;
  }

  /** The PSI of the values against this reference. */
  double psi(double[] values) {
    double[] counts = counts(values);
    double n = Arrays.stream(counts).sum();
    return Psi.of(shareArray(), counts, n);
  }

  /**
   * The chi-square goodness-of-fit test's p-value of the values' bin counts against this
   * reference's shares ({@link Sampling#goodnessOfFit}).
   */
  double pValue(double[] values) {
    return Sampling.goodnessOfFit(shareArray(), counts(values));
  }

  private double[] shareArray() {
    return shares.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
