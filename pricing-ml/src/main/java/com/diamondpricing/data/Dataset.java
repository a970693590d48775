package com.diamondpricing.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable table of priced diamonds, held column by column in primitive arrays (about 59 bytes
 * a row), so a million rows fit in well under 100 MB of heap. Grades are stored as their codes.
 */
public final class Dataset {

  private final int size;
  private final double[] carat;
  private final byte[] cut;
  private final byte[] color;
  private final byte[] clarity;
  private final double[] depth;
  private final double[] table;
  private final double[] price;
  private final double[] x;
  private final double[] y;
  private final double[] z;
  private volatile String contentHash;

  private Dataset(Builder b) {
    // each column is trimmed and released from the builder in turn, so a load peaks at about
    // one column above the builder's size
    this.size = b.size;
    this.carat = trim(b.carat, size);
    b.carat = null;
    this.cut = trim(b.cut, size);
    b.cut = null;
    this.color = trim(b.color, size);
    b.color = null;
    this.clarity = trim(b.clarity, size);
    b.clarity = null;
    this.depth = trim(b.depth, size);
    b.depth = null;
    this.table = trim(b.table, size);
    b.table = null;
    this.price = trim(b.price, size);
    b.price = null;
    this.x = trim(b.x, size);
    b.x = null;
    this.y = trim(b.y, size);
    b.y = null;
    this.z = trim(b.z, size);
    b.z = null;
  }

