package com.stampcard.server;

import com.stampcard.core.shop.StoreId;
import com.stampcard.server.customer.MailSettings;
import com.stampcard.store.settings.LayeredSettings;
import com.stampcard.store.settings.SettingsException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, in layers: built-in defaults &lt; {@code /etc/stampcard/server.yaml}
 * &lt; {@code ~/.config/stampcard/server.yaml} &lt; {@code --config FILE} &lt; environment ({@code
 * STAMPCARD_DATABASE_URL}) &lt; command line ({@code --database.url=...}). A bad value stops
 * start-up with a message naming where it came from.
 */
public record ServerConfig(
    String host,
    int port,
    long maxRequestBytes,
    Optional<Path> keystore,
    String keystorePassword,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int poolSize,
    Optional<Path> demoData,
    StoreId demoStore,
    String adminToken,
    int maxPushEvents,
    int pullPageSize,
    Duration holdTtl,
    Duration codeTtl,
    boolean secureCookies,
    MailSettings mail,
    Optional<URI> publicUrl,
    String effective) {

  static final String DEFAULTS = "com/stampcard/server/server-defaults.yaml";

  public static ServerConfig load(List<String> args, Map<String, String> env) {
    List<Path> files = LayeredSettings.files("server", args, env);
    return from(LayeredSettings.load(DEFAULTS, files, env, "STAMPCARD_", args));
  }

  static ServerConfig from(LayeredSettings s) {
    String keystore = s.text("http.keystore").strip();
    String demo = s.text("demoData").strip();
    String url =
        s.text(
            "database.url",
            "jdbc:(h2:file:|postgresql://).+",
            "use jdbc:postgresql://HOST[:PORT]/DATABASE, or jdbc:h2:file:PATH for one site");
    if (!keystore.isEmpty() && !Files.isReadable(Path.of(keystore))) {
      throw new SettingsException(
          "http.keystore is '" + keystore + "': no readable keystore file there.");
    }
    MailSettings mail = MailSettings.from(s);
    String publicUrl =
        s.text(
            "app.publicUrl",
            "(https?://[0-9A-Za-z.:\\[\\]-]+(/[^\\s?#]*)?)?",
            "give an absolute address such as https://stamps.shop.example, or leave it empty");
    if (publicUrl.isEmpty() && mail.mode() == MailSettings.Mode.SMTP) {
      throw new SettingsException(
          "mail.mode is smtp but app.publicUrl is empty: set app.publicUrl to the address"
              + " customers open the app at, such as https://stamps.shop.example, so that links"
              + " in e-mail point there.");
    }
    return new ServerConfig(
        s.text("http.host", "[0-9A-Za-z.:-]+", "give a host name or an IP address"),
        s.integer("http.port", 0, 65_535),
        s.integer("http.maxRequestBytes", 1_024, 64 * 1024 * 1024),
        keystore.isEmpty() ? Optional.empty() : Optional.of(Path.of(keystore)),
        s.text("http.keystorePassword"),
        url,
        s.text("database.user"),
        s.text("database.password"),
        s.integer("database.poolSize", 1, 200),
        demo.isEmpty() ? Optional.empty() : Optional.of(Path.of(demo)),
        s.parsed("demoStore", StoreId::new, "use 1-40 lowercase letters, digits and hyphens"),
        s.text("admin.token"),
        s.integer("sync.maxPushEvents", 1, 10_000),
        s.integer("sync.pullPageSize", 10, 10_000),
        s.duration("redemption.holdTtl"),
        s.duration("enrolment.codeTtl"),
        s.flag("web.secureCookies"),
        mail,
        publicUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(publicUrl)),
        s.describe());
  }

  /** Defaults with these settings changed, for tests and embedding: {@code key=value} pairs. */
  public static ServerConfig of(Map<String, String> overrides) {
    List<String> args = new ArrayList<>();
    overrides.forEach((k, v) -> args.add("--" + k + "=" + v));
    return from(LayeredSettings.load(DEFAULTS, List.of(), Map.of(), "STAMPCARD_", args));
  }
}
