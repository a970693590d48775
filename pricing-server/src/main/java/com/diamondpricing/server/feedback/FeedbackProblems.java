package com.diamondpricing.server.feedback;

import com.diamondpricing.server.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The feedback's own problems; a malformed field is {@code invalid-parameter} naming it. */
final class FeedbackProblems {

  private FeedbackProblems() {}

  /** 422 {@code unknown-prediction}: no prediction has the id a sale names. */
  static final class UnknownPrediction extends ApiException {

    private static final long serialVersionUID = 1L;

    UnknownPrediction(String field, String predictionId) {
      super(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "unknown-prediction",
          "Unknown prediction",
          "No price was given with the id '"
              + predictionId
              + "' (the request log records predictions a moment after they are answered); no sale"
              + " was recorded.");
      field(field, List.of());
    }
  }

  /**
   * 409 {@code sale-conflict}: a sale of the same stone was recorded with another price or time.
   */
  static final class Conflict extends ApiException {

    private static final long serialVersionUID = 1L;

    Conflict(String field, String what) {
      super(
          HttpStatus.CONFLICT,
          "sale-conflict",
          "Sale conflict",
          what + " was already sold at another price or time; no sale was recorded.");
      field(field, List.of());
    }
  }

  /** 409 {@code no-reference-profile}: the model's training data are gone, drift has no base. */
  static final class NoReferenceProfile extends ApiException {

    private static final long serialVersionUID = 1L;

    NoReferenceProfile(long modelId) {
      super(
          HttpStatus.CONFLICT,
          "no-reference-profile",
          "No reference profile",
          "Model "
              + modelId
              + "'s training data are no longer stored, so there is nothing to compare with.");
    }
  }
}
