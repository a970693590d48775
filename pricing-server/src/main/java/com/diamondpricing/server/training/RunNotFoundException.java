package com.diamondpricing.server.training;

import com.diamondpricing.server.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404 {@code run-not-found}: no training run with that id. */
public final class RunNotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  public RunNotFoundException(long id) {
    super(
        HttpStatus.NOT_FOUND,
        "run-not-found",
        "Training run not found",
        "no training run with id " + id);
  }
}
