package com.stampcard.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests: JSON in, status and JSON out. */
public final class Http {
  public static final ObjectMapper JSON = Json.mapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  /** An answer: status, content type and body. */
  public record Answer(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }
  }

  public Answer get(String path, String bearer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
    return send(b, bearer);
  }

  public Answer post(String path, String bearer, Object body) {
    try {
      byte[] bytes = body instanceof String s ? s.getBytes() : JSON.writeValueAsBytes(body);
      return postBytes(path, bearer, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer postBytes(String path, String bearer, byte[] body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        bearer);
  }

  private Answer send(HttpRequest.Builder b, String bearer) {
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> r =
          client.send(
              b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
