package com.diamondpricing.server.sparkjobs;

/** A Spark training job that could not start, failed, or left a result that cannot be used. */
public final class SparkJobException extends Exception {

  private static final long serialVersionUID = 1L;

  public SparkJobException(String message) {
    super(message);
  }

  SparkJobException(String message, Throwable cause) {
    super(message, cause);
  }
}
