package com.diamondpricing.server.feedback;

import com.diamondpricing.server.problem.Problem;
import java.util.List;

/** The feedback's own problems; a malformed field is {@code invalid-parameter} naming it. */
final class FeedbackProblems {

  private FeedbackProblems() {}

  /** 422 {@code unknown-prediction}: no prediction has the id a sale names. */
  static final class UnknownPredictionProblem extends Problem {

    private static final long serialVersionUID = 1L;

    UnknownPredictionProblem(String field, String predictionId) {
      super(
          Problem.Kind.UNPROCESSABLE,
          "unknown-prediction",
          "Unknown prediction",
          "No price was given with the id '"
              + predictionId
              + "' (a price this server has just given is waited for, a few seconds at most); no"
              + " sale was recorded.");
      field(field, List.of());
    }
  }

  /**
   * 409 {@code sale-conflict}: a sale of the same stone was recorded with another price or time.
   */
  static final class SaleConflictProblem extends Problem {

    private static final long serialVersionUID = 1L;

    SaleConflictProblem(String field, String what) {
      super(
          Problem.Kind.CONFLICT,
          "sale-conflict",
          "Sale conflict",
          what + " was already sold at another price or time; no sale was recorded.");
      field(field, List.of());
    }
  }

  /** 409 {@code no-reference-profile}: the model's training data are gone, drift has no base. */
  static final class NoReferenceProfileProblem extends Problem {

    private static final long serialVersionUID = 1L;

    NoReferenceProfileProblem(long modelId) {
      super(
          Problem.Kind.CONFLICT,
          "no-reference-profile",
          "No reference profile",
          "Model "
              + modelId
              + "'s training data are no longer stored, so there is nothing to compare with.");
    }
  }

  /** 404 {@code sale-not-found}: no sale has the id. */
  static final class SaleNotFoundProblem extends Problem {

    private static final long serialVersionUID = 1L;

    SaleNotFoundProblem(long id) {
      super(
          Problem.Kind.NOT_FOUND,
          "sale-not-found",
          "Sale not found",
          "No sale has the id " + id + " (GET /api/v1/sales lists the latest).");
    }
  }

  /** 409 {@code sale-voided}: a voided sale is not changed again. */
  static final class SaleVoidedProblem extends Problem {

    private static final long serialVersionUID = 1L;

    SaleVoidedProblem(long id) {
      super(
          Problem.Kind.CONFLICT,
          "sale-voided",
          "Sale voided",
          "Sale "
              + id
              + " was voided and is not changed again; report it again (POST /api/v1/sales) if the"
              + " sale did happen.");
    }
  }
}
