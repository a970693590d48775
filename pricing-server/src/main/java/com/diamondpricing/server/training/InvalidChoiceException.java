package com.diamondpricing.server.training;

import com.diamondpricing.server.web.ApiException;
import java.util.List;

/**
 * A model type or a trial count that {@link ModelChoice} refuses: which field, what is wrong, and
 * the values the field takes. The API answers it as a 400 {@code invalid-parameter} problem ({@link
 * #problem()}); the command line prints it as a bad argument.
 */
public final class InvalidChoiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final List<String> allowedValues;

  InvalidChoiceException(String field, String detail, List<String> allowedValues) {
    super(detail, null, false, false);
    this.field = field;
    this.allowedValues = List.copyOf(allowedValues);
  }

  /** The refused field: {@code models}, {@code model} or {@code trials}. */
  public String field() {
    return field;
  }

  /** The values the field takes; empty when they are not a short list (a range of numbers). */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** The refusal as the API answers it: 400 {@code invalid-parameter} naming the field. */
  public ApiException problem() {
    return ApiException.invalidParameter(field, getMessage(), allowedValues);
  }
}
