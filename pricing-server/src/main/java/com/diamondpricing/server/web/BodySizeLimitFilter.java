package com.diamondpricing.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON bodies: 1 MB for a prediction, 10 MB for a batch. A declared length over the cap is
 * refused at once; a body without a length is counted as it is read. Either way the answer is 413
 * problem+json. (Uploads of training data have their own, larger multipart limits.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  static final long SINGLE_LIMIT = 1L << 20;
  static final long BATCH_LIMIT = 10L << 20;

  /** A body that grew past its cap while being read. */
  static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    BodyTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  static long limitFor(String path) {
    if (path.startsWith("/api/v1/predictions/batch")) {
      return BATCH_LIMIT;
    }
    if (path.startsWith("/api/")) {
      return SINGLE_LIMIT;
    }
    return -1;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    long limit = limitFor(path);
    String type = request.getContentType();
    if (limit < 0 || (type != null && type.toLowerCase().startsWith("multipart/"))) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, path, limit);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  static void tooLarge(HttpServletResponse response, String path, long limit) throws IOException {
    response.setStatus(413);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Connection", "close");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://diamond-pricing.example/problems/body-too-large\","
                + "\"title\":\"Request body too large\",\"status\":413,\"detail\":\"The request"
                + " body is larger than "
                + limit
                + " bytes, the most this endpoint takes.\",\"code\":\"body-too-large\","
                + "\"instance\":\""
                + path.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
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
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return count(in.read(b, off, len));
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
