package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.SqliteDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The request log page in a real browser, at a phone's width and a desktop's: nothing is shown
 * without the admin token, a wrong one is refused and asked for again, the right one shows the
 * latest requests, a filter by path and status narrows them, and opening one shows both bodies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "diamonds.bootstrap=false",
      "diamonds.admin-token=log-token",
      "diamonds.request-log.flush-interval=20ms"
    })
class RequestLogPageBrowserIntegrationTests implements SqliteDatabase {

  static final String MARKER = "{\"carat\": 77, \"cut\": \"Ideal\", \"color\": \"H\"}";

  @LocalServerPort int port;

  @BeforeEach
  void aRefusedPrice() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/predictions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MARKER))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(400, 499);
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void theRequestLogNeedsTheToken(int width) throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    try {
      browser.get("http://localhost:" + port + "/requests");
      WebElement token = browser.findElement(By.id("token"));
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> token.isDisplayed());
      assertThat(browser.findElements(By.cssSelector("#requests tbody tr"))).isEmpty();
      Object kept = browser.executeScript("return sessionStorage.getItem('diamonds.adminToken');");
      assertThat(kept).isNull();

      token.sendKeys("not-the-token");
      browser.findElement(By.cssSelector("#token-form button")).click();
      WebElement why = browser.findElement(By.id("token-why"));
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> why.getText().contains("refused") && token.isDisplayed());
      assertThat(browser.findElements(By.cssSelector("#requests tbody tr"))).isEmpty();
      Browser.screenshot(browser, "requests-token-" + width);

      token.sendKeys("log-token");
      browser.findElement(By.cssSelector("#token-form button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> !d.findElements(By.cssSelector("#requests tbody tr")).isEmpty());
      assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();

      // filter: the refused prices only
      browser.findElement(By.id("path")).sendKeys("/api/v1/predictions");
      browser.findElement(By.id("status")).sendKeys("422");
      browser.findElement(By.cssSelector("#filter button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("#requests tbody tr"));
                return !rows.isEmpty()
                    && rows.stream()
                        .allMatch(
                            r ->
                                r.getText().contains("422 ")
                                    && r.getText().contains("POST /api/v1/predictions"));
              });

      // open one: both bodies
      browser.findElement(By.cssSelector("#requests tbody button")).click();
      WebElement detail = browser.findElement(By.id("detail"));
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> detail.isDisplayed());
      assertThat(browser.findElement(By.id("request-body")).getText()).contains("\"carat\": 77");
      assertThat(browser.findElement(By.id("response-body")).getText())
          .contains("\"status\": 422", "carat");
      assertThat(browser.findElement(By.id("detail-facts")).getText()).contains("Request id");
      Browser.screenshot(browser, "requests-" + width);
    } finally {
      browser.quit();
    }
  }
}
