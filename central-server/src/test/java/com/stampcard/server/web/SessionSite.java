package com.stampcard.server.web;

import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.ApiException;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A tiny site on a real Javalin server using {@link WebSessions} and {@link LoginThrottle} the way
 * the back office and the customer app do: POST /login (form: user, password; the password is
 * "right"), GET /me, POST /change (needs the CSRF token), POST /logout.
 */
final class SessionSite implements AutoCloseable {
  final WebSessions sessions;
  final LoginThrottle throttle;
  private final Javalin app;

  SessionSite(ServerDatabase db, Clock clock) {
    sessions =
        new WebSessions(db, clock, SessionKind.STAFF, "test_session", Duration.ofHours(1), true);
    throttle = new LoginThrottle(db, clock, SessionKind.STAFF, 3, 10, Duration.ofMinutes(15));
    app = Javalin.create(c -> c.showJavalinBanner = false);
    app.exception(ApiException.class, (e, ctx) -> ctx.status(e.problem().status()).result("no"));
    app.post(
        "/login",
        ctx -> {
          String user = ctx.formParam("user");
          var wait = throttle.retryAfter(user, ctx.ip());
          if (wait.isPresent()) {
            ctx.status(429).header("Retry-After", Long.toString(wait.get().toSeconds() + 1));
            return;
          }
          if (!"right".equals(ctx.formParam("password"))) {
            throttle.failed(user, ctx.ip());
            ctx.status(401);
            return;
          }
          throttle.succeeded(user);
          ctx.result(sessions.start(ctx, user).csrfToken());
        });
    app.get(
        "/me",
        ctx ->
            ctx.result(
                sessions.current(ctx).map(s -> s.kind() + ":" + s.subject()).orElse("nobody")));
    app.post(
        "/change",
        ctx -> {
          WebSession s = sessions.current(ctx).orElseThrow(() -> ApiException.unauthorized("x"));
          sessions.requireMayChange(ctx, s);
          ctx.result("changed");
        });
    app.post(
        "/logout",
        ctx -> {
          WebSession s = sessions.current(ctx).orElseThrow(() -> ApiException.unauthorized("x"));
          sessions.requireMayChange(ctx, s);
          sessions.end(ctx);
        });
    app.start("127.0.0.1", 0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  /** A request: path, optional cookie, extra headers as name/value pairs, a form body or none. */
  HttpResponse<String> send(
      String method, String path, String cookie, String form, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
      b.method(method, HttpRequest.BodyPublishers.ofString(form));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The "name=value" of the session cookie a response set. */
  static String cookieOf(HttpResponse<String> r) {
    List<String> set = r.headers().allValues("Set-Cookie");
    return set.stream()
        .filter(v -> v.startsWith("test_session="))
        .map(v -> v.substring(0, v.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() {
    app.stop();
  }
}
