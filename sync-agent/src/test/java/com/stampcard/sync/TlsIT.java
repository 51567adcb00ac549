package com.stampcard.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.CentralServer;
import com.stampcard.server.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server serving HTTPS itself from a keystore made here with the running JDK's keytool: a
 * till's agent that trusts the certificate enrols and syncs over it; plain HTTP to that port gets
 * nothing; an agent that trusts only the usual certificate authorities refuses the server.
 */
class TlsIT {
  private static final String PASSWORD = "keystore-secret";

  @TempDir Path folder;

  @Test
  void aTillSyncsOverHttpsAndPlainHttpToTheSamePortGetsNothing() throws Exception {
    Path keystore = keytool("server.p12", "PKCS12");
    try (CentralServer server = tlsServer(keystore)) {
      assertThat(server.uri().getScheme()).isEqualTo("https");
      SSLContext trusting = trusting(keystore, "PKCS12");

      String code =
          server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("tls-1")).code();
      try (TestTill till =
          new TestTill(folder, server.uri(), "cafe-norr", "tls-1", null, trusting, TestTill.FAST)) {
        till.agent.enrol(code);
        UUID account = UUID.randomUUID();
        till.know(account);
        till.stamp(account);
        assertThat(till.agent.syncOnce()).as(String.valueOf(till.agent.status())).isTrue();
        assertThat(till.agent.status().eventsWaiting()).isZero();
      }
      assertThat(Convergence.of(server).events()).hasSize(1);

      HttpResponse<String> https =
          HttpClient.newBuilder()
              .sslContext(trusting)
              .build()
              .send(
                  HttpRequest.newBuilder(server.uri().resolve("/health/live")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(https.statusCode()).isEqualTo(200);
      assertThat(https.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");

      URI plain = URI.create("http://127.0.0.1:" + server.port() + "/health/live");
      Optional<Integer> status = plainStatus(plain);
      assertThat(status).as("plain HTTP to the HTTPS port").isNotEqualTo(Optional.of(200));
    }
  }

  @Test
  void anAgentThatDoesNotTrustTheCertificateRefusesTheServer() throws Exception {
    Path keystore = keytool("server.p12", "PKCS12");
    try (CentralServer server = tlsServer(keystore)) {
      String code =
          server.enrolment().newCode(new StoreId("cafe-norr"), new TillId("tls-2")).code();
      try (TestTill till =
          new TestTill(folder, server.uri(), "cafe-norr", "tls-2", null, null, TestTill.FAST)) {
        assertThatThrownBy(() -> till.agent.enrol(code)).isInstanceOf(SSLHandshakeException.class);
      }
    }
  }

  @Test
  void aJavaKeyStoreFileServesToo() throws Exception {
    Path keystore = keytool("server.jks", "JKS");
    try (CentralServer server = tlsServer(keystore)) {
      HttpResponse<String> https =
          HttpClient.newBuilder()
              .sslContext(trusting(keystore, "JKS"))
              .build()
              .send(
                  HttpRequest.newBuilder(server.uri().resolve("/health/live")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(https.statusCode()).isEqualTo(200);
    }
  }

  private CentralServer tlsServer(Path keystore) {
    return TestServers.h2(
        folder.resolve("server-" + keystore.getFileName()),
        Map.of("http.keystore", keystore.toString(), "http.keystorePassword", PASSWORD));
  }

  /** A key pair and self-signed certificate for 127.0.0.1, made by the running JDK's keytool. */
  private Path keytool(String name, String type) throws Exception {
    Path keystore = folder.resolve(name);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        new ArrayList<>(
            List.of(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "stampcard",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                keystore.toString(),
                "-storetype",
                type,
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes());
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(Files.size(keystore)).isPositive();
    return keystore;
  }

  /** Trusts exactly the certificate in {@code keystore}. */
  private static SSLContext trusting(Path keystore, String type) throws Exception {
    KeyStore server = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(keystore)) {
      server.load(in, PASSWORD.toCharArray());
    }
    Certificate certificate = server.getCertificate("stampcard");
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("stampcard", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  /** The status a plain HTTP request gets, or empty when the connection fails. */
  private static Optional<Integer> plainStatus(URI uri) throws InterruptedException {
    try {
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      return Optional.of(r.statusCode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
