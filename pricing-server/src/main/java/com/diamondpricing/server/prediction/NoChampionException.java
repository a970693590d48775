package com.diamondpricing.server.prediction;

import com.diamondpricing.server.web.ApiException;
import org.springframework.http.HttpStatus;

/** 503 {@code no-champion}: no champion is loaded yet (the first training has not finished). */
public final class NoChampionException extends ApiException {

  private static final long serialVersionUID = 1L;

  public NoChampionException() {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "no-champion",
        "No model serving yet",
        "no model is serving yet: the first training has not finished");
  }
}
