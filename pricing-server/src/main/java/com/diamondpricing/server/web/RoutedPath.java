package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed on: the servlet container's decoded and normalised path within the
 * application ({@code %61pi} read as {@code api}, {@code ;name=value} path parameters dropped, dot
 * segments resolved), which is what Spring MVC matches handlers against. Every filter that decides
 * by path (the request log, the body limits, the security rules) decides on this one, never on the
 * raw request URI, so no spelling of a path reaches a handler past a check made for another path.
 */
public final class RoutedPath {

  private RoutedPath() {}

  /** The routed path, e.g. {@code /api/v1/request-log} for {@code /api;x=1/v1/%72equest-log}. */
  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    String path =
        servletPath == null || servletPath.isEmpty()
            ? (pathInfo == null ? "" : pathInfo)
            : (pathInfo == null ? servletPath : servletPath + pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  /** Whether the request is for the HTTP API (its routed path starts with {@code /api/}). */
  public static boolean isApi(HttpServletRequest request) {
    return of(request).regionMatches(true, 0, "/api/", 0, 5);
  }
}
