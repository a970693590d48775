package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The 404 a browser gets for a page address that names no page (a mistyped {@code /modles}): a page
 * with the site's bar saying so, where an API client gets the {@code not-found} problem. A browser
 * is a GET or HEAD outside {@code /api/}, {@code /actuator/} and {@code /docs} whose Accept names
 * {@code text/html}.
 */
@Component
final class NotFoundPage {

  private final ITemplateEngine templates;

  NotFoundPage(ITemplateEngine templates) {
    this.templates = templates;
  }

  static boolean wanted(HttpServletRequest request) {
    if (request == null
        || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      return false;
    }
    String path = request.getRequestURI();
    String accept = request.getHeader("Accept");
    return accept != null
        && accept.contains(MediaType.TEXT_HTML_VALUE)
        && !path.startsWith("/api/")
        && !path.startsWith("/actuator/")
        && !path.startsWith("/docs");
  }

  ResponseEntity<Object> answer(String path) {
    Context context = new Context(Locale.ENGLISH);
    context.setVariable("path", ProblemText.abbreviate(path));
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(templates.process("not-found", context));
  }
}
