package com.stampcard.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, for the web pages' tests.
 *
 * <p>Every browser has a profile folder of its own, so two browsers are two phones: a test that
 * wants "the same phone after a restart" opens a second browser on the first one's folder. The
 * system browser and driver are named explicitly, so Selenium never tries to download one.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Where screenshots go, for a person to look at after the build. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A phone-sized browser (390×844) with its profile in {@code profile}, in {@code language}. */
  public static Browser phone(Path profile, String language) {
    return open(profile, language, 390, 844);
  }

  /** A desktop-sized browser (1280×900), for the back office. */
  public static Browser desktop(Path profile, String language) {
    return open(profile, language, 1280, 900);
  }

  private static Browser open(Path profile, String language, int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The web page tests need Debian's chromium and chromium-driver: run"
              + " build/install-test-deps as root, or apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options));
  }

  /** The Selenium driver, for finding elements and running scripts. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Loads {@code url}. */
  public void open(String url) {
    driver.get(url);
  }

  /**
   * Waits up to {@code seconds} until {@code condition} gives a value that is neither null nor
   * false.
   */
  public <T> T await(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition);
  }

  /** Saves what the page shows now as {@code target/screenshots/NAME.png} and returns the path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.move(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
