package com.stampcard.core.program;

import java.util.Objects;
import java.util.regex.Pattern;

/** A loyalty program, for example {@code coffee-card}. Stays the same across versions. */
public record ProgramId(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public ProgramId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "program id '" + value + "': use 1-40 lowercase letters, digits and hyphens");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
