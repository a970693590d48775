package com.diamondpricing.data;

/**
 * Cut grade. Declared in the notebook's category order (Fair, Good, Very Good, Ideal, Premium),
 * which is not the trade's quality order: the codes the models use must match the notebook's.
 */
public enum Cut implements Grade {
  FAIR("Fair"),
  GOOD("Good"),
  VERY_GOOD("Very Good"),
  IDEAL("Ideal"),
  PREMIUM("Premium");

  private final String label;

  Cut(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int code() {
    return ordinal();
  }

  /** Parses a cut, see {@link Grade#parse}. */
  public static Cut parse(String text) {
    return Grade.parse(Cut.class, "cut", text);
  }

  @Override
  public String toString() {
    return label;
  }
}
