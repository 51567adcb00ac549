package com.stampcard.core.sync;

import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}). {@code detail} says what
 * to do about it in words a till's IT person can act on; {@code errors} names each bad field. The
 * server writes it without its empty parts (no {@code errors: []}, no null key).
 *
 * @param type a URI naming the kind of problem, under {@code https://stampcard.dev/problems/}
 * @param messageKey a key of core's message bundle the till shows the cashier, when there is one
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    String messageKey) {

  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String BASE = "https://stampcard.dev/problems/";

  /** One bad field: its path in the request, such as {@code events[3].quantity}, and why. */
  public record FieldError(String field, String message) {}

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(BASE + slug, title, status, detail, List.of(), null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, fieldErrors, messageKey);
  }

  public Problem withMessageKey(String key) {
    return new Problem(type, title, status, detail, errors, key);
  }
}
