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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the server from its tarball with the service's logging, a till and the standalone sync
 * agent, at DEBUG, through every path that handles a secret: the database password, the back
 * office's token (and a wrong one), one-time enrolment codes (one used twice), tills' bearer
 * credentials (and a forged one), a cashier's PIN (wrong and right), a till enrolling with a code
 * and then syncing. Then it reads every log file the three wrote and everything they printed: no
 * secret may be there, and the logs must hold the story.
 *
 * <p>Every secret goes into {@link Secrets}; customers' e-mail addresses and passwords join it the
 * same way when the server takes them.
 */
class LogsKeepNoSecretsIT {
  private static final String PIN = "730419";
  private static final String WRONG_PIN = "558213";
  private static final String ADMIN_TOKEN = "adm-Q7vX3kP9sL2m";
  private static final String FORGED = "stc1.cafe-norr-1.ZZforgedZZ8d1c";
  private static final String DB_PASSWORD = "db-pw-Hq4nW8rT";

  @TempDir Path work;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Secrets secrets =
      new Secrets()
          .add("a cashier's PIN", PIN)
          .add("a wrong PIN", WRONG_PIN)
          .add("the back office's token", ADMIN_TOKEN)
          .add("a forged till credential", FORGED)
          .add("the database password", DB_PASSWORD);

  /** What each program printed on its console, by program. */
  private final Map<String, String> consoles = new LinkedHashMap<>();

  @Test
  void noSecretInAnyLogFileOrConsole() throws Exception {
    Path demo = demoWithPin(PIN);
    Path serverLogs = work.resolve("server-logs");
    Path tillState = work.resolve("till-state");
    Process server = startServer(demo, serverLogs);
    try {
      String base = awaitReady(server);
      serverFlow(base);
      tillFlow(base, demo, tillState);
      agentFlow(base);
    } finally {
      server.destroy();
      server.waitFor();
      consoles.put("server", Files.readString(work.resolve("server.out")));
    }

    String serverLog = allFiles(serverLogs);
    String tillLog = allFiles(tillState.resolve("stampcard"));
    assertThat(serverLog)
        .as("the server's log")
        .contains("/api/v1/enrolment", "/api/v1/push", "/api/v1/changes");
    assertThat(tillLog).as("the till's log").contains("Stampcard till", "starting");
    assertThat(consoles.get("till")).contains("Logged in: Anna", "Stamp given");
    assertThat(consoles.get("sync agent")).contains("enrolled, online");
    assertThat(secrets.count()).as("secrets handled").isGreaterThanOrEqualTo(11);

    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("the server's log files", serverLog);
    texts.put("the till's log files", tillLog);
    consoles.forEach((who, out) -> texts.put("the " + who + "'s console", out));
    Map<String, Map<String, String>> leaks = new LinkedHashMap<>();
    texts.forEach(
        (where, text) -> {
          Map<String, String> found = secrets.foundIn(text);
          if (!found.isEmpty()) {
            leaks.put(where, found);
          }
        });
    assertThat(leaks).as("secrets in logs or consoles (where: {what: line})").isEmpty();
  }

