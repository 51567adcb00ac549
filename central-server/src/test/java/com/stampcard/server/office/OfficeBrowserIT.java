package com.stampcard.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireAccount;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.Browser;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.Postgres;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The back office in Debian's headless Chromium against a server on PostgreSQL: a manager logs in,
 * adds a store, enrols and revokes a till, adds a cashier, edits a program (the till gets the new
 * version by pull), reads the reports and downloads their CSV. Screenshots go to
 * target/screenshots/office-*.png.
 */
class OfficeBrowserIT {
  static CentralServer server;
  static Http http;
  static String till;
  @TempDir static Path folder;

  @BeforeAll
  static void start() {
    server = TestServers.postgres(Postgres.newDatabase(), Map.of());
    http = new Http(server.uri());
    till = Tills.enrol(server, "cafe-norr", "kassa-1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static void login(Browser b, String user, String secret) {
    b.open(url("/office/login"));
    b.driver().findElement(By.id("user")).sendKeys(user);
    b.driver().findElement(By.id("secret")).sendKeys(secret);
    b.driver().findElement(By.id("login")).click();
  }

  /**
   * Waits until the page's banner says all of {@code expected}: after a click the browser may still
   * show the page before, whose banner goes stale when the next one loads.
   */
  private static void bannerSays(Browser b, String... expected) {
    String[] said = {""};
    try {
      b.await(
          20,
          d -> {
            try {
              said[0] = d.findElement(By.id("banner")).getText();
            } catch (NoSuchElementException | StaleElementReferenceException e) {
              return null;
            }
            return Arrays.stream(expected).allMatch(said[0]::contains) ? Boolean.TRUE : null;
          });
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the banner said \"" + said[0] + "\", not all of " + Arrays.toString(expected), e);
    }
  }

