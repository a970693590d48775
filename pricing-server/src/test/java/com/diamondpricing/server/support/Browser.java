package com.diamondpricing.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Chromium from Debian's packages ({@code apt-get install -y chromium chromium-driver}),
 * driven by Selenium with the driver path set explicitly (Selenium Manager never downloads one).
 * Missing browser: the suite fails in CI ({@code .ci/run} installs it) and is skipped with a
 * message on a laptop.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private Browser() {}

  /** A headless browser window of the given width (CSS pixels). */
  public static ChromeDriver open(int width, int height) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String message = "Chromium or its driver is missing (" + CHROMIUM + ", " + DRIVER + ")";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + ": CI requires them (.ci/run installs them)");
      }
      Assumptions.abort(
          message + ": browser suite skipped; apt-get install -y chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--user-data-dir=" + Files.createTempDirectory("chromium-"),
        "--window-size=" + width + "," + height);
    // the console (a Content-Security-Policy refusal is logged there), for consoleErrors
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return driver;
  }

  /** The console's errors since the last call (the browser's own, such as a CSP refusal). */
  public static List<String> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a screenshot as {@code target/screenshots/<name>.png}, for a reviewer to look at. */
  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    // the whole page, not only the window: grow the window to the page's height first
    Dimension window = driver.manage().window().getSize();
    Object height = driver.executeScript("return document.documentElement.scrollHeight");
    if (height instanceof Number h && h.intValue() > window.getHeight()) {
      driver.manage().window().setSize(new Dimension(window.getWidth(), h.intValue() + 100));
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
