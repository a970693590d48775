package com.diamondpricing.server.web.capture;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** The request as the application reads it, keeping the first bytes of its body. */
final class CapturingRequest extends HttpServletRequestWrapper {

  private final Capture capture;
  private CapturingStream stream;
  private BufferedReader reader;

  CapturingRequest(HttpServletRequest request, int cap) {
    super(request);
    this.capture = new Capture(cap);
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new CapturingStream(super.getInputStream(), capture);
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    if (reader == null) {
      reader =
          new BufferedReader(
              new InputStreamReader(getInputStream(), Capture.charset(getCharacterEncoding())));
    }
    return reader;
  }

  Capture capture() {
    return capture;
  }

  /** Whether the application read the body to its end. */
  boolean finished() {
    return stream != null && stream.eof;
  }

  /**
   * Reads what the application left of a small body (at most {@code max} bytes in all), so that it
   * is recorded too (a 401 does not read the body it refuses).
   */
  void drain(long max) {
    try {
      ServletInputStream in = getInputStream();
      byte[] buffer = new byte[8192];
      while (capture.total() < max && !finished()) {
        if (in.read(buffer, 0, (int) Math.min(buffer.length, max - capture.total())) < 0) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away: what was read is recorded
    }
  }

  private static final class CapturingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final Capture capture;
    boolean eof;

    CapturingStream(ServletInputStream in, Capture capture) {
      this.in = in;
      this.capture = capture;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        eof = true;
      } else {
        capture.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        eof = true;
      } else {
        capture.write(b, off, n);
      }
      return n;
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return eof || in.isFinished();
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
