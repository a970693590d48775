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
 * priced and sold (G stones 20% above their price in the data), it shows the champion's live bias
 * and 80% / 90% coverage against their targets with their intervals, n and a status in words,
 * charts the live MAE by day, shows each segment's coverage and the drift table (n, PSI, p; the
 * stones come from the training data's own file, so no feature is flagged), and G's sale prices
 * flagged as major drift with their interval. The champion's own page shows the same live figures.
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
      // the champion's bias and coverage against their targets, each with its interval and n
      checks(browser, "#live-checks tbody tr", true);
      // each segment's coverage, with a status in words
      List<WebElement> coverage = browser.findElements(By.cssSelector("#live-coverage tbody tr"));
      assertThat(coverage.size()).isGreaterThan(10);
      assertThat(coverage.get(0).getText())
          .contains("all sold stones")
          .containsPattern("%.*(ok|too)");
      // features: n, PSI and p; the stones come from the training data's file, none is flagged
      List<WebElement> drift = browser.findElements(By.cssSelector("#drift tbody tr"));
      assertThat(drift).hasSize(10);
      for (WebElement row : drift) {
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(3).getText()).as(row.getText()).matches("< 0\\.001|[01]\\.\\d{3}");
        assertThat(cells.get(4).getText()).as(row.getText()).isEqualTo("stable");
      }
      // G's sale prices: flagged, with their interval and sales
      WebElement g =
          browser.findElements(By.cssSelector("#segments tbody tr")).stream()
              .filter(r -> r.getText().startsWith("color G"))
              .findFirst()
              .orElseThrow();
      assertThat(g.getText())
          .endsWith("major")
          .containsPattern("\\+\\d+% \\(90% CI \\+\\d+% to \\+\\d+%\\)");
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", g);
      assertThat(g.isDisplayed()).isTrue();
      Browser.screenshot(browser, "monitoring-segments-" + width);
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
      Browser.screenshot(browser, "monitoring-" + width);
    } finally {
      browser.quit();
    }
  }

  /**
   * The live checks' rows: bias, 80% and 90% coverage, each with its figure, interval, target, n
   * and a status said in words (and colour), on screen.
   */
  static void checks(ChromeDriver browser, String rows, boolean championColumn) {
    List<WebElement> checks = browser.findElements(By.cssSelector(rows));
    assertThat(checks).hasSize(3);
    String[] figures = {"Bias (price − sale)", "80% range coverage", "90% range coverage"};
    String[] targets = {"0%", "80%", "90%"};
    for (int i = 0; i < 3; i++) {
      WebElement row = checks.get(i);
      List<WebElement> cells = row.findElements(By.tagName("td"));
      int at = championColumn ? 1 : 0;
      assertThat(cells.get(at).getText()).isEqualTo(figures[i]);
      assertThat(cells.get(at + 1).getText()).as("the live figure").matches("[+−]?\\d+\\.\\d%.*");
      assertThat(cells.get(at + 2).getText()).as("its 90% interval").matches(".*% to .*%");
      assertThat(cells.get(at + 3).getText()).isEqualTo(targets[i]);
      assertThat(Integer.parseInt(cells.get(at + 4).getText())).as("its n").isGreaterThan(400);
      WebElement status = cells.get(at + 5);
      assertThat(status.getText()).matches("[✓!✗] (OK|Warn|Bad): .+");
      assertThat(status.getAttribute("class")).contains("status-");
      assertThat(row.isDisplayed()).isTrue();
    }
    if (championColumn) {
      assertThat(checks.get(0).findElements(By.tagName("td")).get(0).getText())
          .startsWith("linear v");
    }
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void theChampionsPageShowsTheSameLiveFigures(int width) throws Exception {
    long champion = serving.champion().orElseThrow().entry().id();
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/models/" + champion);
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.findElement(By.id("live-summary")).getText())
          .containsPattern("^\\d+ sales of the stones it priced, sold .* MAE \\d");
      checks(browser, "#live-checks tbody tr", false);
      JsonNode live =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://localhost:"
                                      + port
                                      + "/api/v1/models/"
                                      + champion
                                      + "/live"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      String bias =
          browser.findElements(By.cssSelector("#live-checks tbody tr td")).get(1).getText();
      assertThat(bias)
          .as("the API's figure, as the page writes it")
          .startsWith(
              String.format(Locale.ROOT, "%+.1f%%", live.get("relativeBias").asDouble() * 100)
                  .replace("-", "−"));
      ((org.openqa.selenium.JavascriptExecutor) browser)
          .executeScript(
              "document.getElementById('live-checks').scrollIntoView({block: 'center'})");
      Browser.screenshot(browser, "model-live-" + width);
    } finally {
      browser.quit();
    }
  }
}
