package com.stampcard.server.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.server.app.AppDevices;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.http.Bodies;
import com.stampcard.server.http.Digests;
import com.stampcard.server.web.LoginThrottle;
import com.stampcard.server.web.WebSession;
import com.stampcard.server.web.WebSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The customer app's account calls, under {@code /api/v1/app/account}: register, confirm, log in
 * (which adds the phone and its cards to the account), log out, a new password, the account's
 * phones and removing one, the data export and erasure. A session is a cookie of {@link
 * WebSessions} (kind CUSTOMER); changing calls carry its CSRF token in {@code X-CSRF-Token}. The
 * calls before a session (register, log in, a new password) refuse a foreign {@code Origin}.
 */
public final class CustomerAccountApi {
  private static final String BASE = "/api/v1/app/account";

  private final CustomerAccounts accounts;
  private final AppDevices devices;
  private final WebSessions sessions;
  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final long maxRequestBytes;
  private final Supplier<String> appUrl;

  /**
   * @param appUrl the app's address for links in e-mail ({@code .../app/}), from the settings,
   *     never from the request's Host header
   */
  public CustomerAccountApi(
      CustomerAccounts accounts,
      AppDevices devices,
      WebSessions sessions,
      LoginThrottle throttle,
      ObjectMapper json,
      long maxRequestBytes,
      Supplier<String> appUrl) {
    this.accounts = accounts;
    this.devices = devices;
    this.sessions = sessions;
    this.throttle = throttle;
    this.json = json;
    this.maxRequestBytes = maxRequestBytes;
    this.appUrl = appUrl;
  }

  public void routes(Javalin app) {
    app.get(BASE, this::me);
    app.post(BASE + "/register", this::register);
    app.post(BASE + "/login", this::login);
    app.post(BASE + "/logout", this::logout);
    app.post(BASE + "/verify", this::verify);
    app.post(BASE + "/reset-request", this::resetRequest);
    app.post(BASE + "/reset", this::reset);
    app.get(BASE + "/devices", this::devices);
    app.post(BASE + "/devices/{device}/revoke", this::revoke);
    app.get(BASE + "/export", this::export);
    app.post(BASE + "/delete", this::delete);
  }

  private void me(Context ctx) {
    Optional<WebSession> session = sessions.current(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("logged_in", session.isPresent());
    session.ifPresent(
        s -> {
          UUID root = devices.root(UUID.fromString(s.subject()));
          out.put("account_id", root.toString());
          out.put("csrf", s.csrfToken());
          accounts.profile(root).ifPresent(out::putAll);
        });
    ctx.header("Cache-Control", "no-store").json(out);
  }

  private void register(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    String email = email(body);
    String password = password(body);
    AppDevices.Proof phone = devices.prove(body.path("code").asText(null));
    accounts.register(email, password, phone.key(), appUrl.get());
    ctx.status(202)
        .json(
            Map.of(
                "message",
                "If the address can be registered, a confirmation link is on its way to it."));
  }

  private void login(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    String email = email(body);
    String password = body.path("password").asText("");
    String who = Digests.sha256(email);
    Optional<Duration> wait = throttle.retryAfter(who, ctx.ip());
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiException(
              com.stampcard.core.sync.Problem.of(
                  429,
                  "login-throttled",
                  "Too many attempts",
                  "Too many failed logins. Wait "
                      + (seconds + 59) / 60
                      + " minutes and try again, or ask for a new password."))
          .withMessageKey("app.login-throttled");
    }
    AppDevices.Proof phone = devices.prove(body.path("code").asText(null));
    Optional<UUID> account = accounts.authenticate(email, password);
    if (account.isEmpty()) {
      throttle.failed(who, ctx.ip());
      throw ApiException.unauthorized(
              "That e-mail address and password don't match an account. Check them, or ask for a new"
                  + " password.")
          .withMessageKey("app.login-failed");
    }
    throttle.succeeded(who);
    AppDevices.Registration joined = accounts.joinPhone(account.get(), phone.key());
    WebSession session = sessions.start(ctx, joined.accountId().toString());
    ctx.json(
        Map.of(
            "account_id", joined.accountId().toString(),
            "device_key_id", joined.deviceKeyId(),
            "customer_number", joined.customerNumber(),
            "csrf", session.csrfToken()));
  }

