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
          .contains("linear", "champion", "all", "serves 4,989");
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

  @org.junit.jupiter.api.Test
  void promotionAsksForTheTokenOnceAndMovesTheChampion() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      long before = registry.champion().orElseThrow().id();
      browser.get("http://localhost:" + port + "/models");
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      browser.findElement(By.cssSelector("#models tbody button")).click();
      org.openqa.selenium.WebElement token = browser.findElement(By.id("token"));
      assertThat(token.isDisplayed()).as("the token is asked for").isTrue();
      token.sendKeys("page-token");
      browser.findElement(By.cssSelector("#token-form button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> registry.champion().orElseThrow().id() != before);
      Object kept = browser.executeScript("return sessionStorage.getItem('diamonds.adminToken');");
      assertThat(kept).as("kept for the browser session only").isEqualTo("page-token");
      Object local = browser.executeScript("return localStorage.length;");
      assertThat(((Number) local).intValue()).isZero();
      // a rollback asks for no token again
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> !d.findElements(By.cssSelector("#models tbody button")).isEmpty());
      browser.findElement(By.cssSelector("#models tbody button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> registry.champion().orElseThrow().id() == before);
      assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
      Browser.screenshot(browser, "models-promoted-1280");
    } finally {
      browser.quit();
    }
  }
}
