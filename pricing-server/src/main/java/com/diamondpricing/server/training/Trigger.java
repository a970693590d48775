package com.diamondpricing.server.training;

import java.util.Locale;

/** What started a training run. */
public enum Trigger {
  CLI,
  API,
  INBOX,
  SCHEDULE,
  BOOTSTRAP,
  /** The feedback loop: live accuracy decayed or drift persisted (the run says why). */
  FEEDBACK;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Trigger parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
