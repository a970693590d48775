package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.Databases;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.training.TrainingPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slow clients cannot starve the others. Raw sockets from addresses of the loopback network
 * (127.0.x.y, each a client of its own): a thousand connections that send headers promising a body
 * and then one byte leave every other client answered, and are each answered 408 or 503 in the end;
 * a client past its connection cap has the extra ones closed at once; an idle connection and a
 * trickled body are cut off at their time limits.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.http.max-connections-per-client=16",
      "diamonds.http.slow-body-readers=32",
      "diamonds.http.body-timeout=60s",
      "server.tomcat.connection-timeout=60s"
    })
@DirtiesContext
class SlowClientsIntegrationTests {

  static final String SLOW_HEAD =
      "POST /api/v1/predictions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000\r\n\r\n{";
  static final String PROBE_BODY =
      "{\"carat\": 0.7, \"cut\": \"Ideal\", \"color\": \"G\", \"clarity\": \"VS1\", \"x\": 5.7}";

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired MeterRegistry meters;

  final List<Socket> sockets = new ArrayList<>();

  @DynamicPropertySource
  static void ownHome(DynamicPropertyRegistry registry) {
    Path home = Databases.freshHome();
    registry.add("diamonds.home", home::toString);
    registry.add("diamonds.db.url", () -> "");
  }

  @BeforeEach
  void champion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  @AfterEach
  void closeAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // gone already
      }
    }
    sockets.clear();
  }

  Socket open(String from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(from, 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    sockets.add(s);
    return s;
  }

  /** A price asked for from {@code from}, one connection; its status and time in ms. */
  long[] probe(String from) throws IOException {
    long start = System.nanoTime();
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(from, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(10_000);
      byte[] body = PROBE_BODY.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /api/v1/predictions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + "Content-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      OutputStream out = s.getOutputStream();
      // one write, as clients send a small request: its body arrives with its headers
      out.write((head + PROBE_BODY).getBytes(StandardCharsets.UTF_8));
      out.flush();
      int status = status(readAll(s.getInputStream()));
      return new long[] {status, (System.nanoTime() - start) / 1_000_000};
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) >= 0) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // reset after the answer
    }
    return all.toByteArray();
  }

  static int status(byte[] answer) {
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
  }

  /** Whether the server closed the connection within the socket's timeout (-1 on read). */
  static boolean closedByServer(Socket s) throws IOException {
    try {
      return s.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset
    }
  }

  @Test
  void aThousandSlowConnectionsLeaveOtherClientsAnswered() throws Exception {
    List<Socket> slowHeaders = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Socket s = open("127.0.2." + (1 + i / 16)); // 16 per client address, its cap
      s.getOutputStream().write("POST /api/v1/predictions HTTP/1.1\r\nHost: x\r\n".getBytes());
      s.getOutputStream().flush();
      slowHeaders.add(s);
    }
    List<Socket> slowBodies = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Socket s = open("127.0.1." + (1 + i / 16));
      s.getOutputStream().write(SLOW_HEAD.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      slowBodies.add(s);
    }
    // the server answers the slow bodies it has no slot for (503, closed) and holds the rest
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (waiting() + refused() < 1000 && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(waiting()).as("worker threads waiting for a body").isEqualTo(32);
    assertThat(refused()).as("slow bodies refused at once").isEqualTo(968);

    long[] times = new long[200];
    for (int i = 0; i < times.length; i++) {
      long[] answer = probe("127.0.0.2");
      assertThat(answer[0]).as("probe %d", i).isEqualTo(200);
      times[i] = answer[1];
    }
    Arrays.sort(times);
    long p99 = times[197];
    assertThat(p99)
        .as("probes' p99 in ms, with 1,000 connections in their headers and 32 waiting bodies")
        .isLessThan(100);
    for (Socket s : slowHeaders) {
      s.setSoTimeout(1);
      assertThat(closedByServer(s)).as("a connection still in its headers, open").isFalse();
    }

    int held = 0;
    int busy = 0;
    for (Socket s : slowBodies) {
      s.setSoTimeout(200);
      byte[] head;
      try {
        head = s.getInputStream().readNBytes(12);
      } catch (SocketTimeoutException e) {
        held++; // still waited for: cut off at the body timeout (see the timeouts' test)
        continue;
      }
      assertThat(status(head)).as("a slow body refused").isEqualTo(503);
      busy++;
    }
    assertThat(held).isEqualTo(32);
    assertThat(busy).isEqualTo(968);
  }

  double waiting() {
    return meters.get("diamonds.http.slow-bodies.waiting").gauge().value();
  }

  double refused() {
    return meters.get("diamonds.http.slow-bodies.refused").counter().count();
  }

  @Test
  void connectionsPastAClientsCapAreClosedAtOnce() throws Exception {
    List<Socket> allowed = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      allowed.add(open("127.0.0.3"));
    }
    List<Socket> extra = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket s = open("127.0.0.3");
      s.setSoTimeout(500);
      extra.add(s);
    }
    for (Socket s : extra) {
      assertThat(closedByServer(s)).as("a connection past the cap").isTrue();
    }
    for (Socket s : allowed) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET /api/v1/models HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      s.getOutputStream().flush();
      byte[] head = s.getInputStream().readNBytes(12);
      assertThat(status(head)).as("a connection within the cap, served").isEqualTo(200);
    }
    assertThat(probe("127.0.0.4")[0]).as("another client").isEqualTo(200);
    assertThat(meters.get("diamonds.http.connections.refused").functionCounter().count())
        .isGreaterThanOrEqualTo(4);
  }
}
