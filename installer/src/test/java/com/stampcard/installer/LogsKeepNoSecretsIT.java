package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the till and the server as installed, with their real logging configuration, through the
 * paths that handle secrets (a cashier's PIN, wrong and right; the database password; the back
 * office's token; a one-time enrolment code, used twice; a till's bearer credential, and a forged
 * one), then reads every log file they wrote: none of those secrets may be in them, and the files
 * must hold the story.
 */
class LogsKeepNoSecretsIT {
  private static final String PIN = "730419";
  private static final String WRONG_PIN = "558213";
  private static final String ADMIN_TOKEN = "adm-Q7vX3kP9sL2m";
  private static final String FORGED = "stc1.cafe-norr-1.ZZforgedZZ8d1c";
  private static final String DB_PASSWORD = "db-pw-Hq4nW8rT";

  @TempDir Path work;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theTillLogsNoPin() throws IOException {
    Path demo = demoWithPin(PIN);
    Path state = work.resolve("state");

    Commands.Result till =
        Commands.run(
            List.of(
                java(),
                "-Dstampcard.logLevel=DEBUG",
                "-cp",
                Packages.tillClassPath(),
                "com.stampcard.pos.Main",
                "--console",
                "--demoData=" + demo,
                "--database=" + work.resolve("till/till"),
                "--store=cafe-norr",
                "--till=cafe-norr-1",
                "--backup.interval=PT0S"),
            work,
            "anna\n" + WRONG_PIN + "\nanna\n" + PIN + "\n2900000000018\n:quit\n",
            Map.of("XDG_STATE_HOME", state.toString()));

    assertThat(till.output()).contains("Logged in: Anna", "Stamp given");
    String logs = allFiles(state.resolve("stampcard"));
    assertThat(logs).as("the till's log").contains("Stampcard till", "starting");
    assertThat(logs).doesNotContain(PIN).doesNotContain(WRONG_PIN);
  }

  @Test
  void theServerLogsNoTokenCodeOrCredential() throws Exception {
    Path server = Packages.unpackServer(work);
    Path logs = work.resolve("server-logs");
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    ProcessBuilder builder =
        new ProcessBuilder(
                server.resolve("bin/stampcard-server").toString(),
                "--http.port=" + port,
                "--admin.token=" + ADMIN_TOKEN,
                "--database.url=jdbc:h2:file:" + work.resolve("server-db/server"),
                "--database.password=" + DB_PASSWORD,
                "--demoData=" + Packages.root().resolve("config/demo"))
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.out").toFile());
    builder.environment().put("JAVA_HOME", Packages.javaHome());
    builder
        .environment()
        .put(
            "STAMPCARD_JAVA_OPTS",
            "-Dlogback.configurationFile=logback-service.xml -Dstampcard.logDir="
                + logs
                + " -Dstampcard.logLevel=DEBUG");
    Process process = builder.start();
    List<String> secrets = new ArrayList<>(List.of(ADMIN_TOKEN, FORGED, DB_PASSWORD));
    try {
      awaitReady(base, process);

      HttpResponse<String> code =
          post(
              base + "/api/v1/admin/enrolment-codes",
              ADMIN_TOKEN,
              "{\"store_id\":\"cafe-norr\",\"till_id\":\"cafe-norr-1\"}");
      assertThat(code.statusCode()).as(code.body()).isBetween(200, 201);
      String enrolmentCode = field(code.body(), "code");
      secrets.add(enrolmentCode);

      HttpResponse<String> enrolled =
          post(base + "/api/v1/enrolment", null, "{\"code\":\"" + enrolmentCode + "\"}");
      assertThat(enrolled.statusCode()).as(enrolled.body()).isBetween(200, 201);
      String credential = field(enrolled.body(), "credential");
      secrets.add(credential);
      secrets.add(credential.substring(credential.lastIndexOf('.') + 1));

      HttpResponse<String> again =
          post(base + "/api/v1/enrolment", null, "{\"code\":\"" + enrolmentCode + "\"}");
      assertThat(again.statusCode()).isGreaterThanOrEqualTo(400);
      HttpResponse<String> pushed =
          post(base + "/api/v1/push", credential, "{\"accounts\":[],\"events\":[]}");
      assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
      assertThat(get(base + "/api/v1/changes", credential).statusCode()).isEqualTo(200);
      assertThat(get(base + "/api/v1/changes", FORGED).statusCode()).isEqualTo(401);
      assertThat(
              post(base + "/api/v1/admin/enrolment-codes", "not-" + ADMIN_TOKEN, "{}").statusCode())
          .isEqualTo(401);
    } finally {
      process.destroy();
      process.waitFor();
    }

    String logged = allFiles(logs);
    assertThat(logged).as("the server's log").contains("/api/v1/enrolment", "/api/v1/push");
    for (String secret : secrets) {
      assertThat(logged).as("the server's log").doesNotContain(secret);
    }
  }

  private Path demoWithPin(String pin) throws IOException {
    Path demo = Files.createDirectories(work.resolve("demo"));
    Path source = Packages.root().resolve("config/demo");
    Files.copy(source.resolve("programs.yaml"), demo.resolve("programs.yaml"));
    Files.copy(source.resolve("cards.txt"), demo.resolve("cards.txt"));
    Files.writeString(
        demo.resolve("staff.yaml"),
        "staff:\n  - id: anna\n    name: Anna\n    role: CASHIER\n    pin: \"" + pin + "\"\n");
    return demo;
  }

  private static String allFiles(Path dir) throws IOException {
    assertThat(dir).isDirectory();
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  private void awaitReady(String base, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the server stopped: " + Files.readString(work.resolve("server.out")));
      }
      try {
        if (get(base + "/health/ready", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the server was not ready in 120 s");
  }

  private HttpResponse<String> post(String url, String bearer, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String java() {
    return Path.of(Packages.javaHome(), "bin", "java").toString();
  }
}
