package com.diamondpricing.model;

/** A model could not be fitted. */
public class TrainingException extends Exception {

  private static final long serialVersionUID = 1L;

  public TrainingException(String message) {
    super(message);
  }

  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}
