package com.diamondpricing.server.web;

import com.diamondpricing.server.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests as an attacker sends them: path spellings that route to a protected endpoint, bodies
 * that break parsers, wrong methods, types and encodings. Each must get a 4xx problem+json, never a
 * 5xx, and exactly one request-log row. {@link HostileRequestsIntegrationTests} sends them to the
 * service; {@link #main} sends them to any running server and prints a table (used for the
 * before/after table of issue 9).
 */
final class HostileRequests {

  static final String DIAMOND =
      "{\"carat\":1.1,\"cut\":\"Ideal\",\"color\":\"H\",\"clarity\":\"SI2\",\"depth\":62.0,"
          + "\"table\":55.0,\"x\":6.61,\"y\":6.65,\"z\":4.11}";

  /** One hostile request and the status it must get. */
  record Hostile(String name, int expected, byte[] bytes) {

    /** The request with a given request id and admin token in place of the markers. */
    byte[] bytes(String requestId, String token) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      return text.replace("@ID@", requestId)
          .replace("@TOKEN@", token)
          .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private HostileRequests() {}

  /** Builds one raw request. */
  static final class Builder {
    private final String name;
    private final int expected;
    private final String requestLine;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private boolean length = true;
    private boolean chunked;

    Builder(String name, int expected, String method, String target) {
      this.name = name;
      this.expected = expected;
      this.requestLine = method + " " + target + " HTTP/1.1";
    }

    Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Builder admin() {
      return header("Authorization", "Bearer @TOKEN@");
    }

    Builder json(String body) {
      return header("Content-Type", "application/json").body(body);
    }

    Builder body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    Builder body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    Builder noLength() {
      this.length = false;
      return this;
    }

    Builder chunked() {
      this.chunked = true;
      this.length = false;
      return header("Transfer-Encoding", "chunked");
    }

    Hostile build() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder head = new StringBuilder(requestLine).append("\r\n");
      head.append("Host: localhost\r\n");
      head.append("X-Request-Id: @ID@\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null && length && !headers.containsKey("Content-Length")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        if (chunked) {
          int at = 0;
          while (at < body.length) {
            int n = Math.min(8192, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += n;
          }
          out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          out.writeBytes(body);
        }
      }
      return new Hostile(name, expected, out.toByteArray());
    }
  }

  static Builder request(String name, int expected, String method, String target) {
    return new Builder(name, expected, method, target);
  }

