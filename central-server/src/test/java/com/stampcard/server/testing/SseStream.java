package com.stampcard.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent events client for tests and benchmarks: every event, with when it arrived. */
public final class SseStream implements AutoCloseable {
  /** One event: its name, its data and the System.nanoTime() it arrived at. */
  public record Event(String name, String data, long arrivedNanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final CompletableFuture<String> problem = new CompletableFuture<>();

  public SseStream(URI uri, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
    headers.forEach(b::header);
    response =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r -> {
          if (r.statusCode() != 200) {
            try (Stream<String> lines = r.body()) {
              problem.complete(String.join("\n", lines.toList()));
            }
            return;
          }
          String[] name = {"message"};
          StringBuilder data = new StringBuilder();
          try (Stream<String> lines = r.body()) {
            lines.forEach(
                line -> {
                  if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                  } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                  } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(name[0], data.toString(), System.nanoTime()));
                    data.setLength(0);
                    name[0] = "message";
                  }
                });
          } catch (RuntimeException closed) {
            // the stream was closed
          }
        });
  }

  /** The HTTP status, once the answer's head has arrived. */
  public int status(Duration within) throws Exception {
    response.get(within.toMillis(), TimeUnit.MILLISECONDS);
    return response.get().statusCode();
  }

  /** The body of an answer that was not a stream (a problem), once it has ended. */
  public String problemBody(Duration within) throws Exception {
    return problem.get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event that matches, waiting at most {@code within}; null if none came. */
  public Event next(Predicate<Event> matching, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Event e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e != null && matching.test(e)) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
