package com.diamondpricing.data;

/**
 * Cut grade. Declared in the notebook's category order (Fair, Good, Very Good, Ideal, Premium),
 * which is not the trade's quality order: the codes the models use must match the notebook's.
 */
public enum Cut implements Grade {
  FAIR("Fair", 0),
  GOOD("Good", 1),
  VERY_GOOD("Very Good", 2),
  IDEAL("Ideal", 4),
  PREMIUM("Premium", 3);

  private final String label;
  private final int rank;

  Cut(String label, int rank) {
    this.label = label;
    this.rank = rank;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public int code() {
    return ordinal();
  }

  /** Fair 0, Good 1, Very Good 2, Premium 3, Ideal 4. */
  @Override
  public int rank() {
    return rank;
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
