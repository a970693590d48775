package com.diamondpricing.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes of a {@link Dataset}: of its whole content, and the mixing step of a row's. */
final class DatasetHashes {

  private DatasetHashes() {}

  /**
   * SHA-256 of the row count, then each number column in order (little-endian doubles), then each
   * grade column (one byte a code).
   */
  static String sha256(int size, double[][] columns, byte[]... grades) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(size);
    digest.update(header.array());
    for (double[] column : columns) {
      ByteBuffer buf = ByteBuffer.allocate(Double.BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
      for (double v : column) {
        if (!buf.hasRemaining()) {
          digest.update(buf.array(), 0, buf.position());
          buf.clear();
        }
        buf.putDouble(v);
      }
      digest.update(buf.array(), 0, buf.position());
    }
    for (byte[] grade : grades) {
      digest.update(grade);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** One step of a row's 64-bit hash (SplitMix64's finaliser over the running value). */
  static long mix(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    x ^= x >>> 31;
    x *= 0x94D049BB133111EBL;
    return x ^ (x >>> 29);
  }
}