  /** The back office and a till over HTTP: codes, enrolment, a credential, bad credentials. */
  private void serverFlow(String base) throws Exception {
    String code = newCode(base, "cafe-norr-1");
    HttpResponse<String> enrolled =
        post(base + "/api/v1/enrolment", null, "{\"code\":\"" + code + "\"}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isBetween(200, 201);
    addCredential(field(enrolled.body(), "credential"));

    HttpResponse<String> again =
        post(base + "/api/v1/enrolment", null, "{\"code\":\"" + code + "\"}");
    assertThat(again.statusCode()).isGreaterThanOrEqualTo(400);
    String credential = field(enrolled.body(), "credential");
    HttpResponse<String> pushed =
        post(base + "/api/v1/push", credential, "{\"accounts\":[],\"events\":[]}");
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
    assertThat(get(base + "/api/v1/changes", credential).statusCode()).isEqualTo(200);
    assertThat(get(base + "/api/v1/changes", FORGED).statusCode()).isEqualTo(401);
    assertThat(
            post(base + "/api/v1/admin/enrolment-codes", "not-" + ADMIN_TOKEN, "{}").statusCode())
        .isEqualTo(401);
  }

  /** A till enrolling with a code at its first start, a wrong and a right PIN, a stamp, synced. */
  private void tillFlow(String base, Path demo, Path state) throws Exception {
    String code = newCode(base, "cafe-norr-2");
    Path database = work.resolve("till/till");
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
                "--database=" + database,
                "--store=cafe-norr",
                "--till=cafe-norr-2",
                "--server.url=" + base,
                "--enrol",
                code,
                "--backup.interval=PT0S"),
            work,
            "anna\n" + WRONG_PIN + "\nanna\n" + PIN + "\n2900000000018\n:quit\n",
            Map.of("XDG_STATE_HOME", state.toString()));
    consoles.put("till", till.output());
    assertThat(till.output()).contains("Logged in: Anna");
    addCredential(credentialIn(database));
  }

  /** The standalone agent enrolling another till with a code. */
  private void agentFlow(String base) throws Exception {
    String code = newCode(base, "cafe-norr-3");
    Path database = work.resolve("agent/till");
    Commands.Result agent =
        Commands.run(
            List.of(
                java(),
                "-Dlogback.configurationFile=com/stampcard/sync/logback-agent.xml",
                "-Dstampcard.logLevel=DEBUG",
                "-cp",
                Packages.tillClassPath(),
                "com.stampcard.sync.SyncAgentMain",
                "enrol",
                code,
                "--till.database=" + database,
                "--server.url=" + base),
            work,
            "",
            Map.of("XDG_CONFIG_HOME", work.resolve("no-config").toString()));
    consoles.put("sync agent", agent.output());
    assertThat(agent.exitCode()).as(agent.output()).isZero();
    addCredential(credentialIn(database));
  }

  private String newCode(String base, String till) throws Exception {
    HttpResponse<String> code =
        post(
            base + "/api/v1/admin/enrolment-codes",
            ADMIN_TOKEN,
            "{\"store_id\":\"cafe-norr\",\"till_id\":\"" + till + "\"}");
    assertThat(code.statusCode()).as(code.body()).isBetween(200, 201);
    String value = field(code.body(), "code");
    secrets.add("an enrolment code", value);
    return value;
  }

  /** A till's credential, and its secret part on its own (after the last dot). */
  private void addCredential(String credential) {
    secrets.add("a till's credential", credential);
    secrets.add(
        "a till's credential's secret", credential.substring(credential.lastIndexOf('.') + 1));
  }

  /** The credential an agent keeps in its till's database. */
  private static String credentialIn(Path database) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT credential FROM sync_state")) {
      assertThat(r.next()).as("an enrolled till in " + database).isTrue();
      return r.getString(1);
    }
  }

  private Process startServer(Path demo, Path logs) throws IOException {
    Path server = Packages.unpackServer(work);
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                server.resolve("bin/stampcard-server").toString(),
                "--http.port=" + port,
                "--admin.token=" + ADMIN_TOKEN,
                "--database.url=jdbc:h2:file:" + work.resolve("server-db/server"),
                "--database.password=" + DB_PASSWORD,
                "--demoData=" + demo)
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
    serverPort = port;
    return builder.start();
  }

  private int serverPort;

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
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).forEach(found::add);
    }
    assertThat(found).as("log files in " + dir).isNotEmpty();
    for (Path f : found) {
      all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
    }
    return all.toString();
  }

  private String awaitReady(Process process) throws Exception {
    String base = "http://127.0.0.1:" + serverPort;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the server stopped: " + Files.readString(work.resolve("server.out")));
      }
      try {
        if (get(base + "/health/ready", null).statusCode() == 200) {
          return base;
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
