package com.stampcard.core.program;

import java.util.List;

/**
 * What the rules give for one visit: a number of stamps or points, and the rules that shaped it (as
 * message keys), so the till can say why.
 */
public record Award(long quantity, List<String> notes) {
  public Award {
    if (quantity < 0) {
      throw new IllegalArgumentException("an award can't be negative");
    }
    notes = List.copyOf(notes);
  }

  public boolean nothing() {
    return quantity == 0;
  }
}
