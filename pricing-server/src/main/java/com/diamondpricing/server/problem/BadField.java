package com.diamondpricing.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One bad field of a request, an item of a problem's {@code errors}.
 *
 * @param field the parameter or JSON path, e.g. {@code diamonds[2].cut}
 * @param rejectedValue the value sent, cut to 60 characters; null when absent
 * @param message what is wrong, in words
 * @param allowedValues the values the field takes, when they are a short list
 */
public record BadField(
    String field,
    String rejectedValue,
    String message,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> allowedValues) {

  public BadField {
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
  }

  /** A field at fault with no value to show. */
  public static BadField of(String field, String message) {
    return new BadField(field, null, message, List.of());
  }
}
