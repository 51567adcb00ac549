package com.stampcard.core.staff;

import java.util.Objects;
import java.util.regex.Pattern;

/** A member of staff, for example {@code anna}; what a cashier may type at login. */
public record StaffId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

  public StaffId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "staff id '" + value + "': use 1-40 lowercase letters, digits, dots, hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
