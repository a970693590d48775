package com.diamondpricing.data;

/** Why a well-formed row is left out of the clean data, as the notebook's cleaning does. */
public enum DropReason {
  /** {@code x * y * z == 0}: a measurement is zero. */
  ZERO_DIMENSION("x * y * z == 0"),
  /** {@code price <= 0}. */
  NON_POSITIVE_PRICE("price <= 0");

  private final String rule;

  DropReason(String rule) {
    this.rule = rule;
  }

  /** The notebook's rule, as a formula. */
  public String rule() {
    return rule;
  }
}
