package com.diamondpricing.server.dataset;

import java.util.Locale;

/** What fresh data does to the current data. */
public enum IngestMode {
  /** The new file becomes the current data. */
  REPLACE,
  /** The new rows are added after the current data's rows. */
  APPEND;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IngestMode parse(String text) {
    for (IngestMode m : values()) {
      if (m.value().equalsIgnoreCase(text.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + text + "'; allowed values: append, replace");
  }
}
