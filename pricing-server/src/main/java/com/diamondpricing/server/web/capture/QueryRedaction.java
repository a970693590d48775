package com.diamondpricing.server.web.capture;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Query strings as the request log stores them: the value of every parameter whose name, once
 * decoded ({@code %74oken} is {@code token}), looks like a secret is replaced by {@value
 * #REDACTED}.
 */
final class QueryRedaction {

  static final String REDACTED = "[redacted]";

  /** Words that make a parameter name a secret's (compared without case, '-', '_' or '.'). */
  static final List<String> SECRET_WORDS =
      List.of(
          "token",
          "secret",
          "passw",
          "pwd",
          "key",
          "auth",
          "bearer",
          "jwt",
          "credential",
          "session",
          "signature",
          "private",
          "cookie");

  private QueryRedaction() {}

  /** The query string with the values of parameters named like a secret replaced. */
  static String redact(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      if (i > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && secret(decode(name))) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  static boolean secret(String name) {
    StringBuilder plain = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c != '-' && c != '_' && c != '.' && c != ' ') {
        plain.append(c);
      }
    }
    String n = plain.toString();
    for (String word : SECRET_WORDS) {
      if (n.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The name decoded as a form field is; a name that does not decode is taken as it is. */
  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name.replace("%", "");
    }
  }
}
