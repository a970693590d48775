package com.diamondpricing.model;

/** Stored bytes that are not a readable model artifact. */
public class ModelLoadException extends Exception {

  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
