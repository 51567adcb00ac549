package com.stampcard.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.TestServers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back office's login over real HTTP on an H2 server: who gets in, and the limit. */
class BackOfficeLoginTest {
  @TempDir Path folder;
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> post(
      CentralServer server, String path, String form, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.uri() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login(String user, String secret) {
    return "user=" + user + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }

  @Test
  void managersAndTheAdminGetASessionCashiersAndGuessersDoNot() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of())) {
      HttpResponse<String> maria = post(server, "/office/login", login("maria", "9999"));
      assertThat(maria.statusCode()).isEqualTo(302);
      assertThat(maria.headers().firstValue("Set-Cookie").orElseThrow())
          .startsWith("stampcard_office=")
          .contains("HttpOnly", "SameSite=Strict", "Secure");
      assertThat(
              post(server, "/office/login", login("admin", TestServers.ADMIN_TOKEN)).statusCode())
          .isEqualTo(302);
      assertThat(post(server, "/office/login", login("anna", "1234")).statusCode()).isEqualTo(401);
      assertThat(post(server, "/office/login", login("admin", "nope")).statusCode()).isEqualTo(401);
      // a login posted from another site's page
      assertThat(
              post(
                      server,
                      "/office/login",
                      login("maria", "9999"),
                      "Origin",
                      "https://evil.example")
                  .statusCode())
          .isEqualTo(403);
      // the guessing limit: 5 failures for one user, then refused before the PIN is looked at
      for (int i = 0; i < 5; i++) {
        assertThat(post(server, "/office/login", login("erik", "000" + i)).statusCode())
            .isEqualTo(401);
      }
      HttpResponse<String> limited = post(server, "/office/login", login("erik", "2345"));
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.body()).contains("Too many failed logins");
    }
  }

  @Test
  void withoutASessionPagesRedirectAndChangesAreRefused() throws Exception {
    try (CentralServer server = TestServers.h2(folder, Map.of())) {
      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(server.uri() + "/office/staff")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).hasValue("/office/login");
      assertThat(post(server, "/office/stores", "id=x&name=x&zone=UTC").statusCode())
          .isEqualTo(401);
    }
  }
}
