package com.diamondpricing.server.prediction;

import com.diamondpricing.model.MissingFeatureException;

/** One diamond of a batch cannot be priced; the batch fails and the error names its index. */
public class BatchItemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int index;
  private final transient MissingFeatureException cause;

  public BatchItemException(int index, MissingFeatureException cause) {
    super("diamonds[" + index + "]: " + cause.getMessage(), cause);
    this.index = index;
    this.cause = cause;
  }

  public int index() {
    return index;
  }

  public String field() {
    return "diamonds[" + index + "]." + cause.feature().column();
  }
}
