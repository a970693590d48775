package com.diamondpricing.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API takes as a request body, decided before anything reads it (right after the security
 * guard, on the routed path):
 *
 * <ul>
 *   <li>no {@code Content-Encoding} but {@code identity}: 415 (the service inflates nothing);
 *   <li>{@code multipart/*} only on {@code POST /api/v1/training-runs} (its size is capped by
 *       {@code diamonds.upload.max-size}); anywhere else 415, unread;
 *   <li>other bodies under {@code /api/}: at most 1 MB, 10 MB for a batch. A declared length over
 *       the cap is refused at once; a body without one is counted as it is read. Either way 413.
 *   <li>a body must have arrived within {@code diamonds.http.body-timeout} of the request (checked
 *       before each read; one read waits at most Tomcat's {@code connection-timeout}), else 408
 *       {@code body-timeout} and the connection is closed;
 *   <li>a read that would wait for the network (nothing of the body is buffered yet) first takes
 *       one of {@code diamonds.http.slow-body-readers} slots, kept to the end of the request; with
 *       none free, 503 {@code server-busy}: slow clients hold at most that many worker threads, the
 *       others stay free. A body that came with its headers takes no slot.
 * </ul>
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class RequestBodyFilter extends OncePerRequestFilter {

  static final long SINGLE_LIMIT = 1L << 20;
  static final long BATCH_LIMIT = 10L << 20;
  static final String UPLOAD_PATH = "/api/v1/training-runs";

  private final SlowBodies slowBodies;

  RequestBodyFilter(SlowBodies slowBodies) {
    this.slowBodies = slowBodies;
  }

  /** A body that grew past its cap while being read. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    BodyTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** A body still arriving when its time was up. */
  static final class BodyTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTimeoutException() {
      super("the request body did not arrive in time");
    }
  }

  /** A body to wait for while every slow-body slot is taken. */
  static final class ServerBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    ServerBusyException() {
      super("too many requests wait for their bodies");
    }
  }

  static long limitFor(String path) {
    if (path.startsWith("/api/v1/predictions/batch")) {
      return BATCH_LIMIT;
    }
    return SINGLE_LIMIT;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RoutedPath.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      refuse(
          request,
          response,
          unsupported(
              "Content-Encoding",
              "The request body must not be encoded (Content-Encoding '"
                  + abbreviate(encoding.strip())
                  + "'): send it as it is.",
              List.of("identity")));
      return;
    }
    String path = RoutedPath.of(request);
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      if (request.getMethod().equals("POST") && path.equals(UPLOAD_PATH)) {
        chain.doFilter(request, response);
      } else {
        refuse(
            request,
            response,
            unsupported(
                "Content-Type",
                "Multipart bodies are taken only by POST " + UPLOAD_PATH + ".",
                List.of("application/json")));
      }
      return;
    }
    long limit = limitFor(path);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, tooLarge(limit));
      return;
    }
    Limited limited = new Limited(request, limit, slowBodies.deadline());
    try {
      chain.doFilter(limited, response);
    } finally {
      if (limited.stream != null && limited.stream.slot) {
        slowBodies.give();
      }
    }
  }

  static ProblemDetail bodyTimeout() {
    return ProblemWriter.problem(
        408,
        "body-timeout",
        "Request body too slow",
        "The request body did not arrive in time; send it at once, with its headers.");
  }

  static ProblemDetail serverBusy() {
    return ProblemWriter.problem(
        503,
        "server-busy",
        "Server busy",
        "Too many requests are waiting for their bodies to arrive; try again in a moment.");
  }

  private static ProblemDetail unsupported(String field, String detail, List<String> allowed) {
    ProblemDetail problem =
        ProblemWriter.problem(415, "unsupported-media-type", "Unsupported Media Type", detail);
    problem.setProperty(Problems.FIELD, field);
    problem.setProperty(Problems.ALLOWED_VALUES, allowed);
    return problem;
  }

  static ProblemDetail tooLarge(long limit) {
    return ProblemWriter.problem(
        413,
        "body-too-large",
        "Request body too large",
        "The request body is larger than " + limit + " bytes, the most this endpoint takes.");
  }

  /** Answers without reading the body, and closes the connection (the body is not wanted). */
  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    response.setHeader("Connection", "close");
    ProblemWriter.write(request, response, problem);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private final long deadline;
    private Counting stream;

    Limited(HttpServletRequest request, long limit, long deadline) {
      super(request);
      this.limit = limit;
      this.deadline = deadline;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit, deadline);
      }
      return stream;
    }
  }

  private final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private final long deadline;
    private long read;
    boolean slot; // holds a slow-body slot

    Counting(ServletInputStream in, long limit, long deadline) {
      this.in = in;
      this.limit = limit;
      this.deadline = deadline;
    }

    /** Before a read: in time, and a slot if it would wait for the network. */
    private void admit() throws IOException {
      if (SlowBodies.past(deadline)) {
        throw new BodyTimeoutException();
      }
      if (!slot && !in.isFinished() && in.available() == 0) {
        if (!slowBodies.take()) {
          throw new ServerBusyException();
        }
        slot = true;
      }
    }

    private int count(int n) throws IOException {
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new BodyTooLargeException(limit);
        }
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      admit();
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      admit();
      return count(in.read(b, off, len));
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
