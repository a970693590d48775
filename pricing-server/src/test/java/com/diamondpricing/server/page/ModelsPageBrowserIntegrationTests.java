package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.Trigger;
import java.time.Duration;
import java.util.List;
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

/**
 * The models page in a real browser, at a phone's width and a desktop's: the registry's table with
 * the champion marked, and the test-MAE chart drawn (Chart.js from the server's webjar).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.admin-token=page-token"})
class ModelsPageBrowserIntegrationTests implements SqliteDatabase {

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;
  @Autowired com.diamondpricing.server.apikey.ApiKeys keys;

  @BeforeEach
  void twoVersionsOfLinear() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
    if (registry.list().size() < 2) {
      // another trial count: the same data and settings again would train nothing
      pipeline.runNow(
          new TrainingPipeline.RunRequest(
              datasets.current().orElseThrow().id(), List.of("linear"), 2),
          Trigger.CLI,
          TrainingListener.NONE);
    }
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void theModelsPageListsTheRegistryAndDrawsItsChart(int width) throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/models");
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.findElements(By.cssSelector("#models tbody tr")))
          .hasSize(registry.list().size());
      assertThat(browser.findElement(By.cssSelector("#models tbody")).getText())
          .contains("linear", "champion", "all features", "serves 4,989", "Compare and promote");
      Object points =
          browser.executeScript(
              "const c = Chart.getChart('mae-chart');"
                  + " return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;");
      assertThat(((Number) points).intValue()).isEqualTo(registry.list().size());
      Object drawn =
          browser.executeScript(
              "const c = document.getElementById('mae-chart');"
                  + " const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                  + " let ink = 0; for (let i = 3; i < p.length; i += 4) if (p[i] > 0) ink++;"
                  + " return ink;");
      assertThat(((Number) drawn).intValue()).as("pixels drawn on the chart").isGreaterThan(500);
      Browser.screenshot(browser, "models-" + width);
    } finally {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void promotionGoesThroughTheComparisonAReasonAndTheKeyAskedEachTime(int width) throws Exception {
    String salesKey = keys.create("till " + width, "sales", "test").secret();
    ChromeDriver browser = Browser.open(width, 900);
    try {
      long before = registry.champion().orElseThrow().id();
      browser.get("http://localhost:" + port + "/models");
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.findElements(By.cssSelector("#models tbody button")))
          .as("no one-click promotion")
          .isEmpty();
      browser.findElement(By.linkText("Compare and promote")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      long candidate =
          Long.parseLong(browser.findElement(By.tagName("body")).getAttribute("data-model-id"));
      assertThat(browser.findElement(By.id("note")).getText())
          .contains("rows neither model trained on");
      List<WebElement> metrics = browser.findElements(By.cssSelector("#side-by-side tbody tr"));
      assertThat(metrics).hasSize(4);
      assertThat(metrics.get(0).getText()).contains("MAE", "$");
      Object series =
          browser.executeScript(
              "const c = Chart.getChart('fit-chart'); return c ? c.data.datasets.length : -1;");
      assertThat(((Number) series).intValue()).as("both models and the identity line").isEqualTo(3);
      assertThat(browser.findElements(By.cssSelector("#parameters tbody tr"))).isNotEmpty();
      Browser.screenshot(browser, "promote-" + width);

      WebElement submit = browser.findElement(By.id("promote-button"));
      submit.click();
      assertThat(visible(browser, By.id("reason-error")).getText()).contains("why");
      browser.findElement(By.id("reason")).sendKeys("lower MAE on the same rows");
      submit.click();
      assertThat(visible(browser, By.id("confirm-error")).getText()).contains("confirm");
      browser.findElement(By.id("confirm")).click();
      browser.findElement(By.id("key")).sendKeys(salesKey);
      submit.click();
      assertThat(visible(browser, By.id("key-error")).getText()).contains("admin");
      assertThat(registry.champion().orElseThrow().id())
          .as("a sales key cannot promote")
          .isEqualTo(before);
      browser.findElement(By.id("key")).sendKeys("page-token");
      submit.click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> registry.champion().orElseThrow().id() == candidate);
      assertThat(visible(browser, By.id("promote-status")).getText())
          .contains("is the champion now");
      assertThat(browser.findElement(By.id("key")).getAttribute("value")).as("not kept").isEmpty();
      Object stored = browser.executeScript("return sessionStorage.length + localStorage.length;");
      assertThat(((Number) stored).intValue()).isZero();

      browser.get("http://localhost:" + port + "/models");
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      WebElement last = browser.findElement(By.cssSelector("#history tbody tr"));
      assertThat(last.getText()).contains("lower MAE on the same rows", "admin-token");
      Browser.screenshot(browser, "models-promoted-" + width);
    } finally {
      browser.quit();
    }
  }

  static WebElement visible(ChromeDriver browser, By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElement(by).isDisplayed() ? d.findElement(by) : null);
  }
}
