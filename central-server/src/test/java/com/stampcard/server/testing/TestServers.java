package com.stampcard.server.testing;

import com.stampcard.server.CentralServer;
import com.stampcard.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Central servers on an ephemeral loopback port, for tests. */
public final class TestServers {
  public static final String ADMIN_TOKEN = "test-admin-token";

  private TestServers() {}

  /** A server on its embedded H2 default, in {@code folder}. */
  public static CentralServer h2(Path folder, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("database.url", "jdbc:h2:file:" + folder.resolve("server").toAbsolutePath());
    all.putAll(settings);
    return start(all);
  }

  /** A server on PostgreSQL at {@code url}. */
  public static CentralServer postgres(String url, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("database.url", url);
    all.put("database.user", "postgres");
    all.put("database.password", "postgres");
    all.putAll(settings);
    return start(all);
  }

  /** The repository's config/demo, from a module folder (tests) or the root (benchmarks). */
  public static Path demoData() {
    Path here = Path.of("config", "demo").toAbsolutePath();
    return (Files.isDirectory(here) ? here : Path.of("..", "config", "demo").toAbsolutePath())
        .normalize();
  }

  private static CentralServer start(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("http.port", "0");
    all.put("admin.token", ADMIN_TOKEN);
    all.put("demoData", demoData().toString());
    all.putAll(settings);
    return CentralServer.start(ServerConfig.of(all), Clock.systemUTC());
  }
}
