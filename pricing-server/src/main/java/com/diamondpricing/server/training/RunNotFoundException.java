package com.diamondpricing.server.training;

/** No training run with that id. */
public class RunNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RunNotFoundException(long id) {
    super("no training run with id " + id);
  }
}
