package com.diamondpricing.server.web;

import static com.diamondpricing.server.web.SlowClientsIntegrationTests.SLOW_HEAD;
import static com.diamondpricing.server.web.SlowClientsIntegrationTests.readAll;
import static com.diamondpricing.server.web.SlowClientsIntegrationTests.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.support.Databases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The time limits on slow clients: a connection that sends nothing, or stops in its headers, is
 * closed after Tomcat's connection timeout (2 s here); a body trickled in a byte a second (each
 * read gets something in time) is cut off at the body timeout (4 s here) with 408 body-timeout.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.http.body-timeout=4s",
      "server.tomcat.connection-timeout=2s"
    })
@DirtiesContext
class SlowClientTimeoutsIntegrationTests {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void ownHome(DynamicPropertyRegistry registry) {
    Path home = Databases.freshHome();
    registry.add("diamonds.home", home::toString);
    registry.add("diamonds.db.url", () -> "");
  }

  Socket open() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    return s;
  }

  /** Whether the server closed the connection within the socket's timeout. */
  static boolean closedByServer(Socket s) throws IOException {
    try {
      readAll(s.getInputStream());
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Test
  void anIdleConnectionAndOneStuckInItsHeadersAreClosed() throws Exception {
    try (Socket idle = open();
        Socket halfHeaders = open()) {
      halfHeaders
          .getOutputStream()
          .write("GET /api/v1/models HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      idle.setSoTimeout(8000);
      halfHeaders.setSoTimeout(8000);
      assertThat(closedByServer(idle)).as("a connection that sends nothing").isTrue();
      assertThat(closedByServer(halfHeaders)).as("a connection stuck in its headers").isTrue();
    }
  }

  @Test
  void aTrickledBodyIsCutOffAtItsDeadline() throws Exception {
    try (Socket s = open()) {
      OutputStream out = s.getOutputStream();
      out.write(SLOW_HEAD.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.setSoTimeout(1000);
      int status = -1;
      for (int second = 0; second < 15 && status < 0; second++) {
        try {
          out.write(' '); // a byte a second: each read gets something before its 2 s timeout
          out.flush();
        } catch (IOException e) {
          break; // closed after the answer
        }
        try {
          status = status(s.getInputStream().readNBytes(12));
        } catch (SocketTimeoutException e) {
          // not yet
        }
      }
      assertThat(status).as("a body still trickling in at the 4 s deadline").isEqualTo(408);
    }
  }
}
