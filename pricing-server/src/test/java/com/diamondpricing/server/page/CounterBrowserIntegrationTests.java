package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.apikey.ApiKeys;
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
import java.time.Duration;
import java.util.Map;
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
 * The counter's workflow in Chromium, at a phone's width and a desktop's: a stone is quoted (the
 * quote shows its id, prints without the forms), its sale recorded with a sales key, then corrected
 * on "Quotes and sales" with a reason, and the model's live figures follow the correction; the same
 * sales key is not enough for the keys page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=counter-browser-token",
      "diamonds.request-log.flush-interval=20ms",
      "diamonds.feedback.min-sales=1",
      "diamonds.feedback.monitor=false"
    })
class CounterBrowserIntegrationTests implements SqliteDatabase {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ApiKeys keys;

  @BeforeEach
  void aChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  static WebElement visible(ChromeDriver browser, By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElement(by).isDisplayed() ? d.findElement(by) : null);
  }

  static void waitFor(ChromeDriver browser, java.util.function.Predicate<ChromeDriver> done) {
    // the pages redraw their lists as they load: an element read meanwhile may be gone
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> done.test(browser));
  }

  JsonNode live(long model) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/v1/models/" + model + "/live"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void aQuoteIsSoldThenCorrectedAndTheLiveFiguresFollow(int width) throws Exception {
    String salesKey = keys.create("till " + width, "sales", "test").secret();
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/");
      WebElement carat = browser.findElement(By.id("carat"));
      carat.clear();
      carat.sendKeys(width == 375 ? "0.71" : "0.72");
      browser.findElement(By.cssSelector("#diamond button[type=submit]")).click();
      String quoteId = visible(browser, By.cssSelector("#quote-details dd")).getText();
      assertThat(quoteId).matches("[0-9a-f-]{36}");
      assertThat(browser.findElement(By.id("quote-details")).getText())
          .contains("Stone", "0.7", "Price", "80% range", "Model", "Time");
      long model = serving.champion().orElseThrow().entry().id();
      Browser.screenshot(browser, "quote-" + width);

      // printed: the quote, without the forms and buttons
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(browser.findElement(By.id("quote-card")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.id("sale")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("diamond")).isDisplayed()).isFalse();
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

      // the sale, with a sales key asked for once
      WebElement salePrice = browser.findElement(By.id("sale-price"));
      salePrice.sendKeys("49,500");
      browser.findElement(By.cssSelector("#sale-form button[type=submit]")).click();
      WebElement token = visible(browser, By.id("token"));
      assertThat(browser.findElement(By.id("token-why")).getText()).contains("sales key");
      token.sendKeys(salesKey);
      browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
      waitFor(browser, b -> b.findElement(By.id("sale-status")).getText().startsWith("Recorded"));
      String liveBefore = liveOnTheModelPage(browser, model);
      JsonNode before = live(model);
      assertThat(before.get("n").asInt()).isPositive();
      double maeBefore = before.get("mae").asDouble();

      // corrected on "Quotes and sales": the key is still known in this browser session
      browser.get("http://localhost:" + port + "/sales");
      WebElement quoteCard =
          new WebDriverWait(browser, Duration.ofSeconds(15))
              .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
              .until(
                  d ->
                      d.findElements(By.cssSelector("#quotes li.card")).stream()
                          .filter(c -> c.getText().contains(quoteId))
                          .findFirst()
                          .orElse(null));
      assertThat(quoteCard.getText()).contains("Sold for $49,500.00");
      WebElement saleCard = visible(browser, By.cssSelector("#sales li.card"));
      assertThat(saleCard.getText()).contains("$49,500.00", "recorded");
      By mine =
          By.cssSelector("#sales li[data-sale-id='" + saleCard.getAttribute("data-sale-id") + "']");
      saleCard.findElement(By.xpath(".//button[text()='Correct']")).click();
      WebElement form = saleCard.findElement(By.cssSelector("form.change:not([hidden])"));
      WebElement newPrice = form.findElement(By.name("price"));
      newPrice.clear();
      newPrice.sendKeys("4950");
      form.findElement(By.name("reason")).sendKeys("typo at the till");
      Browser.screenshot(browser, "sales-correcting-" + width);
      form.findElement(By.cssSelector("button[type=submit]")).click();
      waitFor(browser, b -> b.findElement(mine).getText().contains("corrected"));
      WebElement corrected = browser.findElement(mine);
      assertThat(corrected.getText()).contains("$4,950.00");
      corrected.findElement(By.tagName("summary")).click();
      assertThat(corrected.findElement(By.cssSelector("ol.history")).getText())
          .contains("recorded, $49,500.00", "corrected, $4,950.00", "typo at the till", "by k_");
      Browser.screenshot(browser, "sales-corrected-" + width);
      JsonNode after = live(model);
      assertThat(liveOnTheModelPage(browser, model))
          .as("the model page's live bias follows the correction")
          .isNotEqualTo(liveBefore);
      Browser.screenshot(browser, "model-live-after-correction-" + width);
      assertThat(after.get("mae").asDouble())
          .as("the live MAE uses the corrected sale")
          .isLessThan(maeBefore);
      assertThat(Browser.consoleErrors(browser))
          .filteredOn(e -> !e.contains("favicon.ico"))
          .isEmpty();
    } finally {
      browser.quit();
    }
  }

  /** The model page's first live figure (its bias) as the page shows it. */
  String liveOnTheModelPage(ChromeDriver browser, long model) {
    browser.get("http://localhost:" + port + "/models/" + model);
    By bias = By.cssSelector("#live-checks tbody tr");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> !d.findElements(bias).isEmpty() && d.findElement(bias).isDisplayed());
    String text = browser.findElement(bias).getText();
    assertThat(text).contains("Bias");
    return text;
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375})
  void aSalesKeyIsNotEnoughForTheKeysPage(int width) throws Exception {
    String salesKey = keys.create("till keys " + width, "sales", "test").secret();
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/keys");
      visible(browser, By.id("token")).sendKeys(salesKey);
      browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
      waitFor(
          browser,
          b -> b.findElement(By.id("token-why")).getText().contains("does not have the role"));
      assertThat(browser.findElements(By.cssSelector("#keys li.card"))).isEmpty();
      browser.findElement(By.id("token")).sendKeys("counter-browser-token");
      browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
      waitFor(
          browser,
          b ->
              b.findElements(By.cssSelector("#keys li.card")).stream()
                  .anyMatch(c -> c.getText().contains("till keys " + width)));
      // a new key's secret is shown once
      browser.findElement(By.id("key-name")).sendKeys("web app");
      browser.findElement(By.cssSelector("#create button[type=submit]")).click();
      assertThat(visible(browser, By.id("secret")).getText()).startsWith("dpk_k_");
      Browser.screenshot(browser, "keys-" + width);
    } finally {
      browser.quit();
    }
  }
}