  private static double[] trim(double[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static byte[] trim(byte[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  /** A builder that expects about {@code expectedRows} rows (it grows as needed). */
  public static Builder builder(int expectedRows) {
    return new Builder(expectedRows);
  }

  public int size() {
    return size;
  }

  public double carat(int row) {
    return carat[row];
  }

  public Cut cut(int row) {
    return CUTS[cut[row]];
  }

  public Color color(int row) {
    return COLORS[color[row]];
  }

  public Clarity clarity(int row) {
    return CLARITIES[clarity[row]];
  }

  public double depth(int row) {
    return depth[row];
  }

  public double table(int row) {
    return table[row];
  }

  public double price(int row) {
    return price[row];
  }

  public double x(int row) {
    return x[row];
  }

  public double y(int row) {
    return y[row];
  }

  public double z(int row) {
    return z[row];
  }

  /** The value of a feature in a row; grades give their code. */
  public double value(Feature feature, int row) {
    return switch (feature) {
      case CARAT -> carat[row];
      case CUT -> cut[row];
      case COLOR -> color[row];
      case CLARITY -> clarity[row];
      case DEPTH -> depth[row];
      case TABLE -> table[row];
      case X -> x[row];
      case Y -> y[row];
      case Z -> z[row];
    };
  }

  /** A row's features as a {@link Diamond}. */
  public Diamond diamond(int row) {
    return new Diamond(
        carat[row],
        cut(row),
        color(row),
        clarity(row),
        depth[row],
        table[row],
        x[row],
        y[row],
        z[row]);
  }

  /**
   * A 64-bit hash of a row's values (features and price): equal rows hash equal, in any dataset.
   * What tells whether a row of one snapshot is a row of another (two stones alike in every value
   * are the same row for a model: it learns the same from either).
   */
  public long rowHash(int row) {
    long h = 0x9E3779B97F4A7C15L;
    h = DatasetHashes.mix(h, Double.doubleToLongBits(carat[row]));
    h = DatasetHashes.mix(h, cut[row] * 64L * 64L + color[row] * 64L + clarity[row]);
    h = DatasetHashes.mix(h, Double.doubleToLongBits(depth[row]));
    h = DatasetHashes.mix(h, Double.doubleToLongBits(table[row]));
    h = DatasetHashes.mix(h, Double.doubleToLongBits(price[row]));
    h = DatasetHashes.mix(h, Double.doubleToLongBits(x[row]));
    h = DatasetHashes.mix(h, Double.doubleToLongBits(y[row]));
    return DatasetHashes.mix(h, Double.doubleToLongBits(z[row]));
  }

  /** A copy of the price column. */
  public double[] prices() {
    return price.clone();
  }

  /** The rows at the given positions, in that order (a position may repeat). */
  public Dataset rows(int[] positions) {
    Builder b = new Builder(positions.length);
    for (int i : positions) {
      Objects.checkIndex(i, size);
      b.addCoded(
          carat[i], cut[i], color[i], clarity[i], depth[i], table[i], price[i], x[i], y[i], z[i]);
    }
    return b.build();
  }

  /** This dataset's rows followed by the other's. */
  public Dataset append(Dataset other) {
    Builder b = new Builder(size + other.size);
    b.addAll(this);
    b.addAll(other);
    return b.build();
  }

  /**
   * SHA-256 of the rows, column by column in a fixed binary layout: equal content gives an equal
   * hash, whatever file it came from (column order, quoting, line endings).
   */
  public String contentHash() {
    String h = contentHash;
    if (h == null) {
      h =
          DatasetHashes.sha256(
              size, new double[][] {carat, depth, table, price, x, y, z}, cut, color, clarity);
      contentHash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "Dataset[" + size + " rows]";
  }

  private static final Cut[] CUTS = Cut.values();
  private static final Color[] COLORS = Color.values();
  private static final Clarity[] CLARITIES = Clarity.values();

  /** Collects rows into growable columns; {@link #build()} trims them into an immutable dataset. */
  public static final class Builder {
    private int size;
    private double[] carat;
    private byte[] cut;
    private byte[] color;
    private byte[] clarity;
    private double[] depth;
    private double[] table;
    private double[] price;
    private double[] x;
    private double[] y;
    private double[] z;

    private Builder(int expectedRows) {
      int n = Math.max(16, expectedRows);
      carat = new double[n];
      cut = new byte[n];
      color = new byte[n];
      clarity = new byte[n];
      depth = new double[n];
      table = new double[n];
      price = new double[n];
      x = new double[n];
      y = new double[n];
      z = new double[n];
    }

    public int size() {
      return size;
    }

    /** Adds a row. */
    public Builder add(
        double carat,
        Cut cut,
        Color color,
        Clarity clarity,
        double depth,
        double table,
        double price,
        double x,
        double y,
        double z) {
      return addCoded(
          carat,
          (byte) cut.code(),
          (byte) color.code(),
          (byte) clarity.code(),
          depth,
          table,
          price,
          x,
          y,
          z);
    }

    /** Adds every row of a dataset. */
    public Builder addAll(Dataset d) {
      for (int i = 0; i < d.size; i++) {
        addCoded(
            d.carat[i],
            d.cut[i],
            d.color[i],
            d.clarity[i],
            d.depth[i],
            d.table[i],
            d.price[i],
            d.x[i],
            d.y[i],
            d.z[i]);
      }
      return this;
    }

    private Builder addCoded(
        double carat,
        byte cut,
        byte color,
        byte clarity,
        double depth,
        double table,
        double price,
        double x,
        double y,
        double z) {
      if (size == this.carat.length) {
        grow();
      }
      this.carat[size] = carat;
      this.cut[size] = cut;
      this.color[size] = color;
      this.clarity[size] = clarity;
      this.depth[size] = depth;
      this.table[size] = table;
      this.price[size] = price;
      this.x[size] = x;
      this.y[size] = y;
      this.z[size] = z;
      size++;
      return this;
    }

    private void grow() {
      int n = Math.max(16, carat.length + (carat.length >> 1));
      carat = Arrays.copyOf(carat, n);
      cut = Arrays.copyOf(cut, n);
      color = Arrays.copyOf(color, n);
      clarity = Arrays.copyOf(clarity, n);
      depth = Arrays.copyOf(depth, n);
      table = Arrays.copyOf(table, n);
      price = Arrays.copyOf(price, n);
      x = Arrays.copyOf(x, n);
      y = Arrays.copyOf(y, n);
      z = Arrays.copyOf(z, n);
    }

    /** The dataset; the builder cannot be used afterwards (it hands over its arrays). */
    public Dataset build() {
      if (carat == null) {
        throw new IllegalStateException("build() was already called");
      }
      return new Dataset(this);
    }
  }
}
