package com.diamondpricing.server.prediction;

/** No champion is loaded yet (the first training has not finished). */
public class NoChampionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoChampionException() {
    super("no model is serving yet: the first training has not finished");
  }
}
