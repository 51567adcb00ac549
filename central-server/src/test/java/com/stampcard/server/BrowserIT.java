package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.server.testing.Browser;
import com.stampcard.server.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The headless Chromium the web page tests use reaches a real server and takes screenshots. */
class BrowserIT {
  @TempDir Path folder;

  @Test
  void chromiumLoadsAPageFromTheServerAndSavesAScreenshot() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of());
        Browser browser = Browser.phone(folder.resolve("phone"), "sv")) {
      browser.open("http://127.0.0.1:" + server.port() + "/health/live");

      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("UP");
      Object language = browser.driver().executeScript("return navigator.language");
      assertThat(language).isEqualTo("sv");
      Path shot = browser.screenshot("browser-smoke");
      assertThat(Files.size(shot)).isPositive();
    }
  }
}
