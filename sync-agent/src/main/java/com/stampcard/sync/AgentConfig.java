package com.stampcard.sync;

import com.stampcard.store.settings.LayeredSettings;
import com.stampcard.store.settings.SettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The standalone agent's configuration, in layers like the server's: built-in defaults &lt; {@code
 * /etc/stampcard/sync-agent.yaml} &lt; {@code ~/.config/stampcard/sync-agent.yaml} &lt; {@code
 * --config FILE} &lt; environment ({@code STAMPCARD_SERVER_URL}) &lt; command line ({@code
 * --server.url=...}). A bad value stops start-up with a message naming where it came from.
 */
public record AgentConfig(
    Path tillDatabase,
    URI server,
    Optional<SSLContext> tls,
    SyncAgent.Options options,
    String effective) {

  static final String DEFAULTS = "com/stampcard/sync/sync-agent-defaults.yaml";

  public static AgentConfig load(List<String> args, Map<String, String> env) {
    List<Path> files = LayeredSettings.files("sync-agent", args, env);
    return from(LayeredSettings.load(DEFAULTS, files, env, "STAMPCARD_", args));
  }

  static AgentConfig from(LayeredSettings s) {
    URI server =
        s.parsed(
            "server.url",
            text -> {
              URI u = URI.create(text);
              if (u.getHost() == null
                  || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException(text);
              }
              return u;
            },
            "use http://HOST[:PORT] or https://HOST[:PORT]");
    String truststore = s.text("server.truststore").strip();
    Optional<SSLContext> tls = Optional.empty();
    if (!truststore.isEmpty()) {
      tls = Optional.of(trusting(Path.of(truststore), s.text("server.truststorePassword")));
    }
    SyncAgent.Options defaults = SyncAgent.Options.defaults();
    SyncAgent.Options options =
        new SyncAgent.Options(
            positive(s, "sync.poll"),
            s.integer("sync.pushBatch", 1, 10_000),
            positive(s, "sync.requestTimeout"),
            defaults.spendTimeout(),
            positive(s, "sync.backoffFirst"),
            positive(s, "sync.backoffMax"),
            defaults.onlineFor());
    return new AgentConfig(
        Path.of(s.text("till.database").strip()), server, tls, options, s.describe());
  }

  private static Duration positive(LayeredSettings s, String key) {
    Duration d = s.duration(key);
    if (d.isZero()) {
      throw new SettingsException(key + " must be longer than zero, such as PT0.2S.");
    }
    return d;
  }

  /** Trusts exactly the certificates in {@code file} (PKCS#12 or JKS). */
  static SSLContext trusting(Path file, String password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SettingsException(
          "server.truststore is '"
              + file
              + "': can't read certificates to trust from it ("
              + e.getMessage()
              + "). Give a PKCS#12 or JKS file and its server.truststorePassword.");
    }
  }
}
