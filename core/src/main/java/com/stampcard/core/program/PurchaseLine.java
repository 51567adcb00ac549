package com.stampcard.core.program;

import java.util.Objects;

/**
 * One line of a receipt: a category the rules know (for example {@code coffee}), how many, the line
 * total.
 */
public record PurchaseLine(String category, int quantity, Money amount) {
  public PurchaseLine {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a line's quantity must be at least 1, not " + quantity);
    }
  }
}
