package com.diamondpricing.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * A categorical parameter: one of a list of choices of any type. Internally a choice is its index;
 * the objective sees the choice object itself.
 */
record CategoricalParameter(String name, List<Object> choices) implements ParameterSpec {

  CategoricalParameter {
    ParameterSpec.requireName(name);
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': a categorical parameter needs at least one choice");
    }
    for (Object choice : choices) {
      if (choice == null) {
        throw new IllegalArgumentException(
            "parameter '" + name + "': categorical choices must not be null");
      }
    }
    choices = List.copyOf(choices);
  }

  /** Copies any list of choices; null lists and null elements are reported by the constructor. */
  static CategoricalParameter of(String name, List<?> choices) {
    return new CategoricalParameter(name, choices == null ? null : new ArrayList<Object>(choices));
  }

  int size() {
    return choices.size();
  }

  @Override
  public boolean isSingleValued() {
    return choices.size() == 1;
  }

  @Override
  public double singleInternalValue() {
    return 0;
  }

  @Override
  public Object toExternal(double internal) {
    return choices.get((int) internal);
  }
}