  private static JsonNode pull(String reference) {
    Http.Answer a =
        http.get("/api/v1/changes" + (reference == null ? "" : "?reference=" + reference), till);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  private static JsonNode program(JsonNode reference, String id) {
    JsonNode found = null;
    for (JsonNode p : reference.get("programs")) {
      if (p.get("id").asText().equals(id)
          && (found == null || p.get("version").asInt() > found.get("version").asInt())) {
        found = p;
      }
    }
    return found;
  }

  @Test
  void aManagerRunsTheShopFromTheBackOffice() throws Exception {
    try (Browser b = Browser.desktop(folder.resolve("manager"), "en")) {
      b.open(url("/office"));
      b.await(20, d -> d.getCurrentUrl().endsWith("/office/login"));
      b.screenshot("office-login");

      // a cashier's PIN does not open the back office; nor does a wrong manager PIN
      login(b, "anna", "1234");
      bannerSays(b, "Only managers and the admin");
      login(b, "maria", "0000");
      bannerSays(b, "check the user");
      login(b, "maria", "9999");
      b.await(30, d -> d.getCurrentUrl().endsWith("/office/reports"));
      assertThat(b.driver().findElement(By.tagName("header")).getText())
          .contains("Signed in as maria");

      // a store
      b.driver().findElement(By.id("nav-stores")).click();
      b.driver().findElement(By.id("id")).sendKeys("cafe-syd");
      b.driver().findElement(By.id("name")).sendKeys("Café Syd");
      b.driver().findElement(By.id("save-store")).click();
      bannerSays(b, "Store cafe-syd saved");
      assertThat(b.driver().findElement(By.id("stores")).getText())
          .contains("cafe-syd Café Syd Europe/Stockholm");
      b.screenshot("office-stores");

      // a till: an enrolment code, the till enrols with it, then it is revoked
      b.driver().findElement(By.id("nav-tills")).click();
      new Select(b.driver().findElement(By.id("store"))).selectByValue("cafe-syd");
      b.driver().findElement(By.id("till")).sendKeys("syd-1");
      b.driver().findElement(By.id("make-code")).click();
      String code = b.await(20, d -> d.findElement(By.id("enrolment-code"))).getText();
      assertThat(b.driver().findElement(By.id("open-codes")).getText()).contains("syd-1 cafe-syd");
      assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
      b.screenshot("office-enrolment-code");
      Http.Answer enrolled = http.post("/api/v1/enrolment", null, Map.of("code", code));
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
      String sydCredential = enrolled.json().get("credential").asText();
      assertThat(http.get("/api/v1/changes", sydCredential).status()).isEqualTo(200);

      b.driver().findElement(By.id("nav-tills")).click();
      assertThat(b.driver().findElement(By.id("till-syd-1")).getText()).contains("active");
      b.driver().findElement(By.id("revoke-syd-1")).click();
      // asked first: dismissing keeps the till
      b.await(10, ExpectedConditions.alertIsPresent()).dismiss();
      assertThat(b.driver().findElement(By.id("till-syd-1")).getText()).contains("active");
      b.driver().findElement(By.id("revoke-syd-1")).click();
      assertThat(b.await(10, ExpectedConditions.alertIsPresent()).getText())
          .contains("Revoke till syd-1?");
      b.driver().switchTo().alert().accept();
      bannerSays(b, "Till syd-1 is revoked");
      assertThat(b.driver().findElement(By.id("till-syd-1")).getText()).contains("revoked");
      assertThat(http.get("/api/v1/changes", sydCredential).status()).isEqualTo(401);
      b.screenshot("office-tills");

      // the till knows the programs as they are now
      JsonNode before = pull(null).get("reference");
      assertThat(program(before, "coffee-card").get("version").asInt()).isEqualTo(1);
      String digest = before.get("digest").asText();

      // a cashier who may use the coffee card only
      b.driver().findElement(By.id("nav-staff")).click();
      b.driver().findElement(By.id("id")).sendKeys("olle");
      b.driver().findElement(By.id("name")).sendKeys("Olle");
      b.driver().findElement(By.id("pin")).sendKeys("4321");
      b.driver().findElement(By.id("program-coffee-card")).click();
      b.driver().findElement(By.id("save-staff")).click();
      bannerSays(b, "Staff member olle saved");
      assertThat(b.driver().findElement(By.id("staff-olle")).getText())
          .contains("Olle", "cashier", "coffee-card");
      // changing olle: the form comes filled in; he becomes inactive, his PIN stays
      b.driver().findElement(By.id("edit-olle")).click();
      assertThat(b.driver().findElement(By.id("name")).getAttribute("value")).isEqualTo("Olle");
      assertThat(b.driver().findElement(By.id("program-coffee-card")).isSelected()).isTrue();
      assertThat(b.driver().findElement(By.id("program-lunch-points")).isSelected()).isFalse();
      b.driver().findElement(By.id("active")).click();
      b.driver().findElement(By.id("save-staff")).click();
      bannerSays(b, "Staff member olle saved");
      assertThat(b.driver().findElement(By.id("staff-olle")).getText()).contains("coffee-card no");
      b.screenshot("office-staff");

      // a program's rules change: version 2, which the till gets by pull
      b.driver().findElement(By.id("nav-programs")).click();
      b.driver().findElement(By.id("edit-coffee-card")).click();
      WebElement definition = b.await(20, d -> d.findElement(By.id("definition")));
      ObjectNode rules = (ObjectNode) Http.JSON.readTree(definition.getAttribute("value"));
      assertThat(rules.get("stampsRequired").asInt()).isEqualTo(10);
      rules.put("stampsRequired", 8);
      b.driver()
          .executeScript(
              "document.getElementById('definition').value = arguments[0]", rules.toString());
      b.driver().findElement(By.id("save-program")).click();
      bannerSays(b, "Program coffee-card v2 saved");
      assertThat(b.driver().findElement(By.id("versions")).getText()).contains("2", "1");
      b.screenshot("office-program");

      JsonNode after = pull(digest).get("reference");
      assertThat(after).as("the reference changed, so the pull carries it").isNotNull();
      JsonNode v2 = program(after, "coffee-card");
      assertThat(v2.get("version").asInt()).isEqualTo(2);
      assertThat(Http.JSON.readTree(v2.get("definition").asText()).get("stampsRequired").asInt())
          .isEqualTo(8);
      JsonNode olle = null;
      for (JsonNode s : after.get("staff")) {
        if (s.get("id").asText().equals("olle")) {
          olle = s;
        }
      }
      assertThat(olle).isNotNull();
      assertThat(olle.get("programs").asText()).isEqualTo("coffee-card");
      assertThat(olle.get("role").asText()).isEqualTo("CASHIER");
      assertThat(olle.get("active").asBoolean()).isFalse();

      // a bad document is refused with what to fix, and no version is added
      b.driver()
          .executeScript(
              "document.getElementById('definition').value = arguments[0]",
              rules.put("stampsRequired", 0).toString());
      b.driver().findElement(By.id("save-program")).click();
      bannerSays(b, "could not be saved", "stamps required");
      assertThat(program(pull(null).get("reference"), "coffee-card").get("version").asInt())
          .isEqualTo(2);

      // reports over what the till pushed today
      push(stampsAndARedemption());
      b.driver().findElement(By.id("nav-reports")).click();
      b.await(20, d -> d.findElement(By.id("figure-customers")));
      assertThat(b.driver().findElement(By.id("figure-customers")).getText()).isEqualTo("2");
      assertThat(b.driver().findElement(By.id("figure-visits")).getText()).isEqualTo("2");
      assertThat(b.driver().findElement(By.id("table-redemption")).getText())
          .contains("coffee-card 4 1 3 75%");
      assertThat(b.driver().findElements(By.cssSelector("#chart-redemption rect.bar"))).hasSize(1);
      assertThat(
              b.driver()
                  .findElement(By.cssSelector("#chart-redemption rect.bar"))
                  .getAttribute("data-value"))
          .isEqualTo("0.7500");
      // visits per week: the period's 13 or 14 weeks, the last (this week) with today's 2
      List<WebElement> weeks =
          b.driver().findElements(By.cssSelector("#chart-visits-by-week rect.bar"));
      assertThat(weeks.size()).isBetween(13, 14);
      assertThat(weeks.get(weeks.size() - 1).getAttribute("data-value")).isEqualTo("2.0000");
      assertThat(b.driver().findElement(By.id("table-liability")).getText())
          .contains("coffee-card 1 1 0");
      b.screenshot("office-reports");

      // the CSV link downloads with this browser's session
      String href = b.driver().findElement(By.id("csv-redemption")).getAttribute("href");
      // (as JSON, so WebDriver hands the text back byte for byte, CRLF and all)
      Object csv =
          b.driver()
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch(arguments[0]).then(async r => done(JSON.stringify({"
                      + "type: r.headers.get('Content-Type'),"
                      + "disposition: r.headers.get('Content-Disposition'),"
                      + "text: await r.text()})), e => done('' + e));",
                  href);
      JsonNode download = Http.JSON.readTree(String.valueOf(csv));
      assertThat(download.get("type").asText()).startsWith("text/csv");
      assertThat(download.get("disposition").asText())
          .startsWith("attachment; filename=\"stampcard-redemption-");
      assertThat(download.get("text").asText())
          .isEqualTo(
              "program,earned,redemptions,spent,redemption_rate\r\n"
                  + "coffee-card,4,1,3,0.7500\r\n");

      // a change without the page's token is refused, even from the logged-in browser
      Object status =
          b.driver()
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch('/office/stores', {method: 'POST', body: new URLSearchParams("
                      + "{id: 'evil', name: 'Evil', zone: 'UTC'})}).then(r => done(r.status));");
      assertThat(((Number) status).intValue()).isEqualTo(403);

      // the session cookie can't be read by scripts
      assertThat(b.driver().executeScript("return document.cookie"))
          .asString()
          .doesNotContain("stampcard_office");

      b.driver().findElement(By.id("logout")).click();
      b.await(20, d -> d.getCurrentUrl().endsWith("/office/login"));
      b.open(url("/office/reports"));
      b.await(20, d -> d.getCurrentUrl().endsWith("/office/login"));
    }
  }

  @Test
  void theAdminLogsInAndThePagesSpeakSwedishAndDutch() {
    try (Browser b = Browser.desktop(folder.resolve("admin"), "sv")) {
      login(b, "admin", TestServers.ADMIN_TOKEN);
      b.await(30, d -> d.getCurrentUrl().endsWith("/office/reports"));
      assertThat(b.driver().findElement(By.id("nav-reports")).getText()).isEqualTo("Rapporter");
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Rapporter");
      b.screenshot("office-reports-sv");
      b.open(url("/office/tills?lang=nl"));
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Kassa's");
      b.open(url("/office/staff"));
      assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Personeel");
      b.screenshot("office-staff-nl");
    }
  }

  private static int seq;

  /** Two customers: one gets 3 stamps and redeems 3, the other 1 stamp. */
  private static List<Object> stampsAndARedemption() {
    UUID a = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    List<WireEvent> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(Tills.stamp("cafe-norr", "kassa-1", ++seq, a));
    }
    events.add(Tills.event("cafe-norr", "kassa-1", ++seq, a, "REDEEM", -3));
    events.add(Tills.stamp("cafe-norr", "kassa-1", ++seq, c));
    String at = Instant.now().minusSeconds(60).toString();
    List<WireAccount> accounts =
        List.of(
            new WireAccount(a, at, "cafe-norr", "ACTIVE", null, List.of()),
            new WireAccount(c, at, "cafe-norr", "ACTIVE", null, List.of()));
    return List.of(accounts, events);
  }

  @SuppressWarnings("unchecked")
  private static void push(List<Object> accountsAndEvents) {
    Http.Answer a =
        http.post(
            "/api/v1/push",
            till,
            new PushRequest(
                (List<WireAccount>) accountsAndEvents.get(0),
                (List<WireEvent>) accountsAndEvents.get(1)));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }
}
