package com.diamondpricing.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.support.Browser;
import com.diamondpricing.server.support.SqliteDatabase;
import com.diamondpricing.server.training.TrainingPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The training runs page in a real browser, at a phone's width and a desktop's: a CSV file uploaded
 * through the form (the admin token asked for once) is added to the current data and starts a run
 * whose progress bar moves trial by trial to the end; replacing the current data asks first, in the
 * page, naming the rows; every row left out is listed with its line and why (twenty, and the rest
 * counted); a corrupt file is rejected with each bad row's line and column, and starts nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"diamonds.bootstrap=false", "diamonds.admin-token=runs-token"})
class RunsPageBrowserIntegrationTests implements SqliteDatabase {

  static final int TRIALS = 12;

  /** Records every progress bar the page shows, with its words, as the page changes. */
  static final String WATCH_PROGRESS =
      "window.seen = [];"
          + " new MutationObserver(() => document.querySelectorAll('#runs progress')"
          + ".forEach((p) => window.seen.push({value: p.value,"
          + " words: p.nextElementSibling.textContent})))"
          + ".observe(document.getElementById('runs'), {childList: true, subtree: true});";

  @LocalServerPort int port;
  @Autowired TrainingPipeline pipeline;
  @Autowired DatasetStore datasets;
  @TempDir Path dir;

  ChromeDriver open(int width) throws Exception {
    ChromeDriver browser = Browser.open(width, 900);
    browser.get("http://localhost:" + port + "/runs");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    return browser;
  }

  void upload(ChromeDriver browser, Path file, List<String> models, int trials) {
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    for (WebElement box : browser.findElements(By.cssSelector("input[name=models]"))) {
      if (box.isSelected() != models.contains(box.getAttribute("value"))) {
        box.click();
      }
    }
    WebElement trialsField = browser.findElement(By.id("trials"));
    trialsField.clear();
    trialsField.sendKeys(String.valueOf(trials));
    browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
  }

