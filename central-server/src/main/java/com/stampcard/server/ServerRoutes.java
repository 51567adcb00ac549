package com.stampcard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.sync.Problem;
import com.stampcard.server.app.AppLiveApi;
import com.stampcard.server.db.DatabaseUnavailableException;
import com.stampcard.server.enrol.AdminApi;
import com.stampcard.server.enrol.EnrolmentApi;
import com.stampcard.server.http.ApiException;
import com.stampcard.server.http.HealthApi;
import com.stampcard.server.sync.SyncApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.logstash.logback.argument.StructuredArguments;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's routes and cross-cutting HTTP behaviour, as one static function that {@link
 * CentralServer} and the tests use alike: problem+json for every error, request size limits, a
 * timer per route and a structured log line per request.
 */
public final class ServerRoutes {
  private static final Logger LOG = LoggerFactory.getLogger("stampcard.http");

  private ServerRoutes() {}

  /** The APIs a server serves. */
  public record Apis(
      HealthApi health, EnrolmentApi enrolment, AdminApi admin, SyncApi sync, AppLiveApi app) {}

  /** A Javalin app, not started, serving {@code apis}. */
  public static Javalin create(
      Apis apis,
      ObjectMapper json,
      MeterRegistry metrics,
      long maxRequestBytes,
      Consumer<Server> jetty) {
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = maxRequestBytes;
              config.http.defaultContentType = "application/json";
              config.jsonMapper(new JavalinJackson(json, false));
              config.jetty.modifyServer(jetty);
              config.requestLogger.http((ctx, ms) -> logAndTime(ctx, ms, metrics));
            });
    app.exception(ApiException.class, (e, ctx) -> problem(ctx, json, e.problem()));
    app.exception(
        DatabaseUnavailableException.class,
        (e, ctx) -> {
          LOG.error("database unavailable: {}", e.getMessage());
          problem(
              ctx,
              json,
              Problem.of(
                  503,
                  "database-unavailable",
                  "The server can't reach its database",
                  "Nothing was stored. Try again shortly; the till keeps its events until then."));
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            problem(
                ctx,
                json,
                Problem.of(
                    e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
          problem(
              ctx,
              json,
              Problem.of(
                  500,
                  "internal-error",
                  "The server failed",
                  "Nothing was stored. The server's log has the details; try again."));
        });
    app.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(
                ctx,
                json,
                Problem.of(
                    404,
                    "not-found",
                    "No such resource",
                    ctx.method() + " " + ctx.path() + " is not part of this API (see /api/v1)."));
          }
        });
    app.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(
                ctx,
                json,
                Problem.of(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path() + "."));
          }
        });
    apis.health().routes(app);
    apis.enrolment().routes(app);
    apis.admin().routes(app);
    apis.sync().routes(app);
    apis.app().routes(app);
    return app;
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }

  private static void problem(Context ctx, ObjectMapper json, Problem problem) {
    try {
      ctx.status(problem.status())
          .contentType(Problem.CONTENT_TYPE)
          .result(json.writeValueAsBytes(problem));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.status(500).result("{}");
    }
  }

  private static void logAndTime(Context ctx, float ms, MeterRegistry metrics) {
    String route;
    try {
      route = ctx.endpointHandlerPath();
    } catch (IllegalStateException endedBeforeItsHandler) {
      // refused in a before-handler (no credential, say): the path is the route
      route = "refused-early";
    }
    if (route == null || route.isEmpty() || route.equals("*")) {
      route = "unmatched";
    }
    int status = ctx.statusCode();
    Timer.builder("stampcard.http.requests")
        .description("HTTP requests by route and status")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(metrics)
        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
    Object till = ctx.attribute("stampcard.till");
    if (status >= 500) {
      LOG.warn(
          "{} {} {}",
          StructuredArguments.kv("method", ctx.method().name()),
          StructuredArguments.kv("path", ctx.path()),
          StructuredArguments.kv("status", status),
          StructuredArguments.kv("ms", ms),
          StructuredArguments.kv("till", String.valueOf(till)));
    } else {
      LOG.info(
          "{} {} {}",
          StructuredArguments.kv("method", ctx.method().name()),
          StructuredArguments.kv("path", ctx.path()),
          StructuredArguments.kv("status", status),
          StructuredArguments.kv("ms", ms),
          StructuredArguments.kv("till", String.valueOf(till)));
    }
  }
}
