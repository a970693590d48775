package com.diamondpricing.data;

/** Colour grade, D (colourless, best) to J. */
public enum Color implements Grade {
  D,
  E,
  F,
  G,
  H,
  I,
  J;

  @Override
  public String label() {
    return name();
  }

  @Override
  public int code() {
    return ordinal();
  }

  /** J is 0, D is 6. */
  @Override
  public int rank() {
    return values().length - 1 - ordinal();
  }

  /** Parses a colour, see {@link Grade#parse}. */
  public static Color parse(String text) {
    return Grade.parse(Color.class, "color", text);
  }
}
