package com.diamondpricing.server.prediction;

import com.diamondpricing.server.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 422 {@code unpriceable}: the model's answer for this stone is not a price anyone could use (not a
 * number, zero or less, or more than ten times the dearest stone it was trained on). It happens far
 * outside the training data, where a model on log(price) grows without bound.
 */
public final class UnpriceableProblem extends ApiException {

  private static final long serialVersionUID = 1L;

  UnpriceableProblem(String field, String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "unpriceable", "Cannot price this stone", detail);
    field(field, List.of());
  }
}
