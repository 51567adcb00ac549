package com.stampcard.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.Digests;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cookie sessions, CSRF and the login throttle on a real H2 server database and real HTTP. */
class WebSessionsTest {
  @TempDir Path folder;
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
  private ServerDatabase db;
  private SessionSite site;

  @BeforeEach
  void open() {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    db =
        ServerDatabase.open(
            "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath(), "sa", "", 4, clock);
    site = new SessionSite(db, clock);
  }

  @AfterEach
  void close() {
    site.close();
    db.close();
  }

  private HttpResponse<String> login() throws Exception {
    HttpResponse<String> r = site.send("POST", "/login", null, "user=maria&password=right");
    assertThat(r.statusCode()).isEqualTo(200);
    return r;
  }

  @Test
  void loginSetsAnHttpOnlySecureStrictCookieThatNamesTheSubject() throws Exception {
    HttpResponse<String> r = login();
    String header =
        r.headers().allValues("Set-Cookie").stream()
            .filter(v -> v.startsWith("test_session="))
            .findFirst()
            .orElseThrow();
    assertThat(header).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=3600");

    assertThat(site.send("GET", "/me", SessionSite.cookieOf(r), null).body())
        .isEqualTo("STAFF:maria");
    assertThat(site.send("GET", "/me", null, null).body()).isEqualTo("nobody");
    assertThat(site.send("GET", "/me", "test_session=" + WebSessions.randomToken(), null).body())
        .isEqualTo("nobody");
  }

  @Test
  void theDatabaseHoldsOnlyAHashOfTheCookie() throws Exception {
    String cookie = SessionSite.cookieOf(login());
    String token = cookie.substring(cookie.indexOf('=') + 1);
    String stored =
        db.read(
            c -> {
              try (var s = c.prepareStatement("SELECT token_hash FROM web_session");
                  var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
              }
            });
    assertThat(stored).isNotEqualTo(token).isEqualTo(Digests.sha256(token));
  }

  @Test
  void aChangeNeedsTheSessionsCsrfTokenAndNoForeignOrigin() throws Exception {
    HttpResponse<String> r = login();
    String cookie = SessionSite.cookieOf(r);
    String csrf = r.body();

    assertThat(site.send("POST", "/change", cookie, "x=1").statusCode()).isEqualTo(403);
    assertThat(site.send("POST", "/change", cookie, "x=1&csrf=wrong").statusCode()).isEqualTo(403);
    assertThat(site.send("POST", "/change", cookie, "x=1&csrf=" + csrf).body())
        .isEqualTo("changed");
    assertThat(site.send("POST", "/change", cookie, null, "X-CSRF-Token", csrf).body())
        .isEqualTo("changed");
    assertThat(
            site.send("POST", "/change", cookie, "csrf=" + csrf, "Origin", "https://evil.example")
                .statusCode())
        .isEqualTo(403);
    String own = "http://" + site.uri("/").getRawAuthority();
    assertThat(site.send("POST", "/change", cookie, "csrf=" + csrf, "Origin", own).body())
        .isEqualTo("changed");
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookie() throws Exception {
    HttpResponse<String> r = login();
    String cookie = SessionSite.cookieOf(r);
    HttpResponse<String> out = site.send("POST", "/logout", cookie, "csrf=" + r.body());
    assertThat(out.headers().allValues("Set-Cookie")).anyMatch(v -> v.contains("Max-Age=0"));
    assertThat(site.send("GET", "/me", cookie, null).body()).isEqualTo("nobody");
  }

  @Test
  void aSessionEndsWhenItsLifetimeIsOver() throws Exception {
    String cookie = SessionSite.cookieOf(login());
    now.set(now.get().plus(Duration.ofMinutes(59)));
    assertThat(site.send("GET", "/me", cookie, null).body()).isEqualTo("STAFF:maria");
    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThat(site.send("GET", "/me", cookie, null).body()).isEqualTo("nobody");
  }

  @Test
  void aNewLoginReplacesTheBrowsersOldSession() throws Exception {
    String first = SessionSite.cookieOf(login());
    HttpResponse<String> again = site.send("POST", "/login", first, "user=maria&password=right");
    String second = SessionSite.cookieOf(again);
    assertThat(second).isNotEqualTo(first);
    assertThat(site.send("GET", "/me", first, null).body()).isEqualTo("nobody");
    assertThat(site.send("GET", "/me", second, null).body()).isEqualTo("STAFF:maria");
  }

  @Test
  void threeWrongPasswordsBlockTheAccountUntilTheWindowPasses() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(site.send("POST", "/login", null, "user=maria&password=wrong" + i).statusCode())
          .isEqualTo(401);
      now.set(now.get().plus(Duration.ofMinutes(1)));
    }
    HttpResponse<String> blocked = site.send("POST", "/login", null, "user=maria&password=right");
    assertThat(blocked.statusCode()).isEqualTo(429);
    // the first failure (at 09:00) leaves the 15-minute window at 09:15; now is 09:03
    assertThat(blocked.headers().firstValue("Retry-After")).hasValue(Long.toString(12 * 60 + 1));
    // another account from the same address is not blocked yet
    assertThat(site.send("POST", "/login", null, "user=erik&password=right").statusCode())
        .isEqualTo(200);

    now.set(Instant.parse("2026-03-02T09:15:00Z"));
    assertThat(site.send("POST", "/login", null, "user=maria&password=right").statusCode())
        .isEqualTo(200);
    // a good login forgets the account's failures
    assertThat(site.send("POST", "/login", null, "user=maria&password=wrong").statusCode())
        .isEqualTo(401);
    assertThat(site.send("POST", "/login", null, "user=maria&password=right").statusCode())
        .isEqualTo(200);
  }

  @Test
  void tenFailuresFromOneAddressBlockEveryAccountFromIt() throws Exception {
    for (int i = 0; i < 10; i++) {
      site.send("POST", "/login", null, "user=guess" + i + "&password=wrong");
    }
    assertThat(site.send("POST", "/login", null, "user=maria&password=right").statusCode())
        .isEqualTo(429);
  }
}
