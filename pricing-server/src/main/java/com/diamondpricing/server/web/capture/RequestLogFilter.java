package com.diamondpricing.server.web.capture;

import com.diamondpricing.server.ledger.AnsweringModel;
import com.diamondpricing.server.requestlog.RequestLog;
import com.diamondpricing.server.requestlog.RequestRecord;
import com.diamondpricing.server.system.RequestId;
import com.diamondpricing.server.web.CallerKey;
import com.diamondpricing.server.web.ProblemWriter;
import com.diamondpricing.server.web.RequestIdFilter;
import com.diamondpricing.server.web.RoutedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request whose routed path is under {@code /api/} with its response, as one {@link
 * RequestRecord}, and releases the response only once the record is in the journal ({@link
 * RequestLog}): an answered request is never missing from the log, even after {@code kill -9}. It
 * runs right after {@link RequestIdFilter} (whose id it records) and before the security guard and
 * the body limits, so their refusals are recorded like any answer.
 *
 * <p>Bodies are kept up to {@code diamonds.request-log.max-body}; a small body the application did
 * not read (a refused request) is read to its end so it is recorded too. Multipart uploads are
 * recorded as {@code [multipart upload, N bytes]}, other binary bodies as {@code [<content type>, N
 * bytes]}. No header is recorded but the user agent and the content types; query parameters named
 * like a secret ({@link QueryRedaction}) are recorded as {@code [redacted]}. An exception that
 * escapes the application is answered here: 500 with an error id, and logged.
 */
final class RequestLogFilter extends OncePerRequestFilter {

  /** After {@link RequestIdFilter}, before the security guard and the body limits. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

  private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

  private final RequestLog requestLog;
  private final int cap;
  private final Clock clock;
  private final UnaryOperator<String> secrets; // every secret's value replaced by a marker

  RequestLogFilter(RequestLog requestLog, int cap, Clock clock, UnaryOperator<String> secrets) {
    this.requestLog = requestLog;
    this.cap = cap;
    this.clock = clock;
    this.secrets = secrets;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RoutedPath.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!requestLog.open()) {
      requestLog.refused();
      storageFull(request, response);
      return;
    }
    requestLog.entered();
    try {
      recorded(request, response, chain);
    } finally {
      requestLog.left();
    }
  }

  private void recorded(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    long start = System.nanoTime();
    Instant received = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    boolean multipart = startsWith(request.getContentType(), "multipart/");
    CapturingRequest capturing = multipart ? null : new CapturingRequest(request, cap);
    HttpServletRequest seen = capturing != null ? capturing : request;
    BufferedResponse buffered = new BufferedResponse(seen, response);
    try {
      chain.doFilter(seen, buffered);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      unexpected(seen, buffered, e);
    } finally {
      boolean recorded;
      try {
        recorded = requestLog.record(record(request, capturing, buffered, received, start));
      } catch (RuntimeException e) {
        log.error("Request log: cannot record {} {}", request.getMethod(), path(request), e);
        recorded = false;
      }
      if (!recorded) {
        unrecorded(seen, buffered);
      }
      buffered.release();
    }
  }

  /**
   * A request whose record is in neither the journal nor the queue is not answered as if it were:
   * its answer (and the ids of what it priced) never leaves; 503 storage-full when the storage
   * refused it, else 500.
   */
  private void unrecorded(HttpServletRequest request, BufferedResponse response)
      throws IOException {
    if (requestLog.open()) {
      unexpected(request, response, new IllegalStateException("the request log refused a record"));
      return;
    }
    requestLog.refused();
    String requestId = RequestId.of(request);
    response.reset();
    if (requestId != null) {
      response.setHeader(RequestIdFilter.HEADER, requestId);
    }
    storageFull(request, response);
  }

  /** 503 storage-full, with Retry-After: nothing can be recorded now. */
  private static void storageFull(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", Integer.toString(RequestLog.RETRY_AFTER_SECONDS));
    ProblemWriter.write(
        request,
        response,
        ProblemWriter.problem(
            503,
            "storage-full",
            "Storage full",
            "The service cannot record requests right now (its disk or its request log's journal"
                + " is full), so it answers none; try again later."));
  }

  /** An exception no handler answered: 500 with an error id, never the exception's text. */
  private static void unexpected(HttpServletRequest request, BufferedResponse response, Throwable e)
      throws IOException {
    String errorId = UUID.randomUUID().toString();
    log.error("Request {} {} failed (errorId {})", request.getMethod(), path(request), errorId, e);
    var problem =
        ProblemWriter.problem(
            500,
            "internal-error",
            "Internal server error",
            "The server could not answer this request because of an unexpected error; it has been"
                + " logged with the errorId given here.");
    problem.setProperty("errorId", errorId);
    String requestId = RequestId.of(request);
    response.reset(); // what the failed handler set goes, but not the request's id
    if (requestId != null) {
      response.setHeader(RequestIdFilter.HEADER, requestId);
    }
    ProblemWriter.write(request, response, problem);
  }

  private RequestRecord record(
      HttpServletRequest request,
      CapturingRequest capturing,
      BufferedResponse response,
      Instant received,
      long start) {
    int status = response.getStatus();
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
    String responseType = response.getContentType();
    int size = response.size();
    String responseBody;
    boolean responseTruncated = false;
    if (size == 0) {
      responseBody = null;
    } else if (textual(responseType)) {
      Capture out = new Capture(cap);
      out.write(response.bytes(), 0, size);
      responseBody = out.text(response.getCharacterEncoding());
      responseTruncated = out.truncated();
    } else {
      responseBody = placeholder(responseType, size);
    }
    AnsweringModel model = PredictionsOnRequest.answeringModel(request);
    String path = path(request);
    String raw = rawPath(request);
    Object code = request.getAttribute(ProblemWriter.CODE_ATTRIBUTE);
    return new RequestRecord(
        cut(secrets.apply(RequestId.of(request)), 64),
        received,
        cut(request.getMethod(), 16),
        cut(secrets.apply(path), 2000),
        raw.equals(path) ? null : cut(secrets.apply(raw), 2000),
        cut(secrets.apply(QueryRedaction.redact(request.getQueryString())), 8000),
        cut(request.getRemoteAddr(), 100),
        cut(secrets.apply(request.getHeader("User-Agent")), 1000),
        cut(contentType, 255),
        secrets.apply(requestBody),
        requestTruncated,
        status,
        cut(responseType, 255),
        secrets.apply(responseBody),
        responseTruncated,
        (System.nanoTime() - start) / 1e6,
        model == null ? null : model.id(),
        model == null ? null : model.type(),
        model == null ? null : model.version(),
        code == null ? null : cut(code.toString(), 100),
        cut(CallerKey.of(request), 40),
        status < 300 ? PredictionsOnRequest.predictions(request) : List.of());
  }

  static String path(HttpServletRequest request) {
    return RoutedPath.of(request);
  }

  /** The path as the client sent it. */
  static String rawPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
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

  private static boolean startsWith(String value, String prefix) {
    return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
