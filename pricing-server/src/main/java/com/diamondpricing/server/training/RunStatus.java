package com.diamondpricing.server.training;

import java.util.Locale;

/** Where a training run is. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  INTERRUPTED;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunStatus parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
