package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.prediction.ModelRef;
import com.diamondpricing.server.web.RequestIdFilter;
import com.diamondpricing.server.web.RoutedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request under {@code /api/} with its response, as one {@link RequestRecord} handed
 * to the {@link RequestLogWriter} (which never blocks). It runs right after {@link RequestIdFilter}
 * (whose id it records) and before every other filter of the service, so the 413 of the body size
 * limit and the 401 of the admin token are recorded like any answer.
 *
 * <p>Bodies are kept up to {@code diamonds.request-log.max-body} as they stream by (nothing is
 * buffered for the client); a small body the application did not read (a refused request) is read
 * to its end so it is recorded too. Multipart uploads are recorded as {@code [multipart upload, N
 * bytes]}, other binary bodies as {@code [<content type>, N bytes]}. No header is recorded but the
 * user agent and the content types; query parameters named like a secret (token, password, key) are
 * recorded as {@code [redacted]}.
 */
final class RequestLogFilter extends OncePerRequestFilter {

  /** After {@link RequestIdFilter}, before the security guard and the body limits. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

  /** The request attribute naming the model that answered ({@link ModelRef}), set by the API. */
  static final String MODEL_ATTRIBUTE = "diamonds.model";

  static final String REDACTED = "[redacted]";

  private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);
  private static final List<String> SECRET_WORDS =
      List.of(
          "token",
          "secret",
          "passw",
          "apikey",
          "api_key",
          "api-key",
          "auth",
          "credential",
          "session");

  private final RequestLogWriter writer;
  private final int cap;

  RequestLogFilter(RequestLogWriter writer, int cap) {
    this.writer = writer;
    this.cap = cap;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RoutedPath.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    boolean multipart = startsWith(request.getContentType(), "multipart/");
    CapturingRequest capturing = multipart ? null : new CapturingRequest(request, cap);
    CapturingResponse captured = new CapturingResponse(response, cap);
    boolean failed = false;
    try {
      chain.doFilter(capturing != null ? capturing : request, captured);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      failed = true;
      throw e;
    } finally {
      try {
        writer.submit(record(request, capturing, captured, received, start, failed));
      } catch (RuntimeException e) {
        // recording must never fail the request; the writer counts what it loses
        log.error("Request log: cannot record {} {}", request.getMethod(), path(request), e);
      }
    }
  }

  private RequestRecord record(
      HttpServletRequest request,
      CapturingRequest capturing,
      CapturingResponse response,
      Instant received,
      long start,
      boolean failed) {
    int status = failed && !response.isCommitted() ? 500 : response.getStatus();
    String contentType = request.getContentType();
    long declared = request.getContentLengthLong();
    String requestBody;
    boolean requestTruncated = false;
    if (capturing == null) {
      requestBody =
          declared >= 0 ? "[multipart upload, " + declared + " bytes]" : "[multipart upload]";
    } else {
      if (!capturing.finished()
          && declared > capturing.capture().total()
          && declared <= cap
          && status != 413
          && request.getHeader("Expect") == null) {
        capturing.drain(declared);
      }
      Capture c = capturing.capture();
      if (c.total() == 0 && declared <= 0) {
        requestBody = null;
      } else if (textual(contentType)) {
        requestBody = c.text(request.getCharacterEncoding());
        requestTruncated = c.truncated() || declared > c.kept();
      } else {
        requestBody = placeholder(contentType, Math.max(declared, c.total()));
      }
    }
    Capture out = response.capture();
    String responseType = response.getContentType();
    String responseBody;
    boolean responseTruncated = false;
    if (out.total() == 0) {
      responseBody = null;
    } else if (textual(responseType)) {
      responseBody = out.text(response.getCharacterEncoding());
      responseTruncated = out.truncated();
    } else {
      responseBody = placeholder(responseType, out.total());
    }
    Object model = request.getAttribute(MODEL_ATTRIBUTE);
    ModelRef ref = model instanceof ModelRef m ? m : null;
    return new RequestRecord(
        cut(RequestIdFilter.of(request), 64),
        received,
        cut(request.getMethod(), 16),
        cut(path(request), 2000),
        cut(redact(request.getQueryString()), 8000),
        cut(request.getRemoteAddr(), 100),
        cut(request.getHeader("User-Agent"), 1000),
        cut(contentType, 255),
        requestBody,
        requestTruncated,
        status,
        cut(responseType, 255),
        responseBody,
        responseTruncated,
        (System.nanoTime() - start) / 1e6,
        ref == null ? null : ref.id(),
        ref == null ? null : ref.type(),
        ref == null ? null : ref.version());
  }

  static String path(HttpServletRequest request) {
    return RoutedPath.of(request);
  }

  /** Whether a body of this type is text worth storing as such. */
  static boolean textual(String contentType) {
    if (contentType == null) {
      return true;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("text/")
        || t.contains("json")
        || t.contains("xml")
        || t.contains("x-www-form-urlencoded")
        || t.contains("csv")
        || t.contains("yaml")
        || t.contains("javascript");
  }

  private static String placeholder(String contentType, long bytes) {
    String type = contentType == null ? "binary" : cut(contentType.strip(), 100);
    return "[" + type + " body, " + bytes + " bytes]";
  }

  /** The query string with the values of parameters named like a secret replaced. */
  static String redact(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    if (!secret(query)) {
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
      if (eq >= 0 && secret(name)) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  private static boolean secret(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