  /** The corpus. */
  static List<Hostile> all() {
    List<Hostile> all = new ArrayList<>();
    // ---- path spellings that route to a protected endpoint
    all.add(request("encoded letter: request log", 401, "GET", "/api/v1/%72equest-log").build());
    all.add(request("path parameter: request log", 400, "GET", "/api;x=1/v1/request-log").build());
    all.add(
        request("path parameter: promote", 400, "POST", "/api;a=b/v1/models/1/promote")
            .json("{}")
            .build());
    all.add(
        request("encoded letter: training runs", 401, "POST", "/%61pi/v1/training-runs")
            .json("{}")
            .build());
    all.add(
        request("encoded letter: promote", 401, "POST", "/api/v1/models/1/%70romote")
            .json("{}")
            .build());
    all.add(request("encoded letter: artifact", 401, "GET", "/api/v1/models/1/%61rtifact").build());
    all.add(request("dot-dot segment", 400, "GET", "/api/v1/models/../request-log").build());
    all.add(request("encoded dot-dot", 400, "GET", "/api/v1/models/%2e%2e/request-log").build());
    all.add(request("dot segment", 400, "GET", "/api/v1/./request-log").build());
    all.add(request("leading double slash", 400, "GET", "//api/v1/request-log").build());
    all.add(request("inner double slash", 400, "GET", "/api/v1//request-log").build());
    all.add(request("encoded slash", 400, "GET", "/api/v1/models%2F1").build());
    all.add(request("encoded backslash", 400, "GET", "/api/v1/models%5C1").build());
    all.add(request("encoded percent", 400, "GET", "/api/v1/%2572equest-log").build());
    all.add(request("encoded tab", 404, "GET", "/api/v1/models/1%09").build());
    all.add(
        request("session id path parameter", 400, "GET", "/api/v1/models;jsessionid=a").build());
    all.add(request("trailing slash: request log", 401, "GET", "/api/v1/request-log/").build());
    all.add(request("upper-case prefix", 404, "GET", "/API/v1/request-log").build());
    // ---- bodies that break parsers
    all.add(
        request("batch with a null item", 422, "POST", "/api/v1/predictions/batch")
            .json("{\"diamonds\":[null]}")
            .build());
    all.add(
        request("batch with an object for the list", 400, "POST", "/api/v1/predictions/batch")
            .json("{\"diamonds\":{}}")
            .build());
    all.add(
        request("duplicate key", 400, "POST", "/api/v1/predictions")
            .json("{\"carat\":1.1,\"carat\":9," + DIAMOND.substring(13))
            .build());
    all.add(
        request("deep nesting", 400, "POST", "/api/v1/predictions")
            .json("{\"carat\":" + "[".repeat(5000) + "1" + "]".repeat(5000) + "}")
            .build());
    byte[] badUtf8 = DIAMOND.replace("Ideal", "Id\u00ffal").getBytes(StandardCharsets.ISO_8859_1);
    all.add(
        request("invalid UTF-8", 400, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/json")
            .body(badUtf8)
            .build());
    all.add(
        request("lone surrogate escape", 422, "POST", "/api/v1/predictions")
            .json(DIAMOND.replace("Ideal", "\\ud800"))
            .build());
    all.add(
        request("unknown charset", 415, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/json;charset=x-no-such-charset")
            .body(DIAMOND)
            .build());
    all.add(
        request("gzip content encoding", 415, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .body(
                new byte[] {
                  0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0
                })
            .build());
    all.add(
        request("br content encoding", 415, "POST", "/api/v1/predictions/batch")
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "br")
            .body("{}")
            .build());
    all.add(
        request("overlong number", 400, "POST", "/api/v1/predictions")
            .json(DIAMOND.replace("1.1", "1." + "1".repeat(5000)))
            .build());
    all.add(
        request("huge exponent", 422, "POST", "/api/v1/predictions")
            .json(DIAMOND.replace("1.1", "1e999999999"))
            .build());
    all.add(
        request("NaN literal", 400, "POST", "/api/v1/predictions")
            .json(DIAMOND.replace("1.1", "NaN"))
            .build());
    all.add(request("empty body", 400, "POST", "/api/v1/predictions").json("").build());
    all.add(request("JSON null body", 400, "POST", "/api/v1/predictions").json("null").build());
    all.add(request("array body", 400, "POST", "/api/v1/predictions").json("[1,2]").build());
    all.add(
        request("trailing tokens", 400, "POST", "/api/v1/predictions")
            .json(DIAMOND + " {}")
            .build());
    all.add(
        request("comment in JSON", 400, "POST", "/api/v1/predictions")
            .json("/* hi */" + DIAMOND)
            .build());
    all.add(
        request("single quotes", 400, "POST", "/api/v1/predictions")
            .json(DIAMOND.replace('"', '\''))
            .build());
    // ---- wrong content types, methods and sizes
    all.add(
        request("text/plain body", 415, "POST", "/api/v1/predictions")
            .header("Content-Type", "text/plain")
            .body(DIAMOND)
            .build());
    all.add(request("no content type", 415, "POST", "/api/v1/predictions").body(DIAMOND).build());
    all.add(
        request("form body", 415, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("carat=1")
            .build());
    all.add(
        request("multipart on predictions", 415, "POST", "/api/v1/predictions")
            .header("Content-Type", "multipart/form-data; boundary=XyZ")
            .body("--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--XyZ--\r\n")
            .build());
    all.add(
        request("multipart on a read", 415, "GET", "/api/v1/models")
            .header("Content-Type", "multipart/form-data; boundary=XyZ")
            .body("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XyZ--\r\n")
            .build());
    all.add(
        request("multipart without a boundary", 400, "POST", "/api/v1/training-runs")
            .admin()
            .header("Content-Type", "multipart/form-data")
            .body("garbage")
            .build());
    all.add(request("DELETE on predictions", 405, "DELETE", "/api/v1/predictions").build());
    all.add(request("PUT on a model", 405, "PUT", "/api/v1/models/1").json("{}").build());
    all.add(request("PATCH on runs", 405, "PATCH", "/api/v1/training-runs").json("{}").build());
    all.add(request("an invented method", 405, "FOO", "/api/v1/models").build());
    all.add(request("WebDAV's PROPFIND", 405, "PROPFIND", "/api/v1/models/1").build());
    all.add(request("TRACE", 405, "TRACE", "/api/v1/models").header("Cookie", "s=echo").build());
    all.add(request("TRACE on a POST endpoint", 405, "TRACE", "/api/v1/predictions").build());
    all.add(
        request("declared length over the limit", 413, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/json")
            .header("Content-Length", "2000000")
            .build());
    all.add(
        request("chunked body over the limit", 413, "POST", "/api/v1/predictions")
            .header("Content-Type", "application/json")
            .chunked()
            .body("{\"carat\":\"" + "1".repeat(1_100_000) + "\"}")
            .build());
    all.add(
        request("Accept XML", 406, "POST", "/api/v1/predictions")
            .header("Accept", "application/xml")
            .json(DIAMOND)
            .build());
    // the API speaks JSON: no YAML answer from a converter a library brought (JsonConfiguration)
    all.add(
        request("Accept YAML", 406, "POST", "/api/v1/predictions")
            .header("Accept", "application/yaml")
            .json(DIAMOND)
            .build());
    all.add(
        request("Accept YAML on the registry", 406, "GET", "/api/v1/models")
            .header("Accept", "application/yaml")
            .build());
    // ---- parameters
    all.add(
        request("modelId not a number", 400, "POST", "/api/v1/predictions?modelId=abc")
            .json(DIAMOND)
            .build());
    all.add(
        request("modelId overflow", 400, "POST", "/api/v1/predictions?modelId=99999999999999999999")
            .json(DIAMOND)
            .build());
    all.add(
        request("model type path trick", 400, "POST", "/api/v1/predictions?model=..%2F..%2Fetc")
            .json(DIAMOND)
            .build());
    all.add(
        request(
                "similar n out of range",
                400,
                "GET",
                "/api/v1/diamonds/similar?carat=1&cut=Ideal&color=H&clarity=SI2&n=100000")
            .build());
    all.add(
        request(
                "similar unknown grade",
                400,
                "GET",
                "/api/v1/diamonds/similar?carat=1&cut=Shiny&color=H&clarity=SI2")
            .build());
    all.add(
        request("request log limit out of range", 400, "GET", "/api/v1/request-log?limit=100000000")
            .admin()
            .build());
    all.add(
        request("trials out of range", 400, "POST", "/api/v1/training-runs")
            .admin()
            .json("{\"trials\":100000000}")
            .build());
    all.add(
        request("unknown model type", 400, "POST", "/api/v1/training-runs")
            .admin()
            .json("{\"models\":[\"../linear\"]}")
            .build());
    return all;
  }

  /**
   * Sends the corpus to a running server and prints one line per request: status, content type,
   * error code. {@code args}: host, port, admin token.
   */
  public static void main(String[] args) throws IOException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String token = args.length > 2 ? args[2] : "none";
    String run = Long.toString(System.currentTimeMillis() % 100000, 36);
    int i = 0;
    for (Hostile h : all()) {
      String id = "hostile-" + run + "-" + (++i);
      String line;
      try {
        RawHttp.Answer a = RawHttp.send(host, port, h.bytes(id, token));
        String code = a.text().replaceAll("(?s).*\"code\":\"([^\"]*)\".*", "$1");
        line =
            a.status()
                + "\t"
                + a.header("Content-Type")
                + "\t"
                + (code.length() < 40 ? code : "-")
                + "\t"
                + a.header("X-Request-Id");
      } catch (IOException e) {
        line = "no answer: " + e;
      }
      System.out.println(i + "\t" + h.name() + "\t" + h.expected() + "\t" + line);
    }
  }
}
