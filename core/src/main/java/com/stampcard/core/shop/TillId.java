package com.stampcard.core.shop;

import java.util.Objects;
import java.util.regex.Pattern;

/** One till, unique across the shop, for example {@code cafe-norr-2}. */
public record TillId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public TillId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "till id '" + value + "': use 1-40 lowercase letters, digits and hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
