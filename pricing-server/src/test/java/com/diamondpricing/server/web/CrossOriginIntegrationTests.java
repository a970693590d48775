package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API called from pages on other origins: the origin {@code diamonds.cors.allowed-origins}
 * lists gets its preflights answered (open and admin endpoints alike) and can read every answer,
 * errors included; another origin gets neither. In Chromium, from a page served on another port.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false"})
class CrossOriginIntegrationTests implements SqliteDatabase {

  static final HttpServer ALLOWED = page();
  static final HttpServer OTHER = page();

  static String origin(HttpServer s) {
    return "http://localhost:" + s.getAddress().getPort();
  }

  @DynamicPropertySource
  static void cors(DynamicPropertyRegistry registry) {
    registry.add("diamonds.cors.allowed-origins", () -> origin(ALLOWED));
  }

  @AfterAll
  static void stopPages() {
    ALLOWED.stop(0);
    OTHER.stop(0);
  }

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired DataSource dataSource;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void aChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  HttpResponse<String> preflight(String origin, String path, String method) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "content-type,authorization")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theListedOriginsPreflightsAreAnsweredForOpenAndAdminEndpoints() throws Exception {
    for (String path : new String[] {"/api/v1/predictions", "/api/v1/sales"}) {
      HttpResponse<String> r = preflight(origin(ALLOWED), path, "POST");
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(origin(ALLOWED));
      assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
          .contains("POST");
      assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
          .contains("authorization", "content-type");
    }
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 10_000_000_000L;
    long recorded = 0;
    while (recorded < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      recorded =
          jdbc.sql("select count(*) from request_log where method = 'OPTIONS' and status = 200")
              .query(Long.class)
              .single();
    }
    assertThat(recorded).as("preflights are recorded like any request").isGreaterThanOrEqualTo(2);
  }

  @Test
  void anAnswerToTheListedOriginNamesItErrorsIncluded() throws Exception {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sales"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .header("Origin", origin(ALLOWED))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
        .contains(origin(ALLOWED));
    assertThat(refused.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("X-Request-Id");
  }

  @Nested
  class Refused {

    @Test
    void anotherOriginGetsNoPreflightAndNoHeaders() throws Exception {
      HttpResponse<String> r = preflight(origin(OTHER), "/api/v1/predictions", "POST");
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aMethodNotAllowedIsRefused() throws Exception {
      assertThat(preflight(origin(ALLOWED), "/api/v1/predictions", "TRACE").statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void aPageOnTheListedOriginPricesAStoneAndReadsARefusalAnotherOriginCannot() throws Exception {
    ChromeDriver browser = Browser.open(1024, 768);
    try {
      browser.get(origin(ALLOWED) + "/?api=http://localhost:" + port);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      wait.until(d -> !d.findElement(By.id("price")).getText().isEmpty());
      assertThat(browser.findElement(By.id("price")).getText()).startsWith("price ");
      wait.until(d -> !d.findElement(By.id("sale")).getText().isEmpty());
      assertThat(browser.findElement(By.id("sale")).getText()).isEqualTo("sale 401");

      browser.get(origin(OTHER) + "/?api=http://localhost:" + port);
      wait.until(d -> !d.findElement(By.id("price")).getText().isEmpty());
      assertThat(browser.findElement(By.id("price")).getText()).startsWith("refused");
    } finally {
      browser.quit();
    }
  }

  /** A page that prices a stone and reports a sale without a token, on an API given in ?api=. */
  static HttpServer page() {
    String html =
        "<!DOCTYPE html><html><body><p id=price></p><p id=sale></p><script>\n"
            + "const api = new URLSearchParams(location.search).get('api');\n"
            + "const json = {'Content-Type': 'application/json'};\n"
            + "fetch(api + '/api/v1/predictions', {method: 'POST', headers: json, body:"
            + " JSON.stringify({carat: 1.1, cut: 'Ideal', color: 'H', clarity: 'SI2', x: 6.61})})\n"
            + "  .then(r => r.json()).then(a => document.getElementById('price').textContent ="
            + " 'price ' + a.price)\n"
            + "  .catch(e => document.getElementById('price').textContent = 'refused ' + e);\n"
            + "fetch(api + '/api/v1/sales', {method: 'POST', headers: json, body: '{}'})\n"
            + "  .then(r => document.getElementById('sale').textContent = 'sale ' + r.status)\n"
            + "  .catch(e => document.getElementById('sale').textContent = 'refused ' + e);\n"
            + "</script></body></html>";
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
