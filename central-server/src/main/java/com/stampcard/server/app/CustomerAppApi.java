package com.stampcard.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.RewardThreshold;
import com.stampcard.core.program.StampProgram;
import com.stampcard.server.customer.CustomerAccountApi;
import com.stampcard.server.customer.CustomerAccounts;
import com.stampcard.server.customer.Outbox;
import com.stampcard.server.customer.PasswordHasher;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.http.Bodies;
import com.stampcard.server.sync.ChangeSignal;
import com.stampcard.server.web.LoginThrottle;
import com.stampcard.server.web.SessionKind;
import com.stampcard.server.web.WebSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The customer's web app: its files under {@code /app/}, and the calls it makes without a login —
 * registering the phone ({@code POST /api/v1/app/devices}), the programs' names and rewards, and
 * the account's history (with a device ticket, like the live stream).
 */
public final class CustomerAppApi {
  private static final String FILES = "web/app/";
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "webmanifest", "application/manifest+json",
          "json", "application/json");

  /** No third-party origin anywhere: scripts, styles, images and calls come from this server. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private final AppDevices devices;
  private final ServerDatabase db;
  private final DeviceAuthentication authentication;
  private final ObjectMapper json;
  private final Clock clock;
  private final long maxRequestBytes;
  private final CustomerAccountApi accounts;

  public CustomerAppApi(
      ServerDatabase db,
      ChangeSignal signal,
      ObjectMapper json,
      Clock clock,
      long maxRequestBytes,
      boolean secureCookies,
      Outbox outbox,
      Supplier<String> appUrl) {
    this.db = db;
    this.devices = new AppDevices(db, signal, clock);
    this.authentication = new DeviceAuthentication(db, clock);
    this.json = json;
    this.clock = clock;
    this.maxRequestBytes = maxRequestBytes;
    this.accounts =
        new CustomerAccountApi(
            new CustomerAccounts(db, devices, outbox, new PasswordHasher(), clock),
            devices,
            new WebSessions(
                db,
                clock,
                SessionKind.CUSTOMER,
                "stampcard_app",
                Duration.ofDays(30),
                secureCookies),
            new LoginThrottle(db, clock, SessionKind.CUSTOMER, 5, 50, Duration.ofMinutes(15)),
            json,
            maxRequestBytes,
            appUrl);
  }

  public AppDevices devices() {
    return devices;
  }

  public void routes(Javalin app) {
    // Javalin ignores trailing slashes: this is /app and /app/ (the page's links are relative)
    app.get(
        "/app/",
        ctx -> {
          if (!ctx.path().endsWith("/")) {
            ctx.redirect("/app/");
          } else {
            file(ctx, "index.html");
          }
        });
    app.get("/app/<file>", ctx -> file(ctx, ctx.pathParam("file")));
    app.post("/api/v1/app/devices", this::register);
    app.get("/api/v1/app/programs", this::programs);
    app.get("/api/v1/app/accounts/{account}/history", this::history);
    accounts.routes(app);
  }

  private void file(Context ctx, String name) {
    if (!name.matches("[a-z0-9_.-]+(/[A-Za-z0-9_.-]+)?") || name.contains("..")) {
      throw ApiException.notFound("There is no file '" + name + "' in the app.");
    }
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    InputStream in = CustomerAppApi.class.getClassLoader().getResourceAsStream(FILES + name);
    if (type == null || in == null) {
      throw ApiException.notFound("There is no file '" + name + "' in the app.");
    }
    try (in) {
      ctx.contentType(type)
          .header("Cache-Control", "no-cache")
          .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .header("X-Content-Type-Options", "nosniff")
          .header("Referrer-Policy", "no-referrer")
          .result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The phone shows its first-use code; the server links its key to its account. */
  private void register(Context ctx) throws IOException {
    JsonNode body = json.readTree(Bodies.read(ctx, maxRequestBytes));
    AppDevices.Proof proof = devices.prove(body == null ? null : body.path("code").asText(null));
    ctx.json(devices.register(proof.code().accountId(), proof.key()));
  }

  private void programs(Context ctx) {
    List<Map<String, Object>> list =
        db.store().inTransaction(tx -> tx.programs()).stream().map(this::program).toList();
    ctx.header("Cache-Control", "no-cache").json(Map.of("programs", list));
  }

  private Map<String, Object> program(Program p) {
    if (p instanceof StampProgram s) {
      return Map.of(
          "id", s.id().value(),
          "kind", "STAMPS",
          "name", s.name(),
          "reward", s.reward(),
          "stamps_required", s.stampsRequired());
    }
    PointsProgram points = (PointsProgram) p;
    return Map.of(
        "id",
        points.id().value(),
        "kind",
        "POINTS",
        "name",
        points.name(),
        "reward",
        points.reward(),
        "thresholds",
        points.rewards().stream().map(CustomerAppApi::threshold).toList());
  }

  private static Map<String, Object> threshold(RewardThreshold t) {
    return Map.of("points", t.points(), "reward", t.reward());
  }

  private void history(Context ctx) {
    ctx.json(Map.of("events", devices.history(authentication.authenticate(ctx), 100)));
  }
}
