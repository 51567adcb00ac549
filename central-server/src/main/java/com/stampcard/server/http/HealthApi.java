package com.stampcard.server.http;

import com.stampcard.core.sync.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Liveness (the process answers), readiness (the database answers) and Prometheus metrics, for load
 * balancers, orchestrators and monitoring.
 */
public final class HealthApi {
  private final BooleanSupplier databaseReady;
  private final PrometheusMeterRegistry metrics;

  public HealthApi(BooleanSupplier databaseReady, PrometheusMeterRegistry metrics) {
    this.databaseReady = databaseReady;
    this.metrics = metrics;
  }

  public void routes(Javalin app) {
    app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/health/ready", this::ready);
    app.get("/metrics", this::scrape);
  }

  private void ready(Context ctx) {
    if (!databaseReady.getAsBoolean()) {
      throw new ApiException(
          Problem.of(
              503,
              "not-ready",
              "The server is not ready",
              "The database does not answer. Check that it runs and that database.url points at"
                  + " it."));
    }
    ctx.json(Map.of("status", "UP", "database", "UP"));
  }

  private void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
