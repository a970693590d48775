package com.diamondpricing.server.web.capture;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The first {@code cap} bytes or characters of a body, and how many went by in all. Not thread
 * safe: one request's thread writes it, and reads it once the request is done.
 */
final class Capture {

  private final int cap;
  private byte[] bytes = new byte[0];
  private StringBuilder chars;
  private int size;
  private long total;

  Capture(int cap) {
    this.cap = cap;
  }

  void write(int b) {
    total++;
    if (size < cap) {
      ensure(size + 1);
      bytes[size++] = (byte) b;
    }
  }

  void write(byte[] b, int off, int len) {
    if (len <= 0) {
      return;
    }
    total += len;
    int keep = Math.min(len, cap - size);
    if (keep > 0) {
      ensure(size + keep);
      System.arraycopy(b, off, bytes, size, keep);
      size += keep;
    }
  }

  void write(char[] c, int off, int len) {
    if (len <= 0) {
      return;
    }
    total += len;
    int keep = Math.min(len, cap - chars().length());
    if (keep > 0) {
      chars.append(c, off, keep);
    }
  }

  void write(String s, int off, int len) {
    if (len <= 0) {
      return;
    }
    total += len;
    int keep = Math.min(len, cap - chars().length());
    if (keep > 0) {
      chars.append(s, off, off + keep);
    }
  }

  private StringBuilder chars() {
    if (chars == null) {
      chars = new StringBuilder(Math.min(cap, 256));
    }
    return chars;
  }

  private void ensure(int needed) {
    if (needed > bytes.length) {
      int grown = Math.max(needed, Math.min(cap, Math.max(256, bytes.length * 2)));
      bytes = Arrays.copyOf(bytes, grown);
    }
  }

  void reset() {
    size = 0;
    total = 0;
    chars = null;
  }

  /** Bytes or characters seen in all. */
  long total() {
    return total;
  }

  /** Bytes or characters kept. */
  long kept() {
    return size + (chars == null ? 0 : chars.length());
  }

  boolean truncated() {
    return total > kept();
  }

  /** What was kept, as text (bytes decoded with the charset, UTF-8 when unknown). */
  String text(String charset) {
    if (chars != null && chars.length() > 0) {
      return chars.toString();
    }
    return new String(bytes, 0, size, charset(charset));
  }

  static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
