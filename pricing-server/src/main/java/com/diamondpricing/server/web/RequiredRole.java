package com.diamondpricing.server.web;

import java.util.Locale;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call an operation, as the guard's rules ({@link SecurityConfiguration}) say: anyone, a
 * key with the sales role (or admin), or admin only; whatever the rules do not list as open or
 * sales is admin (deny by default). The OpenAPI document and the 401 and 403 answers word it.
 */
enum RequiredRole {
  OPEN,
  SALES,
  ADMIN;

  /** The role's name as the documentation and the answers spell it. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role an operation needs, by its path pattern (or path) and method. */
  static RequiredRole of(String path, String method) {
    PathContainer container = PathContainer.parsePath(path);
    String m = method.toUpperCase(Locale.ROOT);
    if (m.equals("GET") || m.equals("HEAD")) {
      if (matchesAny(SecurityConfiguration.OPEN_READS, container)) {
        return OPEN;
      }
      return matchesAny(SecurityConfiguration.SALES_READS, container) ? SALES : ADMIN;
    }
    if (m.equals("POST")) {
      if (matchesAny(SecurityConfiguration.OPEN_WRITES, container)) {
        return OPEN;
      }
      return matchesAny(SecurityConfiguration.SALES_WRITES, container) ? SALES : ADMIN;
    }
    return ADMIN;
  }

  /** What an answer says the operation needs. */
  String needs() {
    return switch (this) {
      case OPEN -> "nothing";
      case SALES -> "an API key with the sales role (or admin)";
      case ADMIN -> "the admin token or an API key with the admin role";
    };
  }

  private static boolean matchesAny(String[] patterns, PathContainer path) {
    for (String pattern : patterns) {
      if (PathPatternParser.defaultInstance.parse(pattern).matches(path)) {
        return true;
      }
    }
    return false;
  }
}
