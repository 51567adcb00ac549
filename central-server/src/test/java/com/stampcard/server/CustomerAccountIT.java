package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.WireEvent;
import com.stampcard.server.customer.LogOutbox;
import com.stampcard.server.testing.AppPage;
import com.stampcard.server.testing.Browser;
import com.stampcard.server.testing.Http;
import com.stampcard.server.testing.TestServers;
import com.stampcard.server.testing.Tills;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.slf4j.LoggerFactory;

/**
 * The optional account, in two real headless Chromium profiles (two phones) against a real server:
 * register and confirm on the first, log in on a fresh second one and the cards are back, remove
 * the first phone, download the data, delete the account and nothing naming the customer is left.
 */
class CustomerAccountIT {
  static final String EMAIL = "Kim.Andersson@example.com";
  static final String PASSWORD = "coffee-every-day";

  @TempDir Path folder;
  final ListAppender<ILoggingEvent> mail = new ListAppender<>();
  Logger mailLog;

  @BeforeEach
  void listen() {
    mailLog = (Logger) LoggerFactory.getLogger(LogOutbox.LOGGER);
    mailLog.setLevel(Level.INFO);
    mail.start();
    mailLog.addAppender(mail);
  }

  @AfterEach
  void stopListening() {
    mailLog.detachAppender(mail);
  }

