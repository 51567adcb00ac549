package com.stampcard.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.stampcard.core.sync.EnrolRequest;
import com.stampcard.core.sync.EnrolResponse;
import com.stampcard.core.sync.Problem;
import com.stampcard.core.sync.PullResponse;
import com.stampcard.core.sync.PushRequest;
import com.stampcard.core.sync.PushResponse;
import com.stampcard.core.sync.SpendRequest;
import com.stampcard.core.sync.SpendResponse;
import com.stampcard.core.sync.WireEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The sync API (v1) over HTTP(S) with the JDK's client. Every call has a timeout; failures are
 * {@link IOException} (no answer) or {@link ServerAnswerException} (an error answer).
 */
final class SyncClient {
  private final URI server;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Duration timeout;

  SyncClient(URI server, Optional<SSLContext> tls, Duration timeout) {
    this.server = server;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1);
    tls.ifPresent(builder::sslContext);
    this.http = builder.build();
    this.timeout = timeout;
    this.json =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  EnrolResponse enrol(String code) throws IOException {
    return send(
        post("/api/v1/enrolment", null, new EnrolRequest(code)), EnrolResponse.class, "enrolment");
  }

  PushResponse push(String credential, PushRequest batch) throws IOException {
    return send(post("/api/v1/push", credential, batch), PushResponse.class, "push");
  }

  PullResponse pull(String credential, String cursor, String reference) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                server.resolve(
                    "/api/v1/changes?cursor="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                        + "&reference="
                        + URLEncoder.encode(reference, StandardCharsets.UTF_8)))
            .timeout(timeout)
            .header("Authorization", "Bearer " + credential)
            .GET()
            .build();
    return send(request, PullResponse.class, "pull");
  }

  SpendResponse spend(String credential, WireEvent redemption, Duration within) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve("/api/v1/redemptions"))
            .timeout(within)
            .header("Authorization", "Bearer " + credential)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(new SpendRequest(redemption))))
            .build();
    return send(request, SpendResponse.class, "online redemption");
  }

  /**
   * Opens the live stream; {@code onEvent} hears each event name ("hello", "changed"). The future
   * ends when the stream does.
   */
  CompletableFuture<Void> live(String credential, Consumer<String> onEvent) {
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve("/api/v1/changes/stream"))
            .header("Authorization", "Bearer " + credential)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              if (response.statusCode() != 200) {
                response.body().close();
                throw new ServerAnswerException(
                    response.statusCode(), Optional.empty(), "live changes");
              }
              try (Stream<String> lines = response.body()) {
                lines
                    .filter(l -> l.startsWith("event:"))
                    .forEach(l -> onEvent.accept(l.substring("event:".length()).strip()));
              }
            });
  }

  private HttpRequest post(String path, String credential, Object body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (credential != null) {
      b.header("Authorization", "Bearer " + credential);
    }
    return b.build();
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T send(HttpRequest request, Class<T> type, String what) throws IOException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + " interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      Optional<Problem> problem = Optional.empty();
      try {
        problem = Optional.of(json.readValue(response.body(), Problem.class));
      } catch (IOException notAProblem) {
        // a proxy's HTML page, say: the status says enough
      }
      throw new ServerAnswerException(response.statusCode(), problem, what);
    }
    return json.readValue(response.body(), type);
  }
}
