package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The model that answered a request, left on the request by the feature that used it, for the
 * request log to record.
 */
public record AnsweringModel(long id, String type, int version) {

  static final String ATTRIBUTE = "diamonds.answeringModel";

  /** Leaves this model on the request. */
  public void setOn(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /** The model left on the request, or null. */
  public static AnsweringModel of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof AnsweringModel m ? m : null;
  }
}
