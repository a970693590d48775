package com.diamondpricing.server.registry;

import com.diamondpricing.server.web.ApiException;
import org.springframework.http.HttpStatus;

/** 404 {@code model-not-found}: no model with that id (or no model behind that alias or type). */
public final class ModelNotFoundException extends ApiException {

  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, "model-not-found", "Model not found", detail);
  }
}
