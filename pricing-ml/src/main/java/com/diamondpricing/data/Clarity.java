package com.diamondpricing.data;

/** Clarity grade, from IF (internally flawless, best) to I1, in the notebook's order. */
public enum Clarity implements Grade {
  IF,
  VVS1,
  VVS2,
  VS1,
  VS2,
  SI1,
  SI2,
  I1;

  @Override
  public String label() {
    return name();
  }

  @Override
  public int code() {
    return ordinal();
  }

  /** I1 is 0, IF is 7. */
  @Override
  public int rank() {
    return values().length - 1 - ordinal();
  }

  /** Parses a clarity, see {@link Grade#parse}. */
  public static Clarity parse(String text) {
    return Grade.parse(Clarity.class, "clarity", text);
  }
}
