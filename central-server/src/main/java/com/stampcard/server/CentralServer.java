package com.stampcard.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.id.UuidV7Generator;
import com.stampcard.server.app.AccountStreams;
import com.stampcard.server.app.AppLiveApi;
import com.stampcard.server.app.CustomerAppApi;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.AdminApi;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.server.enrol.EnrolmentApi;
import com.stampcard.server.http.HealthApi;
import com.stampcard.server.http.Json;
import com.stampcard.server.sync.ChangeFeed;
import com.stampcard.server.sync.ChangeSignal;
import com.stampcard.server.sync.PostgresChangeListener;
import com.stampcard.server.sync.ReferenceData;
import com.stampcard.server.sync.SyncApi;
import com.stampcard.store.seed.DemoSeed;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running central server: its database, its APIs and its HTTP(S) listener. Stateless apart from
 * its live clients, so several can serve one PostgreSQL database.
 */
public final class CentralServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

  private final ServerDatabase db;
  private final Javalin app;
  private final ChangeSignal signal;
  private final AccountStreams streams;
  private final PostgresChangeListener listener;
  private final ScheduledExecutorService heartbeat;
  private final Enrolment enrolment;
  private final boolean tls;

  private CentralServer(
      ServerDatabase db,
      Javalin app,
      ChangeSignal signal,
      AccountStreams streams,
      PostgresChangeListener listener,
      ScheduledExecutorService heartbeat,
      Enrolment enrolment,
      boolean tls) {
    this.db = db;
    this.app = app;
    this.signal = signal;
    this.streams = streams;
    this.listener = listener;
    this.heartbeat = heartbeat;
    this.enrolment = enrolment;
    this.tls = tls;
  }

  /** Opens the database (migrating it), loads demo data if configured, and starts listening. */
  public static CentralServer start(ServerConfig config, Clock clock) {
    ServerDatabase db =
        ServerDatabase.open(
            config.databaseUrl(),
            config.databaseUser(),
            config.databasePassword(),
            config.poolSize(),
            clock);
    try {
      config
          .demoData()
          .ifPresent(
              folder -> {
                DemoSeed.Result r =
                    new DemoSeed(clock, new UuidV7Generator(clock))
                        .load(db.store(), folder, config.demoStore());
                LOG.info("demo data from {}: {}", folder, r);
              });
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      @SuppressWarnings("resource") // closed with the registry when the JVM ends
      JvmGcMetrics gc = new JvmGcMetrics();
      gc.bindTo(metrics);
      ObjectMapper json = Json.mapper();
      ChangeSignal signal = new ChangeSignal();
      Gauge.builder("stampcard.live.clients", signal, ChangeSignal::connected)
          .description("tills and apps connected for live changes")
          .register(metrics);
      Enrolment enrolment = new Enrolment(db, clock, config.codeTtl());
      ReferenceData reference = new ReferenceData(db);
      ChangeFeed feed = new ChangeFeed(db, reference, config.pullPageSize());
      AccountStreams streams = new AccountStreams(db, feed, json);
      signal.onChange(streams::changed);
      Gauge.builder("stampcard.app.live.clients", streams, AccountStreams::connected)
          .description("customers' apps following their accounts live")
          .register(metrics);
      ServerRoutes.Apis apis =
          new ServerRoutes.Apis(
              new HealthApi(db::ready, metrics),
              new EnrolmentApi(enrolment, json),
              new AdminApi(enrolment, json, config.adminToken(), config.maxRequestBytes()),
              new SyncApi(
                  db,
                  enrolment,
                  feed,
                  signal,
                  json,
                  clock,
                  config.maxRequestBytes(),
                  config.maxPushEvents(),
                  config.holdTtl(),
                  metrics),
              new AppLiveApi(db, streams, clock));
      Javalin app =
          ServerRoutes.create(
              apis,
              json,
              metrics,
              config.maxRequestBytes(),
              server -> config.keystore().ifPresent(ks -> addTls(server, config)));
      new CustomerAppApi(
              db,
              signal,
              json,
              clock,
              config.maxRequestBytes(),
              config.secureCookies(),
              config.mail().outbox(),
              () -> appUrl(config, app))
          .routes(app);
      new com.stampcard.server.office.BackOffice(
              db, enrolment, clock, config.adminToken(), config.secureCookies())
          .routes(app);
      app.start(config.host(), config.port());
      PostgresChangeListener listener = null;
      if (db.engine() == ServerDatabase.Engine.POSTGRESQL) {
        listener = new PostgresChangeListener(db, signal);
        listener.start();
      }
      ScheduledExecutorService heartbeat =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "live-heartbeat");
                t.setDaemon(true);
                return t;
              });
      heartbeat.scheduleAtFixedRate(signal::heartbeat, 15, 15, TimeUnit.SECONDS);
      CentralServer server =
          new CentralServer(
              db,
              app,
              signal,
              streams,
              listener,
              heartbeat,
              enrolment,
              config.keystore().isPresent());
      LOG.info("central server listening on {} ({})", server.uri(), db.engine());
      return server;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * The app's address for links in e-mail: {@code app.publicUrl}, or without it (development, mail
   * to the log) this server's own listen address; never the request's Host header.
   */
  static String appUrl(ServerConfig config, Javalin app) {
    if (config.publicUrl().isPresent()) {
      return config.publicUrl().get().toString().replaceAll("/+$", "") + "/app/";
    }
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (config.keystore().isPresent() ? "https" : "http")
        + "://"
        + host
        + ":"
        + app.port()
        + "/app/";
  }

  private static void addTls(Server server, ServerConfig config) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(config.keystore().orElseThrow().toString());
    ssl.setKeyStorePassword(config.keystorePassword());
    ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration();
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.setConnectors(new Connector[] {connector});
  }

  /** The port listened on (the one picked when the configuration said 0). */
  public int port() {
    return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
  }

  public URI uri() {
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port());
  }

  public ServerDatabase database() {
    return db;
  }

  public Enrolment enrolment() {
    return enrolment;
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    if (listener != null) {
      listener.close();
    }
    signal.close();
    streams.close();
    app.stop();
    db.close();
  }
}
