package com.diamondpricing.server.requestlog;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The response as the application writes it: everything goes straight through (nothing is buffered
 * here), and the first bytes or characters of the body are kept.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

  private final Capture capture;
  private ServletOutputStream stream;
  private PrintWriter writer;

  CapturingResponse(HttpServletResponse response, int cap) {
    super(response);
    this.capture = new Capture(cap);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new CapturingStream(super.getOutputStream(), capture);
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new PrintWriter(new CapturingWriter(super.getWriter(), capture));
    }
    return writer;
  }

  @Override
  public void reset() {
    super.reset();
    capture.reset();
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    capture.reset();
  }

  Capture capture() {
    return capture;
  }

  private static final class CapturingStream extends ServletOutputStream {
    private final ServletOutputStream out;
    private final Capture capture;

    CapturingStream(ServletOutputStream out, Capture capture) {
      this.out = out;
      this.capture = capture;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      capture.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      capture.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }

  private static final class CapturingWriter extends Writer {
    private final Writer out;
    private final Capture capture;

    CapturingWriter(Writer out, Capture capture) {
      this.out = out;
      this.capture = capture;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
      out.write(c, off, len);
      capture.write(c, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      out.write(s, off, len);
      capture.write(s, off, len);
    }

    @Override
    public void write(int c) throws IOException {
      out.write(c);
      capture.write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
