package com.stampcard.pos.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.stampcard.core.ledger.LedgerEvent;
import com.stampcard.core.ledger.RegisterReceipt;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.Purchase;
import com.stampcard.core.program.PurchaseLine;
import com.stampcard.core.sync.Problem;
import com.stampcard.core.till.PurchaseOutcome;
import com.stampcard.core.till.RefundOutcome;
import com.stampcard.core.till.RegisterPurchase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The register's JSON, read strictly (every bad field is named, and an unknown one is refused, so a
 * typo never silently gives nothing) and the till's answers written as plain maps.
 */
final class PurchaseJson {
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Set<String> PURCHASE_FIELDS =
      Set.of("receiptId", "customerCode", "customerJustScanned", "amount", "currency", "lines");
  private static final Set<String> LINE_FIELDS = Set.of("category", "quantity", "amount");
  private static final int MOST_LINES = 500;

  private PurchaseJson() {}

  /** The purchase, or the list of what is wrong with it. */
  record Read<T>(Optional<T> value, List<Problem.FieldError> errors) {}

  static Read<RegisterPurchase> purchase(JsonNode body, String tillCurrency) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body == null || !body.isObject()) {
      errors.add(new Problem.FieldError("body", "send a JSON object"));
      return new Read<>(Optional.empty(), errors);
    }
    unknownFields(body, PURCHASE_FIELDS, "", errors);
    String receiptId = text(body, "receiptId", errors);
    if (receiptId != null && !RegisterReceipt.isReceiptId(receiptId)) {
      errors.add(new Problem.FieldError("receiptId", RegisterReceipt.RECEIPT_ID_RULE));
    }
    Optional<String> code = Optional.empty();
    JsonNode justScanned = body.get("customerJustScanned");
    boolean scanned = justScanned != null && justScanned.isBoolean() && justScanned.asBoolean();
    if (justScanned != null && !justScanned.isBoolean()) {
      errors.add(new Problem.FieldError("customerJustScanned", "true or false"));
    }
    if (body.has("customerCode")) {
      String c = text(body, "customerCode", errors);
      if (c != null && scanned) {
        errors.add(
            new Problem.FieldError(
                "customerCode", "send customerCode or customerJustScanned: true, not both"));
      }
      code = Optional.ofNullable(c);
    } else if (!scanned) {
      errors.add(
          new Problem.FieldError(
              "customerCode",
              "missing: send the customer's code as read, or customerJustScanned: true for the"
                  + " customer just scanned at the till"));
    }
    String currency = tillCurrency;
    if (body.has("currency")) {
      currency = text(body, "currency", errors);
      if (currency != null && !currency.equals(tillCurrency)) {
        errors.add(
            new Problem.FieldError("currency", "this till counts in " + tillCurrency + " only"));
      }
    }
    Money total = money(body, "amount", "amount", tillCurrency, errors);
    List<PurchaseLine> lines = new ArrayList<>();
    JsonNode lineNodes = body.get("lines");
    if (lineNodes != null && !lineNodes.isNull()) {
      if (!lineNodes.isArray()) {
        errors.add(new Problem.FieldError("lines", "a list of lines"));
      } else if (lineNodes.size() > MOST_LINES) {
        errors.add(new Problem.FieldError("lines", "at most " + MOST_LINES + " lines"));
      } else {
        for (int i = 0; i < lineNodes.size(); i++) {
          line(lineNodes.get(i), "lines[" + i + "]", tillCurrency, errors).ifPresent(lines::add);
        }
      }
    }
    if (!errors.isEmpty()) {
      return new Read<>(Optional.empty(), errors);
    }
    return new Read<>(
        Optional.of(new RegisterPurchase(receiptId, code, new Purchase(Optional.of(total), lines))),
        errors);
  }

  private static Optional<PurchaseLine> line(
      JsonNode node, String path, String currency, List<Problem.FieldError> errors) {
    if (!node.isObject()) {
      errors.add(new Problem.FieldError(path, "a line is an object: category, quantity, amount"));
      return Optional.empty();
    }
    int before = errors.size();
    unknownFields(node, LINE_FIELDS, path + ".", errors);
    String category = text(node, "category", path + ".category", errors);
    if (category != null && !CATEGORY.matcher(category).matches()) {
      errors.add(
          new Problem.FieldError(
              path + ".category",
              "1-40 lowercase letters, digits, - and _, as the programs name it (e.g. coffee)"));
    }
    JsonNode q = node.get("quantity");
    int quantity = 0;
    if (q == null || !q.isIntegralNumber() || !q.canConvertToInt() || q.asInt() < 1) {
      errors.add(new Problem.FieldError(path + ".quantity", "a whole number, 1 or more"));
    } else {
      quantity = q.asInt();
    }
    Money amount = money(node, "amount", path + ".amount", currency, errors);
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new PurchaseLine(category, quantity, amount));
  }

  static Read<String> reason(JsonNode body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body == null || !body.isObject()) {
      errors.add(new Problem.FieldError("body", "send a JSON object with a reason"));
      return new Read<>(Optional.empty(), errors);
    }
    unknownFields(body, Set.of("reason"), "", errors);
    String reason = text(body, "reason", errors);
    if (reason != null && (reason.isBlank() || reason.length() > 200)) {
      errors.add(new Problem.FieldError("reason", "1-200 characters: it goes into the books"));
    }
    return errors.isEmpty()
        ? new Read<>(Optional.of(reason.strip()), errors)
        : new Read<>(Optional.empty(), errors);
  }

  private static void unknownFields(
      JsonNode node, Set<String> known, String prefix, List<Problem.FieldError> errors) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        errors.add(
            new Problem.FieldError(
                prefix + name, "unknown field; the API takes " + String.join(", ", sorted(known))));
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static String text(JsonNode node, String name, List<Problem.FieldError> errors) {
    return text(node, name, name, errors);
  }

  private static String text(
      JsonNode node, String name, String path, List<Problem.FieldError> errors) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      errors.add(new Problem.FieldError(path, "missing"));
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      errors.add(new Problem.FieldError(path, "a text that is not empty"));
      return null;
    }
    if (v.asText().length() > 1000) {
      errors.add(new Problem.FieldError(path, "too long"));
      return null;
    }
    return v.asText();
  }

  /** An amount as a JSON number or string in major units, at most two decimals: 49.50. */
  private static Money money(
      JsonNode node, String name, String path, String currency, List<Problem.FieldError> errors) {
    JsonNode v = node.get(name);
    String rule = "an amount in " + currency + " such as 49.50: 0 or more, at most two decimals";
    if (v == null || v.isNull()) {
      errors.add(new Problem.FieldError(path, "missing: " + rule));
      return null;
    }
    BigDecimal amount;
    try {
      amount = v.isNumber() ? v.decimalValue() : v.isTextual() ? new BigDecimal(v.asText()) : null;
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (amount == null
        || amount.signum() < 0
        || amount.stripTrailingZeros().scale() > 2
        || amount.compareTo(new BigDecimal("100000000")) >= 0) {
      errors.add(new Problem.FieldError(path, rule));
      return null;
    }
    return new Money(amount.movePointRight(2).longValueExact(), currency);
  }

  static Map<String, Object> recorded(PurchaseOutcome.Recorded r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("receiptId", r.receipt().receiptId());
    out.put("account", r.receipt().account().value().toString());
    out.put("repeated", r.repeated());
    out.put("newCustomer", r.newCustomer());
    List<Map<String, Object>> awards = new ArrayList<>();
    for (PurchaseOutcome.Awarded a : r.awards()) {
      Map<String, Object> award = new LinkedHashMap<>();
      award.put("program", a.program().id().value());
      award.put("programName", a.program().name());
      award.put("kind", a.program().kind().name());
      award.put("quantity", a.event().quantity());
      award.put("balance", a.balance().units());
      award.put("eventId", a.event().eventId().toString());
      awards.add(award);
    }
    out.put("awards", awards);
    return out;
  }

  static Map<String, Object> refunded(RefundOutcome.Refunded r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("receiptId", r.receipt().receiptId());
    out.put("repeated", r.repeated());
    List<Map<String, Object>> voids = new ArrayList<>();
    for (LedgerEvent v : r.voids()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("program", v.program().value());
      entry.put("quantity", v.quantity());
      entry.put("eventId", v.eventId().toString());
      entry.put("voids", v.ref().map(Object::toString).orElse(""));
      voids.add(entry);
    }
    out.put("voids", voids);
    return out;
  }
}