  void giveTheToken(ChromeDriver browser) {
    WebElement token = browser.findElement(By.id("token"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> token.isDisplayed());
    token.sendKeys("runs-token");
    browser.findElement(By.cssSelector("#token-form button")).click();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  @SuppressWarnings("unchecked")
  void anUploadShowsItsProgressToTheEnd(int width) throws Exception {
    // a small current data the upload is added to (the page's default)
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    try (var in =
        new java.io.ByteArrayInputStream(
            String.join("\n", lines.subList(0, 61)).getBytes(StandardCharsets.UTF_8))) {
      datasets.ingest(in, "small.csv", IngestMode.REPLACE);
    }
    ChromeDriver browser = open(width);
    try {
      browser.executeScript(WATCH_PROGRESS);
      // a trial count of its own for each width: the same data and settings again would train
      // nothing (and show no progress)
      int trials = width == 375 ? TRIALS : TRIALS + 1;
      upload(
          browser,
          Path.of("../data/diamonds.csv").toRealPath(),
          List.of("linear", "xgboost"),
          trials);
      giveTheToken(browser);
      WebElement done = browser.findElement(By.id("upload-done"));
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !done.getText().isEmpty());
      assertThat(done.getText())
          .matches(
              "Run \\d+ is queued on 4,989 rows of diamonds.csv, added to the 60 rows before: the"
                  + " current data has 5,049 rows.");
      String run = done.getText().replaceAll("Run (\\d+) .*", "$1");
      By row = By.cssSelector("#runs tr[data-run-id='" + run + "']");
      new WebDriverWait(browser, Duration.ofSeconds(180))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> "succeeded".equals(d.findElement(row).getAttribute("data-status")));

      List<Map<String, Object>> seen =
          (List<Map<String, Object>>) browser.executeScript("return window.seen;");
      assertThat(seen)
          .as("the bar while xgboost tunes: part done, trial k of %d", trials)
          .anySatisfy(
              p -> {
                assertThat(((Number) p.get("value")).doubleValue())
                    .isStrictlyBetween(1 / 3.0, 2 / 3.0);
                assertThat((String) p.get("words"))
                    .containsPattern("xgboost \\(2 of 3\\): trial \\d+ of " + trials);
              });
      // read in one script: the page redraws the table while it polls
      Map<String, Object> end =
          (Map<String, Object>)
              browser.executeScript(
                  "const tr = document.querySelector(\"#runs tr[data-run-id='\" + arguments[0]"
                      + " + \"']\");"
                      + " return {text: tr.innerText, value: tr.querySelector('progress').value,"
                      + " links: tr.querySelectorAll(\"a[href^='/models/']\").length,"
                      + " reasons: Array.from(tr.querySelectorAll('ul.outcomes details p'))"
                      + ".map((p) => p.textContent)};",
                  run);
      assertThat(((Number) end.get("value")).doubleValue()).isEqualTo(1.0);
      // linear, and xgboost on every feature and on the four Cs
      assertThat((String) end.get("text")).contains("done: 3 models trained", "(four Cs)");
      assertThat(((Number) end.get("links")).intValue()).isEqualTo(3);
      // why each was or was not promoted is a tap away, not a hover (a phone has none)
      assertThat((String) end.get("text")).containsAnyOf("promoted: why", "not promoted: why");
      assertThat((List<String>) end.get("reasons"))
          .hasSize(3)
          .allSatisfy(r -> assertThat(r).isNotBlank());
      Browser.screenshot(browser, "runs-" + width);
    } finally {
      browser.quit();
    }
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {375, 1280})
  void anUploadIsAddedByDefaultAndReplacingAsksFirstNamingTheRows(int width) throws Exception {
    try (var in = Files.newInputStream(Path.of("../data/diamonds.csv"))) {
      datasets.ingest(in, "diamonds.csv", IngestMode.REPLACE);
    }
    long current = datasets.current().orElseThrow().id();
    // the first 401 diamonds of the bundled data: one of them, on line 333, has a price of -1
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    List<String> sold = new java.util.ArrayList<>(lines.subList(0, 402));
    assertThat(sold.get(332)).contains(",-1,");
    Path file = dir.resolve("sold.csv");
    Files.write(file, sold, StandardCharsets.UTF_8);
    ChromeDriver browser = open(width);
    try {
      WebElement mode = browser.findElement(By.id("mode"));
      assertThat(mode.getAttribute("value")).as("the default").isEqualTo("append");
      new org.openqa.selenium.support.ui.Select(mode).selectByValue("replace");
      upload(browser, file, List.of("linear"), 1);

      WebElement confirm = browser.findElement(By.id("replace-confirm-button"));
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> confirm.isDisplayed());
      assertThat(confirm.getText()).isEqualTo("Replace 4,989 rows with this file (401 rows)");
      assertThat(browser.findElement(By.id("replace-confirm-text")).getText())
          .contains("Replace the current data's 4,989 rows with the 401 rows of sold.csv?");
      assertThat(browser.switchTo().activeElement().getAttribute("id"))
          .isEqualTo("replace-confirm-text");
      assertThat(datasets.current().orElseThrow().id()).as("nothing sent yet").isEqualTo(current);
      Browser.screenshot(browser, "runs-replace-confirm-" + width);

      // keeping the current data sends nothing and goes back to adding
      browser.findElement(By.id("replace-cancel")).click();
      assertThat(confirm.isDisplayed()).isFalse();
      assertThat(mode.getAttribute("value")).isEqualTo("append");
      assertThat(datasets.current().orElseThrow().id()).isEqualTo(current);

      new org.openqa.selenium.support.ui.Select(mode).selectByValue("replace");
      browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> confirm.isDisplayed());
      confirm.click();
      giveTheToken(browser);
      WebElement done = browser.findElement(By.id("upload-done"));
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !done.getText().isEmpty());
      assertThat(done.getText())
          .matches(
              "Run \\d+ is queued on 400 rows of sold.csv, replacing the 4,989 rows before: the"
                  + " current data has 400 rows.");
      assertThat(datasets.current().orElseThrow().rowsKept()).isEqualTo(400);
      // the row left out, with its line and why
      assertThat(browser.findElement(By.id("rejection-why")).getText())
          .isEqualTo("1 row of the file was left out; the rest were kept.");
      assertThat(browser.findElement(By.id("rejection-counts")).getText())
          .contains("401 rows read, 1 row left out (0 malformed, 1 dropped by the cleaning)");
      List<WebElement> left = browser.findElements(By.cssSelector("#problems tbody tr"));
      assertThat(left).hasSize(1);
      assertThat(left.get(0).getText())
          .startsWith("333 price -1 price -1 is not above 0: a price must be positive");
      assertThat(mode.getAttribute("value"))
          .as("the form is ready to add again")
          .isEqualTo("append");
      Browser.screenshot(browser, "runs-replaced-" + width);
    } finally {
      browser.quit();
    }
  }

  @Test
  void theRowsLeftOutAreListedUpToTwentyAndTheRestCounted() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    List<String> file = new java.util.ArrayList<>(lines.subList(0, 201));
    for (int i = 10; i < 40; i++) {
      file.set(i, file.get(i).replaceFirst("^((?:[^,]*,){6})[^,]*", "$10"));
    }
    Path csv = dir.resolve("unpriced.csv");
    Files.write(csv, file, StandardCharsets.UTF_8);
    ChromeDriver browser = open(1280);
    try {
      upload(browser, csv, List.of("linear"), 1);
      giveTheToken(browser);
      WebElement rejection = browser.findElement(By.id("rejection"));
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> rejection.isDisplayed());
      List<WebElement> left = browser.findElements(By.cssSelector("#problems tbody tr"));
      assertThat(left).hasSize(20);
      assertThat(left.get(0).getText()).startsWith("11 price 0");
      assertThat(browser.findElement(By.id("rejection-more")).getText())
          .isEqualTo("and 10 rows more (30 rows left out in all)");
    } finally {
      browser.quit();
    }
  }

  @Test
  void aRejectedFileShowsEachBadRowsLineAndColumnAndStartsNothing() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../data/diamonds.csv"));
    List<String> bad = new java.util.ArrayList<>(lines.subList(0, 11));
    bad.set(2, bad.get(2).replaceFirst("^[^,]*", "heavy"));
    bad.set(6, bad.get(6).replaceFirst("^[^,]*", "NaN"));
    bad.set(8, bad.get(8).replaceFirst(",[^,]*$", ",-3"));
    Path file = dir.resolve("corrupt.csv");
    Files.write(file, bad, StandardCharsets.UTF_8);
    int runsBefore = pipeline.list(1000).size();
    ChromeDriver browser = open(1280);
    try {
      upload(browser, file, List.of("linear"), 1);
      giveTheToken(browser);
      WebElement rejection = browser.findElement(By.id("rejection"));
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> rejection.isDisplayed());
      List<WebElement> problems = browser.findElements(By.cssSelector("#problems tbody tr"));
      assertThat(problems).hasSize(3);
      assertThat(problems.get(0).getText()).startsWith("3 carat heavy");
      assertThat(problems.get(1).getText()).startsWith("7 carat NaN");
      assertThat(problems.get(2).getText()).startsWith("9 z -3");
      assertThat(browser.findElement(By.id("rejection-why")).getText())
          .contains("nothing was stored");
      assertThat(pipeline.list(1000)).hasSize(runsBefore);
      Browser.screenshot(browser, "runs-rejected-1280");
    } finally {
      browser.quit();
    }
  }
}
