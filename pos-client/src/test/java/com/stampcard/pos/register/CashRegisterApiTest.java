package com.stampcard.pos.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.till.RedemptionAuthority;
import com.stampcard.core.till.StampOutcome;
import com.stampcard.core.till.StampRequest;
import com.stampcard.pos.testing.TillRig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cash register's API over real HTTP on loopback, on a real till: an H2 file with the demo
 * programs (coffee card: a stamp a visit; lunch points: a point a krona, coffee counts double),
 * staff and cards. The clock is noon on a Tuesday, outside the coffee card's double-stamp morning.
 */
class CashRegisterApiTest {
  private static final String CARD = "2900000000018";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LUNCH_PURCHASE =
      """
      {"receiptId": "R-1001", "customerCode": "2900000000018", "amount": "120.50",
       "lines": [{"category": "coffee", "quantity": 2, "amount": "70.00"},
                 {"category": "sandwich", "quantity": 1, "amount": 50.50}]}
      """;

  @TempDir Path dir;
  private TillRig rig;
  private CashRegisterApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    if (api != null) {
      api.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  private void open(Optional<String> secret) throws IOException {
    rig = TillRig.open(dir, RedemptionAuthority.standaloneTill());
    RegisterSettings settings = new RegisterSettings(true, 0, secret, Duration.ofSeconds(60));
    api =
        CashRegisterApi.start(
            CashRegister.purchases(rig.till.services(), settings, rig.clock), settings, "SEK");
  }

  private void restart() throws IOException {
    api.close();
    rig.close();
    open(Optional.empty());
  }

  private HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length == 0) {
      request.header("Content-Type", "application/json");
    } else {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> purchase(String body) throws Exception {
    return post("/api/v1/purchases", body);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static JsonNode award(JsonNode answer, String program) {
    for (JsonNode a : answer.get("awards")) {
      if (a.get("program").asText().equals(program)) {
        return a;
      }
    }
    throw new AssertionError("no award for " + program + " in " + answer);
  }

  private long events() {
    long all = 0;
    for (EventType type : EventType.values()) {
      all += rig.count(type);
    }
    return all;
  }

  @Test
  void aPurchaseGetsTheStampsAndPointsTheRulesGive() throws Exception {
    open(Optional.empty());

    HttpResponse<String> response = purchase(LUNCH_PURCHASE);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode answer = json(response);
    assertThat(answer.get("repeated").asBoolean()).isFalse();
    // 70.00 of coffee counts double, the sandwich once: 140 + 50.50, rounded down
    assertThat(award(answer, "lunch-points").get("quantity").asLong()).isEqualTo(190);
    assertThat(award(answer, "lunch-points").get("kind").asText()).isEqualTo("POINTS");
    assertThat(award(answer, "coffee-card").get("quantity").asLong()).isEqualTo(1);
    assertThat(award(answer, "coffee-card").get("balance").asLong()).isEqualTo(1);
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
  }

  @Test
  void aPurchaseBelowTheRulesGivesNothingButIsRecorded() throws Exception {
    open(Optional.empty());

    HttpResponse<String> response =
        purchase(
            """
            {"receiptId": "R-0", "customerCode": "2900000000018", "amount": "0.50"}
            """);

    assertThat(response.statusCode()).isEqualTo(201);
    // half a krona is no point (rounded down); the coffee card stamps every visit
    assertThat(json(response).get("awards")).hasSize(1);
    assertThat(award(json(response), "coffee-card").get("quantity").asLong()).isEqualTo(1);
    assertThat(rig.count(EventType.POINTS_EARN)).isZero();
  }

  @Test
  void theSameReceiptSentTwiceGivesOnceAndAnswersTheSame() throws Exception {
    open(Optional.empty());
    JsonNode first = json(purchase(LUNCH_PURCHASE));

    HttpResponse<String> again = purchase(LUNCH_PURCHASE);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("repeated").asBoolean()).isTrue();
    assertThat(json(again).get("awards")).isEqualTo(first.get("awards"));
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
  }

  @Test
  void theSameReceiptAfterTheTillRestartedGivesNothingNew() throws Exception {
    open(Optional.empty());
    JsonNode first = json(purchase(LUNCH_PURCHASE));

    restart();
    HttpResponse<String> again = purchase(LUNCH_PURCHASE);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("repeated").asBoolean()).isTrue();
    assertThat(award(json(again), "lunch-points").get("eventId"))
        .isEqualTo(award(first, "lunch-points").get("eventId"));
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
  }

