package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The key a request was made with, as a request attribute the guard sets once the bearer secret is
 * checked: the key's id, or {@code admin-token} for the bootstrap token; never the secret. The
 * request log records it.
 */
public final class CallerKey {

  static final String ATTRIBUTE = CallerKey.class.getName();

  private CallerKey() {}

  /** The id of the key the request was made with, or null for an anonymous request. */
  public static String of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
  }

  static void set(HttpServletRequest request, String keyId) {
    request.setAttribute(ATTRIBUTE, keyId);
  }
}
