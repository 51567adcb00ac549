package com.stampcard.core.shop;

import java.util.Objects;
import java.util.regex.Pattern;

/** A shop's store, for example {@code cafe-norr}. */
public record StoreId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public StoreId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "store id '" + value + "': use 1-40 lowercase letters, digits and hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
