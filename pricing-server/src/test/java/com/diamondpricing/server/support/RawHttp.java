package com.diamondpricing.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: no client library normalises the path,
 * encodes the body or fixes the headers, so requests can be as odd as an attacker's.
 */
public final class RawHttp {

  private RawHttp() {}

  /** An answer: status, headers (names lower-cased, the last value of each) and the body. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends the bytes (a whole request: request line, headers, blank line, body) with {@code
   * Connection: close} expected in them, and reads the answer to the end of the connection.
   */
  public static Answer send(String host, int port, byte[] request) throws IOException {
    return send(host, port, null, request);
  }

  /**
   * As {@link #send(String, int, byte[])}, from a local address of this machine (another loopback
   * address, such as 127.0.0.2, is another client to the server); null: any.
   */
  public static Answer send(String host, int port, InetAddress from, byte[] request)
      throws IOException {
    try (Socket socket = new Socket()) {
      if (from != null) {
        socket.bind(new InetSocketAddress(from, 0));
      }
      socket.connect(new InetSocketAddress(host, port), 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while (!complete(all.toByteArray()) && (n = in.read(buffer)) >= 0) {
          all.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // a reset after the answer (the server closed a connection with unread body bytes)
        if (all.size() == 0) {
          throw e;
        }
      }
      return parse(all.toByteArray());
    }
  }

  /** Whether the bytes hold a whole answer (by its length, or its last chunk). */
  private static boolean complete(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      return false;
    }
    String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    for (String line : head.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return raw.length - end - 4 >= Long.parseLong(line.substring(15).strip());
      }
      if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
        return indexOf(raw, "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), end) >= 0
            || indexOf(raw, "\r\n\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0) >= 0;
      }
    }
    return false;
  }

  static Answer parse(byte[] raw) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IOException("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int semicolon = sizeText.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
