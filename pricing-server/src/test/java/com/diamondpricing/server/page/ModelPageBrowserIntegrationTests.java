package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One model's page in a real browser, at a phone's width and a desktop's: the goodness-of-fit plot
 * (the test rows against the identity line) and residuals drawn, the tuning trials charted with the
 * best so far, the parameters with the tuned ones marked; a model without sales says its live
 * figures show from 30 sales (the page with them: {@code MonitoringPageBrowserIntegrationTests}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.admin-token=model-page-token"})
class ModelPageBrowserIntegrationTests implements SqliteDatabase {

  static final int TRIALS = 6;

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;

  @BeforeEach
  void linearAndATunedXgboost() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    if (registry.list().stream().noneMatch(m -> m.type().equals("xgboost"))) {
      pipeline.runNow(
          new TrainingPipeline.RunRequest(
              datasets.current().orElseThrow().id(), List.of("xgboost"), TRIALS),
          Trigger.CLI,
          TrainingListener.NONE);
    }
  }

  ModelEntry model(String type) {
    return registry.list().stream().filter(m -> m.type().equals(type)).findFirst().orElseThrow();
  }

  ChromeDriver open(int width, long id) throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    browser.get("http://localhost:" + port + "/models/" + id);
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    return browser;
  }

  static int points(ChromeDriver browser, String chart, int dataset) {
    Object n =
        browser.executeScript(
            "const c = Chart.getChart(arguments[0]);"
                + " return c ? c.data.datasets[arguments[1]].data.length : -1;",
            chart,
            dataset);
    return ((Number) n).intValue();
  }

  static int ink(ChromeDriver browser, String canvas) {
    Object n =
        browser.executeScript(
            "const c = document.getElementById(arguments[0]);"
                + " const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let ink = 0; for (let i = 3; i < p.length; i += 4) if (p[i] > 0) ink++;"
                + " return ink;",
            canvas);
    return ((Number) n).intValue();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void aModelPageDrawsItsFitResidualsAndTrials(int width) throws Exception {
    ModelEntry xgboost = model("xgboost");
    ChromeDriver browser = open(width, xgboost.id());
    try {
      assertThat(browser.findElement(By.id("title")).getText())
          .startsWith("xgboost v" + xgboost.version());
      assertThat(browser.findElement(By.id("model-error")).getText()).isEmpty();
      // no stone it priced has sold: its live figures are not given yet, and the page says why
      assertThat(browser.findElement(By.id("live-summary")).getText())
          .startsWith("Not enough sales yet of the stones it priced")
          .contains("0 of 30", "show from 30 sales");
      assertThat(browser.findElement(By.id("live-checks")).isDisplayed()).isFalse();
      // the fit: every test row (fewer than 2,000 here) against the identity line, drawn
      assertThat(points(browser, "fit-chart", 0)).isEqualTo(xgboost.nTest());
      assertThat(points(browser, "fit-chart", 1)).as("the identity line's two ends").isEqualTo(2);
      assertThat(ink(browser, "fit-chart")).as("pixels drawn on the fit plot").isGreaterThan(2000);
      assertThat(points(browser, "residual-chart", 0)).isEqualTo(xgboost.nTest());
      assertThat(ink(browser, "residual-chart")).isGreaterThan(2000);
      // the trials: complete and pruned ones, and the best so far
      int complete = points(browser, "trial-chart", 0);
      int pruned = points(browser, "trial-chart", 1);
      assertThat(complete + pruned).isEqualTo(TRIALS);
      assertThat(points(browser, "trial-chart", 2)).isEqualTo(TRIALS);
      assertThat(ink(browser, "trial-chart")).isGreaterThan(500);
      assertThat(browser.findElement(By.id("trials-summary")).getText())
          .startsWith(TRIALS + " trials");
      // its ranges by segment: out of fold on every row it serves from, and on the test rows
      List<WebElement> segments = browser.findElements(By.cssSelector("#coverage tbody tr"));
      assertThat(segments.size()).isEqualTo(1 + xgboost.outOfFoldCoverage().segments().size());
      assertThat(browser.findElement(By.id("coverage")).getText())
          .contains("all stones", "clarity I1", "carat >=2", "few comparables", "%");
      // the parameters, the tuned ones marked; the plot as a PNG download
      String parameters = browser.findElement(By.id("parameters")).getText();
      assertThat(parameters).contains("max_depth", "tuned");
      assertThat(browser.findElement(By.id("fit-png")).getAttribute("href"))
          .endsWith("/api/v1/models/" + xgboost.id() + "/plots/fit.png");
      Browser.screenshot(browser, "model-" + width);
    } finally {
      browser.quit();
    }
  }

  @Test
  void aModelThatDoesNotTuneSaysSoAndStillDrawsItsFit() throws Exception {
    ModelEntry linear = model("linear");
    ChromeDriver browser = open(1280, linear.id());
    try {
      assertThat(browser.findElement(By.id("trials-summary")).getText())
          .isEqualTo("linear does not tune: it has no trials.");
      assertThat(browser.findElement(By.id("trials-box")).isDisplayed()).isFalse();
      assertThat(points(browser, "fit-chart", 0)).isEqualTo(linear.nTest());
    } finally {
      browser.quit();
    }
  }

  @Test
  void anUnknownModelSaysSo() throws Exception {
    ChromeDriver browser = open(375, 987_654);
    try {
      assertThat(browser.findElement(By.id("model-error")).getText()).contains("987654");
      assertThat(browser.findElement(By.id("model")).isDisplayed()).isFalse();
    } finally {
      browser.quit();
    }
  }
}
