package com.diamondpricing.tuning;

/**
 * One dimension of a {@link SearchSpace}. Values have an internal representation as a double (the
 * number itself for float and int parameters, the index of the choice for categorical ones) and an
 * external one handed to the objective ({@link Double}, {@link Integer} or the choice object).
 */
sealed interface ParameterSpec permits FloatParameter, IntParameter, CategoricalParameter {

  String name();

  /** True when only one value is possible; such a parameter is never sampled (no RNG draw). */
  boolean isSingleValued();

  /** The internal representation of the only value of a single-valued parameter. */
  double singleInternalValue();

  /** The value the objective sees for an internal representation. */
  Object toExternal(double internal);

  static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a non-blank name");
    }
    return name;
  }
}
