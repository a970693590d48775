package com.diamondpricing.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A compact, versioned binary form of a {@link Dataset} for storage: a magic number, the version,
 * the row count, then each column in turn (doubles big-endian, grade codes as bytes), gzipped.
 */
public final class DatasetCodec {

  private static final int MAGIC = 0x44504453; // "DPDS"
  private static final int VERSION = 1;

  private DatasetCodec() {}

  public static byte[] encode(Dataset d) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, d.size() * 20));
    try (DataOutputStream out =
        new DataOutputStream(
            new java.io.BufferedOutputStream(new GZIPOutputStream(bytes), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      int n = d.size();
      out.writeInt(n);
      for (int i = 0; i < n; i++) {
        out.writeDouble(d.carat(i));
      }
      for (int i = 0; i < n; i++) {
        out.writeByte(d.cut(i).code());
      }
      for (int i = 0; i < n; i++) {
        out.writeByte(d.color(i).code());
      }
      for (int i = 0; i < n; i++) {
        out.writeByte(d.clarity(i).code());
      }
      Feature[] numeric = {Feature.DEPTH, Feature.TABLE, Feature.X, Feature.Y, Feature.Z};
      for (Feature f : numeric) {
        for (int i = 0; i < n; i++) {
          out.writeDouble(d.value(f, i));
        }
      }
      for (int i = 0; i < n; i++) {
        out.writeDouble(d.price(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not an encoded dataset
   */
  public static Dataset decode(byte[] encoded) {
    try (DataInputStream in =
        new DataInputStream(
            new java.io.BufferedInputStream(
                new GZIPInputStream(new ByteArrayInputStream(encoded)), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an encoded dataset");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("unknown dataset encoding version " + version);
      }
      int n = in.readInt();
      double[] carat = doubles(in, n);
      byte[] cut = in.readNBytes(n);
      byte[] color = in.readNBytes(n);
      byte[] clarity = in.readNBytes(n);
      double[] depth = doubles(in, n);
      double[] table = doubles(in, n);
      double[] x = doubles(in, n);
      double[] y = doubles(in, n);
      double[] z = doubles(in, n);
      double[] price = doubles(in, n);
      Cut[] cuts = Cut.values();
      Color[] colors = Color.values();
      Clarity[] clarities = Clarity.values();
      Dataset.Builder b = Dataset.builder(n);
      for (int i = 0; i < n; i++) {
        b.add(
            carat[i],
            cuts[cut[i]],
            colors[color[i]],
            clarities[clarity[i]],
            depth[i],
            table[i],
            price[i],
            x[i],
            y[i],
            z[i]);
      }
      return b.build();
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("corrupt encoded dataset: " + e.getMessage(), e);
    }
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
