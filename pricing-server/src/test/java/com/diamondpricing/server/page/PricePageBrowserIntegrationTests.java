package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
 * The "Price a diamond" page in a real browser (headless Chromium), at a phone's width and a
 * desktop's: the form prices a stone and shows its price, ranges, contributions and similar
 * diamonds; a refused value shows the server's message under its field.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false"})
class PricePageBrowserIntegrationTests implements SqliteDatabase {

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;

  @BeforeEach
  void aChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  static WebElement visible(ChromeDriver browser, By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElement(by).isDisplayed() ? d.findElement(by) : null);
  }

  /** The elements the reader sees: hidden parts are left out. */
  static List<WebElement> shown(ChromeDriver browser, String css) {
    return browser.findElements(By.cssSelector(css)).stream()
        .filter(WebElement::isDisplayed)
        .toList();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void aStonePricedThroughTheFormShowsItsPriceRangeReasonsAndSimilarDiamonds(int width)
      throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/");
      assertThat(browser.getTitle()).contains("Price a diamond");
      Object bytes =
          browser.executeScript(
              "const n = performance.getEntriesByType('navigation')[0];"
                  + " return performance.getEntriesByType('resource')"
                  + ".reduce((sum, r) => sum + r.transferSize, n.transferSize);");
      assertThat(((Number) bytes).longValue())
          .as("bytes the first load of / transfers (page, styles, scripts)")
          .isPositive()
          .isLessThanOrEqualTo(300 * 1024);
      WebElement carat = browser.findElement(By.id("carat"));
      carat.clear();
      carat.sendKeys("1.3");
      browser.findElement(By.cssSelector("#n")).sendKeys("10");
      browser.findElement(By.cssSelector("button[type=submit]")).click();

      String price = visible(browser, By.id("price")).getText();
      assertThat(price).startsWith("$");
      assertThat(browser.findElement(By.id("quote")).getText())
          .matches("Quote [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} · .* UTC");
      assertThat(browser.switchTo().activeElement().getAttribute("id"))
          .as("the answer has the focus, not the button")
          .isEqualTo("result-heading");
      assertThat(carat.getAttribute("aria-describedby")).isEqualTo("carat-error");
      assertThat(browser.findElement(By.id("ranges")).getText())
          .contains("80% range: $", "90% range: $");
      assertThat(browser.findElement(By.id("model")).getText()).contains("linear");
      // the shop's words: size (carat and length together) is one step, its parts on demand
      List<WebElement> steps = shown(browser, "#waterfall li");
      assertThat(steps)
          .extracting(e -> e.findElement(By.className("name")).getText())
          .containsExactly("Typical price", "Size", "Cut", "Colour", "Clarity", "This price");
      assertThat(steps.get(5).getText()).contains(price);
      assertThat(shown(browser, "#terms dt"))
          .extracting(WebElement::getText)
          .containsExactly("Size", "Cut", "Colour", "Clarity");
      WebElement toggle = browser.findElement(By.id("parts-toggle"));
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
      assertThat(toggle.getText()).isEqualTo("Show the parts of size");
      toggle.click();
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
      assertThat(shown(browser, "#waterfall li"))
          .extracting(e -> e.findElement(By.className("name")).getText())
          .containsExactly(
              "Typical price",
              "Size",
              "Carat",
              "length (x, mm)",
              "Cut",
              "Colour",
              "Clarity",
              "This price");
      assertThat(shown(browser, "#terms dd").get(2).getText()).contains("length, in millimetres");
      Browser.screenshot(browser, "price-" + width + "-size-parts");
      toggle.click();
      assertThat(shown(browser, "#waterfall li")).hasSize(6);
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> d.findElements(By.cssSelector("#similar tbody tr")).size() == 10);
      List<WebElement> first =
          browser.findElements(By.cssSelector("#similar tbody tr:first-child td"));
      assertThat(first.get(0).getText()).isEqualTo("Ideal");
      assertThat(first.get(5).getText()).startsWith("$");
      Browser.screenshot(browser, "price-" + width);
    } finally {
      browser.quit();
    }
  }

  @Test
  void aMistypedPageAddressIsAPageSayingSoAndAnApiClientStillGetsAProblem() throws Exception {
    ChromeDriver browser = Browser.open(375, 800);
    try {
      browser.get("http://localhost:" + port + "/modles");
      assertThat(browser.getTitle()).contains("Page not found");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
      assertThat(browser.findElement(By.tagName("main")).getText()).contains("/modles");
      assertThat(browser.findElements(By.cssSelector("nav a"))).isNotEmpty();
    } finally {
      browser.quit();
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String accept : List.of("text/html", "application/json")) {
      java.net.http.HttpResponse<String> r =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + port + "/modles"))
                  .header("Accept", accept)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith(accept.equals("text/html") ? "text/html" : "application/problem+json");
    }
  }

  @Nested
  class Refusals {

    @Test
    void aDecimalCommaIsAPointAndTextIsRefusedUnderItsField() throws Exception {
      ChromeDriver browser = Browser.open(375, 800);
      try {
        browser.get("http://localhost:" + port + "/");
        WebElement carat = browser.findElement(By.id("carat"));
        carat.clear();
        carat.sendKeys("1.5 ct");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(browser, By.id("carat-error")).getText()).contains("not a number");
        assertThat(carat.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("carat");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();

        carat.clear();
        carat.sendKeys("1.5");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        String point = visible(browser, By.id("price")).getText();
        browser.executeScript("document.getElementById('result').hidden = true;");
        carat.clear();
        carat.sendKeys("1,5");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(visible(browser, By.id("price")).getText())
            .as("1,5 is priced as 1.5, not 15")
            .isEqualTo(point);
        assertThat(browser.findElement(By.id("carat-error")).getText()).isEmpty();
      } finally {
        browser.quit();
      }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {375, 1280})
    void aBadValueShowsItsFieldsMessage(int width) throws Exception {
      ChromeDriver browser = Browser.open(width, 900);
      try {
        browser.get("http://localhost:" + port + "/");
        WebElement carat = browser.findElement(By.id("carat"));
        carat.clear();
        carat.sendKeys("0");
        WebElement x = browser.findElement(By.id("x"));
        x.clear();
        x.sendKeys("100");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(visible(browser, By.id("carat-error")).getText()).contains("greater than 0");
        assertThat(visible(browser, By.id("x-error")).getText()).contains("40");
        assertThat(carat.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "price-refused-" + width);
      } finally {
        browser.quit();
      }
    }
  }
}
