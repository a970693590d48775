package com.diamondpricing.server.web;

import com.diamondpricing.server.system.AdminToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <admin token>} on the endpoints that change state (every
 * method but GET, HEAD and OPTIONS under {@code /api/}, predictions excepted) and on the request
 * log; a missing or wrong token gets 401 problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminTokenFilter extends OncePerRequestFilter {

  private final AdminToken token;

  AdminTokenFilter(AdminToken token) {
    this.token = token;
  }

  static boolean protectedEndpoint(String method, String path) {
    if (!path.startsWith("/api/")) {
      return false;
    }
    if (path.startsWith("/api/v1/request-log")) {
      return true;
    }
    boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    return !reads && !path.startsWith("/api/v1/predictions");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!protectedEndpoint(request.getMethod(), path)) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader("Authorization");
    String presented =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7)
            : null;
    if (token.matches(presented)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String detail =
        presented == null
            ? "this endpoint changes state: send 'Authorization: Bearer <admin token>'"
            : "the admin token is wrong";
    response
        .getWriter()
        .write(
            "{\"type\":\"https://diamond-pricing.example/problems/unauthorized\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("'", "\\u0027")
                + "\",\"code\":\"unauthorized\",\"instance\":\""
                + path.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }
}
