package com.diamondpricing.spark;

/** Data that cannot be trained on, with what is wrong in words a user can act on. */
final class DataProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DataProblem(String message) {
    super(message);
  }
}
