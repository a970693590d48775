package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.LinearChampion;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page and Swagger UI carry a Content-Security-Policy and a Referrer-Policy, and work under
 * them in a real browser: nothing refused in the console, the pages drawn, Swagger UI rendered.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false"})
class PagePoliciesBrowserIntegrationTests implements SqliteDatabase {

  @LocalServerPort int port;
  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ServingModels serving;
  @Autowired ModelRegistry registry;

  @BeforeEach
  void aChampion() throws Exception {
    LinearChampion.ensure(datasets, pipeline, serving);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesAndApiAnswersCarryTheStrictPolicyAndNoReferrer() throws Exception {
    for (String path : new String[] {"/", "/models", "/monitoring", "/runs", "/api/v1/models"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(PagePolicies.PAGES);
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    assertThat(PagePolicies.PAGES).doesNotContain("unsafe");
  }

  @Test
  void swaggerUiGetsInlineStylesButNoInlineScript() throws Exception {
    HttpResponse<String> response = get("/swagger-ui/index.html");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValue(PagePolicies.DOCS);
    assertThat(PagePolicies.DOCS).contains("script-src 'self';").doesNotContain("unsafe-eval");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/models", "/model", "/monitoring", "/runs", "/requests"})
  void eachPageRunsUnderItsPolicyWithNothingRefused(String page) throws Exception {
    String path = page.equals("/model") ? "/models/" + registry.list().get(0).id() : page;
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get("http://localhost:" + port + path);
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(
              d ->
                  "complete"
                      .equals(((ChromeDriver) d).executeScript("return document.readyState")));
      // the page's own scripts loaded (a refused one would be in the console)
      Object scripts =
          browser.executeScript(
              "return performance.getEntriesByType('resource')"
                  + ".filter(r => r.name.includes('/js/')).length");
      assertThat(((Number) scripts).intValue()).isPositive();
      Thread.sleep(1000); // the pages' calls to the API answered and drawn
      assertThat(Browser.consoleErrors(browser))
          .as("console errors on " + path)
          .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    } finally {
      browser.quit();
    }
  }

  @Test
  void swaggerUiRendersUnderItsPolicy() throws Exception {
    ChromeDriver browser = Browser.open(1280, 900);
    try {
      browser.get("http://localhost:" + port + "/docs");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
      assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText())
          .isNotBlank();
      assertThat(Browser.consoleErrors(browser))
          .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    } finally {
      browser.quit();
    }
  }
}
