package com.diamondpricing.server.registry;

/** No model with that id (or no model behind that alias). */
public class ModelNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String message) {
    super(message);
  }
}