  @Test
  void registerLogInOnANewPhoneRemoveTheOldOneExportAndErase() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of());
        Browser first = Browser.phone(folder.resolve("first"), "sv")) {
      String base = "http://127.0.0.1:" + server.port();
      AppPage one = AppPage.open(first, base);
      one.customerNumber();
      AppCode firstCode = appCode(one.scanQr());
      UUID account = firstCode.accountId();
      String credential = Tills.enrol(server, "cafe-norr", "till-1");
      Http http = new Http(server.uri());
      push(http, credential, List.of(Tills.stamp("cafe-norr", "till-1", 1, account)));
      one.cardWith("coffee-card", 1);

      // register on the first phone: a confirmation link goes to the (development) outbox
      one.awaitAccount("logged-out");
      first.driver().findElement(By.id("keep-safe")).click();
      first.driver().findElement(By.id("account-email")).sendKeys(EMAIL);
      first.driver().findElement(By.id("account-password")).sendKeys(PASSWORD);
      // logging in before registering is refused, in the phone's language (the problem's key)
      first.driver().findElement(By.id("login-button")).click();
      first.await(
          20, d -> one.text("account-message").contains("hör inte till något konto") ? true : null);
      assertThat(one.text("account-message")).doesNotContain("don't match");
      first.screenshot("account-1-register");
      first.driver().findElement(By.id("register-button")).click();
      first.await(20, d -> one.text("account-status").contains("kim."));
      String link = link("#verify=");
      assertThat(logged()).doesNotContain("Kim.Andersson").doesNotContain("kim.andersson");
      first.open(link);
      first.await(20, d -> one.text("account-message").contains("bekräftad"));
      assertThat(
              count(
                  server,
                  "SELECT COUNT(*) FROM customer_login WHERE email = ? AND email_verified_at IS"
                      + " NOT NULL",
                  EMAIL.toLowerCase()))
          .isEqualTo(1);
      String firstDevice = firstCode.deviceKeyId().hex();

      // a fresh browser profile is a new phone: log in and the card is back
      try (Browser second = Browser.phone(folder.resolve("second"), "nl")) {
        AppPage two = AppPage.open(second, base);
        two.customerNumber();
        two.awaitAccount("logged-out");
        second.driver().findElement(By.id("keep-safe")).click();
        second.driver().findElement(By.id("account-email")).sendKeys(EMAIL);
        second.driver().findElement(By.id("account-password")).sendKeys(PASSWORD);
        second.driver().findElement(By.id("login-button")).click();
        assertThat(two.cardWith("coffee-card", 1)).contains("Coffee card");
        second.screenshot("account-2-new-phone-cards-back");
        // its codes now name the account
        assertThat(two.nextQrAccount(account)).isTrue();

        // the first phone is lost: remove it from the second
        second.screenshot("account-3-devices");
        // the list is drawn again as the page learns things: click the button as it is now
        second.await(
            20,
            d -> {
              try {
                var found =
                    d.findElements(
                        By.cssSelector("#devices li[data-device='" + firstDevice + "'] .revoke"));
                if (found.isEmpty()) {
                  return null;
                }
                found.get(0).click();
                return true;
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
              }
            });
        second.await(
            20,
            d ->
                Boolean.TRUE.equals(
                    second
                        .driver()
                        .executeScript(
                            "var li = document.querySelector(\"#devices li[data-device='"
                                + firstDevice
                                + "']\"); return !!li && li.dataset.revoked === 'true';")));
        assertThat(
                count(
                    server,
                    "SELECT COUNT(*) FROM identifier WHERE kind = 'APP_DEVICE' AND id_value = ?"
                        + " AND revoked_at IS NOT NULL",
                    firstDevice))
            .isEqualTo(1);

        // the removed phone says so (in Swedish) and starts afresh with a new key and account
        first.open(base + "/app/");
        first.await(
            20,
            d -> one.text("removed-text").contains("har tagits bort från kontot") ? true : null);
        first.screenshot("account-3b-removed-phone");
        first.driver().findElement(By.id("start-fresh")).click();
        first.await(20, d -> one.text("removed-text").isEmpty() ? true : null);
        AppPage again = new AppPage(first);
        again.qrStep();
        AppCode fresh = appCode(again.scanQr());
        assertThat(fresh.accountId()).isNotEqualTo(account);
        assertThat(fresh.deviceKeyId().hex()).isNotEqualTo(firstDevice);

        // download my data: the events are in it
        Object export =
            second
                .driver()
                .executeAsyncScript(
                    "var done = arguments[0]; fetch('/api/v1/app/account/export',"
                        + " {credentials: 'same-origin'}).then(r => r.text()).then(done);");
        assertThat(export.toString())
            .contains(EMAIL.toLowerCase())
            .contains("\"type\":\"STAMP\"")
            .contains(account.toString());

        // delete my account
        String number = two.customerNumber();
        second.driver().findElement(By.id("delete-button")).click();
        second.driver().switchTo().alert().accept();
        second.await(20, d -> two.text("account-message").contains("verwijderd"));
        second.screenshot("account-4-deleted");
        assertThat(
                count(
                    server,
                    "SELECT COUNT(*) FROM customer_login WHERE email = ?",
                    EMAIL.toLowerCase()))
            .isZero();
        assertThat(count(server, "SELECT COUNT(*) FROM identifier WHERE id_value = ?", firstDevice))
            .isZero();
        assertThat(count(server, "SELECT COUNT(*) FROM identifier WHERE id_value = ?", number))
            .isZero();
        String everything = dump(server);
        assertThat(everything.toLowerCase())
            .doesNotContain(EMAIL.toLowerCase())
            .doesNotContain(firstDevice)
            .doesNotContain(number);
        // the events stay, anonymous, and the account is marked erased
        assertThat(count(server, "SELECT COUNT(*) FROM ledger_event WHERE account_id = ?", account))
            .isEqualTo(1);
        assertThat(
                count(
                    server,
                    "SELECT COUNT(*) FROM account WHERE id = ? AND status = 'ERASED'",
                    account))
            .isEqualTo(1);
      }
    }
  }

  private static AppCode appCode(String digits) {
    CodeReading reading = CustomerCodes.fromText(digits);
    assertThat(reading).isInstanceOf(CodeReading.Recognised.class);
    return (AppCode) ((CodeReading.Recognised) reading).code();
  }

  private String logged() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent e : mail.list) {
      all.append(e.getFormattedMessage()).append('\n');
    }
    return all.toString();
  }

  private String link(String marker) {
    Matcher m =
        Pattern.compile("(http://\\S+" + Pattern.quote(marker) + "[A-Za-z0-9_-]+)")
            .matcher(logged());
    assertThat(m.find()).as(logged()).isTrue();
    return m.group(1);
  }

  private static long count(CentralServer server, String sql, Object value) {
    return server
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, value);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  return r.getLong(1);
                }
              }
            });
  }

  /** The whole H2 database as SQL text. */
  private static String dump(CentralServer server) {
    return server
        .database()
        .read(
            c -> {
              StringBuilder out = new StringBuilder();
              try (PreparedStatement s = c.prepareStatement("SCRIPT NOPASSWORDS");
                  ResultSet r = s.executeQuery()) {
                while (r.next()) {
                  out.append(r.getString(1)).append('\n');
                }
              }
              return out.toString();
            });
  }

  private static void push(Http http, String credential, List<WireEvent> events) {
    Http.Answer a = http.post("/api/v1/push", credential, new PushRequest(List.of(), events));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
  }
}
