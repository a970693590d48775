package com.diamondpricing.data;

import java.util.List;

/** A grade that is not one of the allowed levels. The message names the field and the levels. */
public final class UnknownGradeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final List<String> allowed;

  public UnknownGradeException(String field, String value, List<String> allowed) {
    super("unknown " + field + " '" + value + "'; allowed values: " + String.join(", ", allowed));
    this.field = field;
    this.value = value;
    this.allowed = List.copyOf(allowed);
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public List<String> allowed() {
    return allowed;
  }
}
