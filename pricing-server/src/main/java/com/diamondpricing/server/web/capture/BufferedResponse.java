package com.diamondpricing.server.web.capture;

import com.diamondpricing.server.web.ProblemWriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * The response held back until its record is in the journal: the body the application writes is
 * kept here (flushes included), status and headers go to the real response at once, and {@link
 * #release} sends the body. A client therefore never holds an answer the request log could lose.
 * {@code sendError} is answered with a problem, like every other failure.
 */
final class BufferedResponse extends HttpServletResponseWrapper {

  private final HttpServletRequest request;
  private final Body body = new Body();
  private ServletOutputStream stream;
  private PrintWriter writer;
  private boolean released;

  BufferedResponse(HttpServletRequest request, HttpServletResponse response) {
    super(response);
    this.request = request;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (stream == null) {
      stream = new Stream();
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer =
          new PrintWriter(
              new OutputStreamWriter(body, Capture.charset(getCharacterEncoding())), false);
    }
    return writer;
  }

  @Override
  public void flushBuffer() {
    flushWriter();
  }

  @Override
  public boolean isCommitted() {
    return released && super.isCommitted();
  }

  @Override
  public void reset() {
    super.reset();
    body.reset();
  }

  @Override
  public void resetBuffer() {
    body.reset();
  }

  @Override
  public int getBufferSize() {
    return Integer.MAX_VALUE;
  }

  @Override
  public void sendError(int status) throws IOException {
    sendError(status, null);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    body.reset();
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error " + status : known.getReasonPhrase();
    ProblemWriter.write(
        request, this, ProblemWriter.problem(status, "http-" + status, title, title + "."));
  }

  /** The body so far (the writer flushed into it). */
  byte[] bytes() {
    flushWriter();
    return body.bytes();
  }

  int size() {
    flushWriter();
    return body.size();
  }

  /** Sends the held body to the client. */
  void release() throws IOException {
    flushWriter();
    released = true;
    if (body.size() > 0) {
      ServletOutputStream out = super.getOutputStream();
      out.write(body.array(), 0, body.size());
    }
  }

  private void flushWriter() {
    if (writer != null) {
      writer.flush();
    }
  }

  /** A growable buffer that shows its array (no copy to send it). */
  private static final class Body extends ByteArrayOutputStream {
    Body() {
      super(512);
    }

    byte[] array() {
      return buf;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, count);
    }
  }

  private final class Stream extends ServletOutputStream {
    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      body.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new IllegalStateException("the API answers synchronously");
    }
  }
}
