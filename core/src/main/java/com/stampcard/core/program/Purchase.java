package com.stampcard.core.program;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the customer bought, as far as the till knows. In plain stamp mode nothing is known: the
 * cashier's read is the whole visit. The cash register tells the total and the lines.
 */
public record Purchase(Optional<Money> total, List<PurchaseLine> lines) {
  public Purchase {
    Objects.requireNonNull(total, "total");
    lines = List.copyOf(lines);
    if (total.isEmpty() && !lines.isEmpty()) {
      throw new IllegalArgumentException("a purchase with lines needs its total");
    }
  }

  /** A visit where the till knows nothing about what was bought. */
  public static Purchase unknown() {
    return new Purchase(Optional.empty(), List.of());
  }

  public static Purchase ofTotal(Money total) {
    return new Purchase(Optional.of(total), List.of());
  }
}
