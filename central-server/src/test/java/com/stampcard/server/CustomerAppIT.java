package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeVerifier;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.testing.AppPage;
import com.stampcard.server.testing.Browser;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The customer app in a real headless Chromium against a real server: the code shows at once, it is
 * a valid app code as the till's verifier sees it, and the card fills in live.
 */
class CustomerAppIT {
  @TempDir Path folder;

  @Test
  void theQrCodeIsAValidAppCodeAndTheCardFillsInLiveWithoutAReload() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of());
        Browser phone = Browser.phone(folder.resolve("phone"), "en")) {
      String base = "http://127.0.0.1:" + server.port();
      AppPage page = AppPage.open(phone, base);

      // the QR, as a scanner reads it, is a first-use code the till's verifier accepts
      String digits = page.scanQr();
      CodeReading reading = CustomerCodes.fromText(digits);
      assertThat(reading).isInstanceOf(CodeReading.Recognised.class);
      AppCode code = (AppCode) ((CodeReading.Recognised) reading).code();
      assertThat(code.form()).isEqualTo(AppCode.Form.FIRST_USE);
      assertThat(digits).hasSize(325);
      Set<String> used = new HashSet<>();
      AppCodeVerifier till =
          new AppCodeVerifier(Clock.systemUTC(), (device, step) -> used.add(device + "/" + step));
      assertThat(till.verify(code, Optional.empty()))
          .isInstanceOf(AppCodeVerifier.Verdict.Valid.class);
      // the same code again is a copy
      assertThat(till.verify(code, Optional.empty()))
          .isInstanceOf(AppCodeVerifier.Verdict.Refused.class);

      // the phone registered itself: a customer number for 1D scanners, as Code128
      String number = page.customerNumber();
      assertThat(CustomerCodes.fromText(number)).isInstanceOf(CodeReading.Recognised.class);
      phone.driver().findElement(By.id("number")).click();
      phone.await(5, d -> d.findElement(By.id("barcode")).isDisplayed());
      assertThat(phone.driver().findElements(By.cssSelector("#barcode rect"))).isNotEmpty();
      phone.screenshot("app-1-code");

      // a till stamps the account the code names: the card appears without a reload
      Object marker = phone.driver().executeScript("return window.__sameDocument = 'yes'");
      assertThat(marker).isEqualTo("yes");
      UUID account = code.accountId();
      String credential = Tills.enrol(server, "cafe-norr", "till-1");
      Http http = new Http(server.uri());
      push(http, credential, List.of(Tills.stamp("cafe-norr", "till-1", 1, account)));
      assertThat(page.cardWith("coffee-card", 1)).contains("Coffee card").contains("9 more");
      // having seen a stamp, the phone shows the shorter steady code from the next step on,
      // which the till verifies with the key it learnt from the first one
      long firstStep = page.qrStep();
      page.nextQr(firstStep);
      AppCode steady =
          (AppCode) ((CodeReading.Recognised) CustomerCodes.fromText(page.scanQr())).code();
      assertThat(steady.form()).isEqualTo(AppCode.Form.STEADY);
      assertThat(steady.toDigits()).hasSize(245);
      assertThat(till.verify(steady, code.publicKey().orElseThrow()))
          .isInstanceOf(AppCodeVerifier.Verdict.Valid.class);
      push(
          http,
          credential,
          List.of(
              Tills.stamp("cafe-norr", "till-1", 2, account),
              Tills.event("cafe-norr", "till-1", 3, account, "STAMP", 8)));
      assertThat(page.cardWith("coffee-card", 10)).contains("Ready to redeem");
      phone.screenshot("app-2-full-card");
      push(
          http, credential, List.of(Tills.event("cafe-norr", "till-1", 4, account, "REDEEM", -10)));
      assertThat(page.banner("redeemed")).contains("Redeemed");
      page.cardWith("coffee-card", 0);
      phone.screenshot("app-3-redeemed");
      // the card's history, newest first
      phone
          .driver()
          .findElement(By.cssSelector(".card[data-program='coffee-card'] summary"))
          .click();
      String history =
          phone.await(
              20,
              d -> {
                var items = d.findElements(By.cssSelector(".card details li"));
                return items.size() == 4 ? items.get(0).getText() : null;
              });
      assertThat(history).contains("Redeemed");
      assertThat(phone.driver().executeScript("return window.__sameDocument")).isEqualTo("yes");
    }
  }

  @Test
  void theCodeStillShowsWithNoServer() throws Exception {
    Path profile = folder.resolve("phone");
    String base;
    try (CentralServer server = TestServers.h2(folder, Map.of());
        Browser phone = Browser.phone(profile, "sv")) {
      base = "http://127.0.0.1:" + server.port();
      AppPage page = AppPage.open(phone, base);
      page.customerNumber();
      // the service worker has the app's files once it controls the page
      phone.await(
          20,
          d ->
              Boolean.TRUE.equals(
                  phone.driver().executeScript("return !!navigator.serviceWorker.controller")));
      assertThat(phone.driver().findElement(By.id("brightness")).getText()).contains("ljusstyrka");
    }
    // the server is gone: the same phone opens the app again
    try (Browser phone = Browser.phone(profile, "sv")) {
      AppPage page = AppPage.open(phone, base);
      String digits = page.scanQr();
      assertThat(CustomerCodes.fromText(digits)).isInstanceOf(CodeReading.Recognised.class);
      assertThat(phone.driver().findElement(By.id("number")).getText().replace(" ", ""))
          .matches("\\d{13}");
      phone.screenshot("app-4-offline-sv");
    }
  }

  @Test
  void thePrivacyPageIsInTheBrowsersLanguageAndNothingComesFromElsewhere() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of());
        Browser phone = Browser.phone(folder.resolve("phone"), "nl")) {
      String base = "http://127.0.0.1:" + server.port();
      AppPage.open(phone, base);
      Object foreign =
          phone
              .driver()
              .executeScript(
                  "return performance.getEntriesByType('resource').map(e => e.name)"
                      + ".filter(n => !n.startsWith(location.origin)).length");
      assertThat(foreign).isEqualTo(0L);
      Http.Answer page = new Http(server.uri()).get("/app/", null);
      assertThat(page.body()).doesNotContain("https://");
      phone.open(base + "/app/privacy.html");
      String shown = phone.driver().findElement(By.tagName("main")).getText();
      assertThat(shown).contains("Je privacy").doesNotContain("Your privacy");
      phone.screenshot("app-5-privacy-nl");
    }
  }

  private static void push(Http http, String credential, List<WireEvent> events) {
    Http.Answer a = http.post("/api/v1/push", credential, new PushRequest(List.of(), events));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }
}