  @Test
  void theSameReceiptSentManyTimesAtOnceGivesOnce() throws Exception {
    open(Optional.empty());
    List<Thread> senders = new ArrayList<>();
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 6; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  statuses.add(purchase(LUNCH_PURCHASE).statusCode());
                } catch (Exception e) {
                  statuses.add(-1);
                }
              });
      senders.add(t);
      t.start();
    }
    for (Thread t : senders) {
      t.join();
    }

    assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
  }

  @Test
  void aReceiptIdUsedForAnotherPurchaseIsRefused() throws Exception {
    open(Optional.empty());
    purchase(LUNCH_PURCHASE);

    HttpResponse<String> other = purchase(LUNCH_PURCHASE.replace("120.50", "99.00"));

    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(other).get("errors").get(0).get("field").asText()).isEqualTo("receiptId");
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
  }

  @Test
  void aRefundVoidsWhatTheReceiptGaveOnce() throws Exception {
    open(Optional.empty());
    purchase(LUNCH_PURCHASE);

    HttpResponse<String> refund =
        post("/api/v1/purchases/R-1001/refund", "{\"reason\": \"returned\"}");

    assertThat(refund.statusCode()).isEqualTo(200);
    assertThat(json(refund).get("repeated").asBoolean()).isFalse();
    assertThat(json(refund).get("voids")).hasSize(2);
    assertThat(rig.count(EventType.VOID)).isEqualTo(2);
    long points =
        rig.till
            .services()
            .store()
            .inTransaction(
                tx ->
                    tx
                        .balances(
                            tx.findIdentifier(
                                    com.stampcard.core.code.IdentifierKind.PRINTED_CARD, CARD)
                                .orElseThrow()
                                .account())
                        .stream()
                        .mapToLong(b -> b.units())
                        .sum());
    assertThat(points).isZero();

    HttpResponse<String> again =
        post("/api/v1/purchases/R-1001/refund", "{\"reason\": \"returned\"}");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("repeated").asBoolean()).isTrue();
    assertThat(json(again).get("voids")).isEqualTo(json(refund).get("voids"));
    assertThat(rig.count(EventType.VOID)).isEqualTo(2);
  }

  @Test
  void refundingAnUnknownReceiptOrWithoutAReasonRecordsNothing() throws Exception {
    open(Optional.empty());
    purchase(LUNCH_PURCHASE);

    HttpResponse<String> unknown =
        post("/api/v1/purchases/R-9999/refund", "{\"reason\": \"returned\"}");
    HttpResponse<String> noReason = post("/api/v1/purchases/R-1001/refund", "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("detail").asText()).contains("R-9999");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(json(noReason).get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(rig.count(EventType.VOID)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no receipt id | {\"customerCode\": \"2900000000018\", \"amount\": 10} | receiptId",
        "bad receipt id | {\"receiptId\": \"a b\", \"customerCode\": \"2900000000018\","
            + " \"amount\": 10} | receiptId",
        "no customer | {\"receiptId\": \"R-1\", \"amount\": 10} | customerCode",
        "code and just scanned | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"customerJustScanned\": true, \"amount\": 10} | customerCode",
        "no amount | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\"} | amount",
        "negative amount | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": -5} | amount",
        "three decimals | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": \"1.005\"} | amount",
        "other currency | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": 10, \"currency\": \"EUR\"} | currency",
        "zero quantity | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": 10, \"lines\": [{\"category\": \"coffee\", \"quantity\": 0,"
            + " \"amount\": 10}]} | lines[0].quantity",
        "line without amount | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": 10, \"lines\": [{\"category\": \"coffee\", \"quantity\": 1}]}"
            + " | lines[0].amount",
        "unknown field | {\"receiptId\": \"R-1\", \"customerCode\": \"2900000000018\","
            + " \"amount\": 10, \"total\": 10} | total",
        "not json | {\"receiptId\": | body",
        "not an object | [1, 2] | body",
      })
  void badInputIsAProblemNamingTheFieldAndRecordsNothing(String what, String body, String field)
      throws Exception {
    open(Optional.empty());

    HttpResponse<String> response = purchase(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).startsWith("Nothing was recorded.");
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains(field);
    assertThat(events()).isZero();
    boolean noReceipt =
        rig.till.services().store().inTransaction(tx -> tx.registerReceipt("R-1").isEmpty());
    assertThat(noReceipt).isTrue();
  }

  @Test
  void somethingThatIsNotACustomerCodeIsRefusedAndRecordsNothing() throws Exception {
    open(Optional.empty());

    HttpResponse<String> response =
        purchase("{\"receiptId\": \"R-1\", \"customerCode\": \"hello\", \"amount\": 10}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("errors").get(0).get("field").asText()).isEqualTo("customerCode");
    assertThat(events()).isZero();
  }

  @Test
  void theCustomerJustScannedGetsThePurchaseAndTheStampIsNotGivenTwice() throws Exception {
    open(Optional.empty());
    StampOutcome read =
        rig.till
            .services()
            .stamping()
            .stamp(
                new StampRequest(
                    ((com.stampcard.core.code.CodeReading.Recognised) CustomerCodes.fromText(CARD))
                        .code(),
                    InputMethod.SCANNER,
                    new ProgramId("coffee-card"),
                    new StaffId("anna"),
                    Purchase.unknown()));
    assertThat(read).isInstanceOf(StampOutcome.Given.class);
    rig.clock.advance(Duration.ofSeconds(20));

    HttpResponse<String> response =
        purchase(
            """
            {"receiptId": "R-7", "customerJustScanned": true, "amount": "100.00"}
            """);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode answer = json(response);
    assertThat(award(answer, "lunch-points").get("quantity").asLong()).isEqualTo(100);
    // the read stamped the coffee card already; the purchase's one stamp is that one
    assertThat(answer.get("awards")).hasSize(1);
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);

    HttpResponse<String> next =
        purchase(
            """
            {"receiptId": "R-8", "customerJustScanned": true, "amount": "100.00"}
            """);
    assertThat(next.statusCode()).isEqualTo(422);
    assertThat(json(next).get("errors").get(0).get("field").asText())
        .isEqualTo("customerJustScanned");
    assertThat(rig.count(EventType.POINTS_EARN)).isEqualTo(1);
  }

  @Test
  void aReadLongerAgoThanTheWindowIsNotTheCustomerJustScanned() throws Exception {
    open(Optional.empty());
    rig.till
        .services()
        .stamping()
        .stamp(
            new StampRequest(
                ((com.stampcard.core.code.CodeReading.Recognised) CustomerCodes.fromText(CARD))
                    .code(),
                InputMethod.SCANNER,
                new ProgramId("coffee-card"),
                new StaffId("anna"),
                Purchase.unknown()));
    rig.clock.advance(Duration.ofSeconds(61));

    HttpResponse<String> response =
        purchase("{\"receiptId\": \"R-7\", \"customerJustScanned\": true, \"amount\": 10}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(rig.count(EventType.POINTS_EARN)).isZero();
  }

  @Test
  void withASharedSecretOnlyRequestsCarryingItAreServed() throws Exception {
    open(Optional.of("s3cret-till-key"));

    HttpResponse<String> without = purchase(LUNCH_PURCHASE);
    HttpResponse<String> wrong =
        post(
            "/api/v1/purchases",
            LUNCH_PURCHASE,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer guess");
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(events()).isZero();

    HttpResponse<String> right =
        post(
            "/api/v1/purchases",
            LUNCH_PURCHASE,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer s3cret-till-key");
    assertThat(right.statusCode()).isEqualTo(201);
  }

  @Test
  void browsersOtherMethodsAndOtherBodiesAreRefused() throws Exception {
    open(Optional.empty());

    HttpResponse<String> fromPage =
        post(
            "/api/v1/purchases",
            LUNCH_PURCHASE,
            "Content-Type",
            "application/json",
            "Origin",
            "https://evil.example");
    HttpResponse<String> form =
        post(
            "/api/v1/purchases",
            LUNCH_PURCHASE,
            "Content-Type",
            "application/x-www-form-urlencoded");
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/api/v1/purchases"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> elsewhere = post("/api/v1/stamps", "{}");
    HttpResponse<String> huge = purchase("{\"receiptId\": \"" + "x".repeat(70_000) + "\"}");

    assertThat(fromPage.statusCode()).isEqualTo(403);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(events()).isZero();
  }

  @Test
  void itListensOnLoopbackOnly() throws Exception {
    open(Optional.empty());
    InetAddress other = null;
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          other = address;
        }
      }
    }
    assumeTrue(other != null, "this machine has no address but loopback to try");
    InetAddress outside = other;

    assertThatThrownBy(() -> new Socket(outside, api.port()).close())
        .isInstanceOf(ConnectException.class);
    try (Socket local = new Socket(InetAddress.getByName("127.0.0.1"), api.port())) {
      assertThat(local.isConnected()).isTrue();
    }
  }
}