  private void logout(Context ctx) {
    Optional<WebSession> session = sessions.current(ctx);
    if (session.isPresent()) {
      sessions.requireMayChange(ctx, session.get());
    }
    sessions.end(ctx);
    ctx.status(204);
  }

  private void verify(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    if (!accounts.verify(body.path("token").asText(null))) {
      throw ApiException.badRequest(
              "This confirmation link is used up or too old. Log in and ask for a new one by"
                  + " registering again.")
          .withMessageKey("app.verify-link-used");
    }
    ctx.json(Map.of("verified", true));
  }

  private void resetRequest(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    accounts.requestReset(email(body), appUrl.get());
    ctx.status(202)
        .json(
            Map.of(
                "message",
                "If the address has an account, a link to a new password is on its way."));
  }

  private void reset(Context ctx) throws IOException {
    JsonNode body = body(ctx);
    String password = password(body);
    Optional<UUID> account = accounts.reset(body.path("token").asText(null), password);
    if (account.isEmpty()) {
      throw ApiException.badRequest(
              "This link is used up or older than an hour. Ask for a new one in the app.")
          .withMessageKey("app.reset-link-used");
    }
    sessions.endAllOf(account.get().toString());
    ctx.json(Map.of("reset", true));
  }

  private void devices(Context ctx) {
    UUID root = root(session(ctx));
    ctx.header("Cache-Control", "no-store").json(Map.of("devices", devices.devices(root)));
  }

  private void revoke(Context ctx) {
    WebSession session = session(ctx);
    sessions.requireMayChange(ctx, session);
    if (!devices.revoke(root(session), ctx.pathParam("device"))) {
      throw ApiException.notFound(
              "That phone is not one of this account's, or it was removed already. Reload the list.")
          .withMessageKey("app.phone-not-found");
    }
    ctx.status(204);
  }

  private void export(Context ctx) {
    UUID root = root(session(ctx));
    ctx.header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"stampcard-my-data.json\"")
        .json(accounts.export(root));
  }

  private void delete(Context ctx) {
    WebSession session = session(ctx);
    sessions.requireMayChange(ctx, session);
    UUID root = root(session);
    accounts.erase(root);
    sessions.endAllOf(session.subject());
    sessions.endAllOf(root.toString());
    sessions.end(ctx);
    ctx.status(204);
  }

  private WebSession session(Context ctx) {
    return sessions
        .current(ctx)
        .orElseThrow(
            () ->
                ApiException.unauthorized("You are not logged in here. Log in and try again.")
                    .withMessageKey("app.not-logged-in"));
  }

  private UUID root(WebSession session) {
    return devices.root(UUID.fromString(session.subject()));
  }

  private JsonNode body(Context ctx) throws IOException {
    if (!WebSessions.sameOrigin(ctx)) {
      throw ApiException.forbidden("This request came from another site. Use the app's own page.")
          .withMessageKey("app.foreign-site");
    }
    JsonNode body = json.readTree(Bodies.read(ctx, maxRequestBytes));
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("Send a JSON object.");
    }
    return body;
  }

  private static String email(JsonNode body) {
    return CustomerAccounts.normalise(body.path("email").asText(null))
        .orElseThrow(
            () ->
                ApiException.badRequest("Give an e-mail address such as name@example.com.")
                    .withMessageKey("app.email-invalid"));
  }

  private static String password(JsonNode body) {
    String password = body.path("password").asText(null);
    if (!CustomerAccounts.acceptablePassword(password)) {
      throw ApiException.badRequest("Choose a password of at least 10 characters.")
          .withMessageKey("app.password-short");
    }
    return password;
  }
}
