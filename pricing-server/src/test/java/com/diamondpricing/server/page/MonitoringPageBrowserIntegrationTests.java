package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring page in a real browser, at a phone's width and a desktop's: after stones are
 * priced and sold (G stones 20% above their price in the data), it charts the live MAE by day and
 * shows the drift table, G's sale prices flagged as major drift.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=monitoring-token",
      "diamonds.request-log.flush-interval=20ms",
      "diamonds.feedback.monitor=false"
    })
class MonitoringPageBrowserIntegrationTests implements SqliteDatabase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  final HttpClient http = HttpClient.newHttpClient();
  static boolean sold;

  HttpResponse<String> post(String path, String body, boolean admin) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (admin) {
      r.header("Authorization", "Bearer monitoring-token");
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @BeforeEach
  void pricedAndSoldStones() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    if (sold) {
      return;
    }
    List<String[]> stones = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../data/diamonds.csv")).subList(1, 500)) {
      String[] f = line.split(",");
      if (Double.parseDouble(f[6]) > 0
          && Double.parseDouble(f[7]) > 0
          && Double.parseDouble(f[8]) > 0
          && Double.parseDouble(f[9]) > 0
          && Double.parseDouble(f[4]) >= 40
          && Double.parseDouble(f[4]) <= 80) {
        stones.add(f);
      }
    }
    StringBuilder batch = new StringBuilder("{\"diamonds\": [");
    for (int i = 0; i < stones.size(); i++) {
      String[] f = stones.get(i);
      batch
          .append(i > 0 ? "," : "")
          .append(
              String.format(
                  "{\"carat\": %s, \"cut\": \"%s\", \"color\": \"%s\", \"clarity\": \"%s\","
                      + " \"depth\": %s, \"table\": %s, \"x\": %s, \"y\": %s, \"z\": %s}",
                  f[0], f[1], f[2], f[3], f[4], f[5], f[7], f[8], f[9]));
    }
    HttpResponse<String> priced = post("/api/v1/predictions/batch", batch + "]}", false);
    assertThat(priced.statusCode()).as(priced.body()).isEqualTo(200);
    JsonNode items = JSON.readTree(priced.body()).get("items");
    Thread.sleep(500); // the request log writes the predictions a moment later
    // an hour ago, but today (UTC): the chart's last point is today's live MAE
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    Instant todayStarted = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    String soldAt = (hourAgo.isBefore(todayStarted) ? todayStarted : hourAgo).toString();
    List<String> sales = new ArrayList<>();
    for (int i = 0; i < stones.size(); i++) {
      String[] f = stones.get(i);
      double actual = Double.parseDouble(f[6]) * (f[2].equals("G") ? 1.2 : 1.0);
      sales.add(
          String.format(
              Locale.ROOT,
              "{\"predictionId\": \"%s\", \"actualPrice\": %.2f, \"soldAt\": \"%s\"}",
              items.get(i).get("predictionId").asString(),
              actual,
              soldAt));
    }
    HttpResponse<String> reported =
        post("/api/v1/sales", "[" + String.join(",", sales) + "]", true);
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
    sold = true;
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void theMonitoringPageChartsLiveAccuracyAndShowsDrift(int width) throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/monitoring");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.findElement(By.id("monitoring-error")).getText()).isEmpty();
      Object today =
          browser.executeScript(
              "const c = Chart.getChart('live-chart'); const d = c.data.datasets[0].data;"
                  + " return d[d.length - 1];");
      assertThat(((Number) today).doubleValue()).as("today's live MAE").isPositive();
      Object ink =
          browser.executeScript(
              "const c = document.getElementById('live-chart');"
                  + " const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                  + " let ink = 0; for (let i = 3; i < p.length; i += 4) if (p[i] > 0) ink++;"
                  + " return ink;");
      assertThat(((Number) ink).intValue()).isGreaterThan(500);
      assertThat(browser.findElements(By.cssSelector("#drift tbody tr"))).hasSize(10);
      WebElement g =
          browser.findElements(By.cssSelector("#segments tbody tr")).stream()
              .filter(r -> r.getText().startsWith("color G"))
              .findFirst()
              .orElseThrow();
      assertThat(g.getText()).endsWith("major");
      Browser.screenshot(browser, "monitoring-" + width);
    } finally {
      browser.quit();
    }
  }
}
