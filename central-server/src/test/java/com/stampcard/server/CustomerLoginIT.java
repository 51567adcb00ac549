package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.server.customer.LogOutbox;
import com.stampcard.server.testing.AppDevice;
import com.stampcard.server.testing.TestServers;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The account's calls over real HTTP: answers that don't tell whether an address is registered, a
 * new password by e-mail, the login limit, and CSRF on changing calls.
 */
class CustomerLoginIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path folder;
  final ListAppender<ILoggingEvent> mail = new ListAppender<>();
  Logger mailLog;
  CentralServer server;
  URI base;

  @BeforeEach
  void start() {
    mailLog = (Logger) LoggerFactory.getLogger(LogOutbox.LOGGER);
    mailLog.setLevel(Level.INFO);
    mail.start();
    mailLog.addAppender(mail);
    server = TestServers.h2(folder, Map.of());
    base = server.uri();
  }

  @AfterEach
  void stop() {
    mailLog.detachAppender(mail);
    server.close();
  }

  @Test
  void answersDoNotTellWhetherAnAddressIsRegistered() throws Exception {
    AppDevice first = phone();
    AppDevice second = phone();
    HttpResponse<String> a = register(first, "eva@example.com", "first password!");
    HttpResponse<String> b = register(second, "eva@example.com", "other password!");
    assertThat(b.statusCode()).isEqualTo(a.statusCode()).isEqualTo(202);
    assertThat(b.body()).isEqualTo(a.body());
    assertThat(logged()).contains("already have an account").doesNotContain("eva@");

    HttpResponse<String> wrong = login(second, "eva@example.com", "not the password");
    HttpResponse<String> unknown = login(second, "nobody@example.com", "not the password");
    assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body());

    HttpResponse<String> resetKnown =
        post("/api/v1/app/account/reset-request", Map.of("email", "eva@example.com"), null, null);
    HttpResponse<String> resetUnknown =
        post(
            "/api/v1/app/account/reset-request", Map.of("email", "nobody@example.com"), null, null);
    assertThat(resetKnown.statusCode()).isEqualTo(resetUnknown.statusCode()).isEqualTo(202);
    assertThat(resetKnown.body()).isEqualTo(resetUnknown.body());
  }

  @Test
  void aNewPasswordByEmailReplacesTheOldOneOnce() throws Exception {
    AppDevice phone = phone();
    register(phone, "ola@example.com", "forgotten password");
    post("/api/v1/app/account/reset-request", Map.of("email", "ola@example.com"), null, null);
    String token = token("#reset=");
    HttpResponse<String> reset =
        post(
            "/api/v1/app/account/reset",
            Map.of("token", token, "password", "remembered password"),
            null,
            null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(login(phone, "ola@example.com", "forgotten password").statusCode()).isEqualTo(401);
    assertThat(login(phone, "ola@example.com", "remembered password").statusCode()).isEqualTo(200);
    HttpResponse<String> again =
        post(
            "/api/v1/app/account/reset",
            Map.of("token", token, "password", "third password!!"),
            null,
            null);
    assertThat(again.statusCode()).isEqualTo(400);
  }

  @Test
  void repeatedFailuresAreRefusedForAWhileAndChangesNeedTheCsrfToken() throws Exception {
    AppDevice phone = phone();
    register(phone, "per@example.com", "the right password");
    for (int i = 0; i < 5; i++) {
      assertThat(login(phone, "per@example.com", "a wrong password " + i).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> locked = login(phone, "per@example.com", "the right password");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();

    AppDevice other = phone();
    register(other, "liv@example.com", "the right password");
    HttpResponse<String> in = login(other, "liv@example.com", "the right password");
    assertThat(in.statusCode()).isEqualTo(200);
    String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(in.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Secure");
    assertThat(post("/api/v1/app/account/delete", Map.of(), cookie, null).statusCode())
        .isEqualTo(403);
    String csrf = JSON.readTree(in.body()).get("csrf").asText();
    HttpResponse<String> foreign =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/app/account/delete"))
                .header("Cookie", cookie)
                .header("X-CSRF-Token", csrf)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/app/account/delete", Map.of(), cookie, csrf).statusCode())
        .isEqualTo(204);
  }

  @Test
  void loggingInOnAPhoneWithCardsOfItsOwnJoinsThemIntoTheAccount() throws Exception {
    String till = com.stampcard.server.testing.Tills.enrol(server, "cafe-norr", "till-1");
    com.stampcard.server.testing.Http http = new com.stampcard.server.testing.Http(base);
    AppDevice owner = new AppDevice();
    UUID account = new UuidV7Generator(Clock.systemUTC()).next();
    post(
        "/api/v1/app/devices",
        Map.of("code", owner.appCode(account, Instant.now(), true)),
        null,
        null);
    AppDevice anonymous = new AppDevice();
    UUID other = new UuidV7Generator(Clock.systemUTC()).next();
    post(
        "/api/v1/app/devices",
        Map.of("code", anonymous.appCode(other, Instant.now(), true)),
        null,
        null);
    http.post(
        "/api/v1/push",
        till,
        new com.stampcard.core.sync.PushRequest(
            java.util.List.of(),
            java.util.List.of(
                com.stampcard.server.testing.Tills.stamp("cafe-norr", "till-1", 1, account),
                com.stampcard.server.testing.Tills.stamp("cafe-norr", "till-1", 2, other),
                com.stampcard.server.testing.Tills.stamp("cafe-norr", "till-1", 3, other))));
    register(owner, "moa@example.com", "moa's password!");

    HttpResponse<String> in = login(anonymous, "moa@example.com", "moa's password!");
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    assertThat(JSON.readTree(in.body()).get("account_id").asText()).isEqualTo(account.toString());
    long units =
        server
            .database()
            .read(
                c -> {
                  try (var s =
                      c.prepareStatement(
                          "SELECT units FROM balance WHERE account_id = ? AND program_id ="
                              + " 'coffee-card'")) {
                    s.setObject(1, account);
                    try (var r = s.executeQuery()) {
                      return r.next() ? r.getLong(1) : -1L;
                    }
                  }
                });
    assertThat(units).isEqualTo(3);
  }

  @Test
  void linksInMailComeFromTheSettingsNeverFromTheHostHeader() throws Exception {
    AppDevice phone = phone();
    register(phone, "ida@example.com", "ida's password!!");
    postWithHost("/api/v1/app/account/reset-request", "evil.example", "ida@example.com");
    assertThat(logged()).contains(base + "/app/#reset=").doesNotContain("evil.example");

    server.close();
    server =
        TestServers.h2(folder, Map.of("app.publicUrl", "https://stamps.shop.example/loyalty/"));
    base = server.uri();
    mail.list.clear();
    postWithHost("/api/v1/app/account/reset-request", "evil.example", "ida@example.com");
    assertThat(logged())
        .contains("https://stamps.shop.example/loyalty/app/#reset=")
        .doesNotContain("evil.example");
  }

  /** A POST with a forged Host header; java.net.http refuses to send one, so a plain socket. */
  private void postWithHost(String path, String host, String email) throws Exception {
    byte[] body = JSON.writeValueAsString(Map.of("email", email)).getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nX-Forwarded-Host: "
                  + host
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 202");
    }
  }

  private AppDevice phone() throws Exception {
    AppDevice phone = new AppDevice();
    UUID account = new UuidV7Generator(Clock.systemUTC()).next();
    HttpResponse<String> r =
        post(
            "/api/v1/app/devices",
            Map.of("code", phone.appCode(account, Instant.now(), true)),
            null,
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return phone;
  }

  private HttpResponse<String> register(AppDevice phone, String email, String password)
      throws Exception {
    return withPassword("register", phone, email, password);
  }

  private HttpResponse<String> login(AppDevice phone, String email, String password)
      throws Exception {
    return withPassword("login", phone, email, password);
  }

  /** The account API's {@code action} with an e-mail address and password, from {@code phone}. */
  private HttpResponse<String> withPassword(
      String action, AppDevice phone, String email, String password) throws Exception {
    return post(
        "/api/v1/app/account/" + action,
        Map.of(
            "email",
            email,
            "password",
            password,
            "code",
            phone.appCode(UUID.randomUUID(), Instant.now(), true)),
        null,
        null);
  }

  private HttpResponse<String> post(String path, Object body, String cookie, String csrf)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String logged() {
    StringBuilder all = new StringBuilder();
    for (ILoggingEvent e : mail.list) {
      all.append(e.getFormattedMessage()).append('\n');
    }
    return all.toString();
  }

  private String token(String marker) {
    Matcher m = Pattern.compile(Pattern.quote(marker) + "([A-Za-z0-9_-]+)").matcher(logged());
    assertThat(m.find()).as(logged()).isTrue();
    return m.group(1);
  }
}
