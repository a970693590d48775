package com.diamondpricing.server.registry;

import com.diamondpricing.server.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 400 {@code invalid-parameter}: a model type or a trial count that {@link ModelChoice} refuses,
 * naming the field and the values it takes. The API answers it as it is; the command line prints
 * its message as a bad argument.
 */
public final class InvalidChoiceException extends ApiException {

  private static final long serialVersionUID = 1L;

  InvalidChoiceException(String field, String detail, List<String> allowedValues) {
    super(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    field(field, allowedValues);
  }
}
