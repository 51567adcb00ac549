package com.stampcard.pos.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.stampcard.core.i18n.Messages;
import com.stampcard.core.sync.Problem;
import com.stampcard.core.till.PurchaseOutcome;
import com.stampcard.core.till.PurchaseService;
import com.stampcard.core.till.RefundOutcome;
import com.stampcard.core.till.RegisterPurchase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The till's local HTTP API for the cash register ({@code docs/api/cash-register.openapi.yaml}):
 * post a purchase and get the stamps and points the rules gave; refund a receipt. Listens on
 * 127.0.0.1 only, so only processes on this machine reach it; with a shared secret configured,
 * every request must carry it. Requests from a web page (an {@code Origin} header) are refused, so
 * a browser on the till can't be made to post purchases. Bad input is answered with {@code
 * application/problem+json} naming each bad field, and records nothing.
 *
 * <p>Threads: requests run on the API's own two threads; the services they call are thread-safe and
 * commit in the till's store. {@link #close} stops listening and waits for requests in flight.
 */
public final class CashRegisterApi implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CashRegisterApi.class.getName());
  private static final int LARGEST_BODY = 64 * 1024;
  private static final Pattern REFUND = Pattern.compile("/api/v1/purchases/([^/]+)/refund");
  private static final String PURCHASES = "/api/v1/purchases";

  private final HttpServer server;
  private final ExecutorService threads;
  private final PurchaseService purchases;
  private final Optional<byte[]> secret;
  private final String currency;
  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  private CashRegisterApi(
      HttpServer server, PurchaseService purchases, Optional<String> secret, String currency) {
    this.server = server;
    this.purchases = purchases;
    this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
    this.currency = currency;
    this.threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "cash-register-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /**
   * Starts listening on 127.0.0.1 at the settings' port.
   *
   * @param currency the till's currency: purchases in another are refused
   * @throws IOException if the port is taken
   */
  public static CashRegisterApi start(
      PurchaseService purchases, RegisterSettings settings, String currency) throws IOException {
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback, settings.port()), 16);
    CashRegisterApi api = new CashRegisterApi(server, purchases, settings.secret(), currency);
    server.start();
    LOG.log(
        System.Logger.Level.INFO,
        "Cash register API listening on 127.0.0.1:{0}{1}",
        api.port(),
        settings.secret().isPresent() ? " (shared secret required)" : "");
    return api;
  }

  /** The port it listens on (the configured one, or the one picked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "The cash register API failed on a request", e);
        problem(
            exchange,
            Problem.of(
                500,
                "till-failed",
                "The till failed",
                "Nothing was recorded. Send the request again; if it keeps failing, look at the"
                    + " till's log."));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      problem(exchange, Problem.of(403, "not-local", "Not from this machine", "Only local."));
      return;
    }
    if (exchange.getRequestHeaders().containsKey("Origin")) {
      problem(
          exchange,
          Problem.of(
              403,
              "browser-refused",
              "Requests from web pages are refused",
              "The cash register API takes requests from the register's program, not from a"
                  + " browser."));
      return;
    }
    if (!authorised(exchange)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
      problem(
          exchange,
          Problem.of(
              401,
              "secret-needed",
              "Shared secret missing or wrong",
              "Send the shared secret of the till's register.secret setting as"
                  + " 'Authorization: Bearer SECRET'."));
      return;
    }
    String path = exchange.getRequestURI().getPath();
    Matcher refund = REFUND.matcher(path);
    if (!path.equals(PURCHASES) && !refund.matches()) {
      problem(
          exchange,
          Problem.of(
              404,
              "no-such-path",
              "No such path",
              "The API has POST " + PURCHASES + " and POST " + PURCHASES + "/{receiptId}/refund."));
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().add("Allow", "POST");
      problem(exchange, Problem.of(405, "method", "Use POST", "This path takes POST only."));
      return;
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      problem(
          exchange,
          Problem.of(
              415,
              "json-only",
              "Send JSON",
              "Send the body as JSON with 'Content-Type: application/json'."));
      return;
    }
    Optional<JsonNode> body = body(exchange);
    if (body.isEmpty()) {
      return;
    }
    if (refund.matches()) {
      refund(exchange, refund.group(1), body.get());
    } else {
      purchase(exchange, body.get());
    }
  }

  private void purchase(HttpExchange exchange, JsonNode body) throws IOException {
    PurchaseJson.Read<RegisterPurchase> read = PurchaseJson.purchase(body, currency);
    if (read.value().isEmpty()) {
      badInput(exchange, read.errors());
      return;
    }
    PurchaseOutcome outcome = purchases.record(read.value().get());
    if (outcome instanceof PurchaseOutcome.Recorded r) {
      LOG.log(
          System.Logger.Level.INFO,
          "Register receipt {0}: {1} award(s){2}",
          r.receipt().receiptId(),
          r.awards().size(),
          r.repeated() ? ", a repeat" : "");
      send(exchange, r.repeated() ? 200 : 201, "application/json", PurchaseJson.recorded(r));
    } else if (outcome instanceof PurchaseOutcome.ReceiptConflict c) {
      problem(
          exchange,
          Problem.of(
                  409,
                  "receipt-conflict",
                  "Receipt id already used for another purchase",
                  "Receipt "
                      + c.receiptId()
                      + " was recorded with another customer, amount or lines. Give each receipt"
                      + " its own id; to undo the earlier one, refund it.")
              .withErrors(
                  List.of(new Problem.FieldError("receiptId", "used for another purchase"))));
    } else {
      String key = ((PurchaseOutcome.Refused) outcome).messageKey();
      String field = key.equals("register.nobody-scanned") ? "customerJustScanned" : "customerCode";
      String text = Messages.text(Locale.ENGLISH, key);
      problem(
          exchange,
          Problem.of(422, "customer-refused", "No customer for this purchase", text)
              .withErrors(List.of(new Problem.FieldError(field, text)))
              .withMessageKey(key));
    }
  }

  private void refund(HttpExchange exchange, String receiptId, JsonNode body) throws IOException {
    PurchaseJson.Read<String> read = PurchaseJson.reason(body);
    if (read.value().isEmpty()) {
      badInput(exchange, read.errors());
      return;
    }
    RefundOutcome outcome = purchases.refund(receiptId, read.value().get());
    if (outcome instanceof RefundOutcome.Refunded r) {
      LOG.log(
          System.Logger.Level.INFO,
          "Register receipt {0} refunded{1}",
          receiptId,
          r.repeated() ? " (a repeat)" : "");
      send(exchange, 200, "application/json", PurchaseJson.refunded(r));
    } else {
      String key = ((RefundOutcome.Refused) outcome).messageKey();
      problem(
          exchange,
          Problem.of(
                  404,
                  "no-such-receipt",
                  "No such receipt",
                  Messages.text(Locale.ENGLISH, key) + " (receipt id: " + receiptId + ")")
              .withMessageKey(key));
    }
  }

  private boolean authorised(HttpExchange exchange) {
    if (secret.isEmpty()) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, secret.get());
  }

  /** The body as JSON; empty after answering a problem (too large, not JSON). */
  private Optional<JsonNode> body(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(LARGEST_BODY + 1);
    }
    if (bytes.length > LARGEST_BODY) {
      problem(
          exchange,
          Problem.of(413, "too-large", "Request too large", "Send at most 64 KiB of JSON."));
      return Optional.empty();
    }
    try {
      JsonNode node = json.readTree(bytes);
      return Optional.of(node == null ? json.missingNode() : node);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      badInput(exchange, List.of(new Problem.FieldError("body", "not valid JSON" + where)));
      return Optional.empty();
    }
  }

  private void badInput(HttpExchange exchange, List<Problem.FieldError> errors) throws IOException {
    problem(
        exchange,
        Problem.of(
                400,
                "bad-input",
                "Bad input",
                "Nothing was recorded. Correct the fields listed in errors and send it again.")
            .withErrors(errors));
  }

  private void problem(HttpExchange exchange, Problem problem) throws IOException {
    send(exchange, problem.status(), Problem.CONTENT_TYPE, problem);
  }

  private void send(HttpExchange exchange, int status, String type, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
