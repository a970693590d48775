package com.diamondpricing.server.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name a file gets in {@code processed/} or {@code failed/}: the UTC time it was taken, a
 * counter when that name is taken already, and its own name. File systems refuse a name over 255
 * bytes, so an own name too long for the stamp, the counter and {@code .error.txt} beside it is
 * shortened: its start is kept (cut between characters), then {@code ~} and 8 hex digits of the
 * SHA-256 of the whole name (two long names that differ only in their end stay apart), then its
 * extension. The error text beside the file names the file as it was dropped.
 */
final class MovedNames {

  /** The longest name ext4, XFS and Btrfs take, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  /** Room for the counter ({@code -1000}) and the dashes around it. */
  private static final int COUNTER_BYTES = 6;

  /** An extension longer than this is not kept apart (it is part of the shortened start). */
  private static final int MAX_EXTENSION = 16;

  private MovedNames() {}

  /** The moved name for attempt {@code attempt} (1, 2, ...) of the file {@code name}. */
  static String target(String stamp, int attempt, String name) {
    int room = MAX_NAME_BYTES - stamp.length() - COUNTER_BYTES - InboxWatcher.ERROR_SUFFIX.length();
    return stamp + (attempt == 1 ? "" : "-" + attempt) + "-" + fitted(name, room);
  }

  /** {@code name} itself when it takes at most {@code maxBytes} in UTF-8, else shortened. */
  static String fitted(String name, int maxBytes) {
    if (utf8(name) <= maxBytes) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
    String mark = "~" + hash(name);
    String start = name.substring(0, name.length() - extension.length());
    return cut(start, maxBytes - utf8(extension) - utf8(mark)) + mark + extension;
  }

  /** The longest start of {@code text}, whole characters only, of at most {@code bytes}. */
  private static String cut(String text, int bytes) {
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = utf8(new String(Character.toChars(cp)));
      if (used + size > bytes) {
        break;
      }
      used += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end);
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
