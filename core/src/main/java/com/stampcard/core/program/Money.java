package com.stampcard.core.program;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in a currency's minor units (öre, cents), so sums are exact.
 *
 * @param currency ISO 4217 code, for example SEK or EUR
 */
public record Money(long minorUnits, String currency) {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency '" + currency + "': use an ISO 4217 code");
    }
    if (minorUnits < 0) {
      throw new IllegalArgumentException("an amount can't be negative: " + minorUnits);
    }
  }

  /** Parses "49.50 SEK" style amounts as major units with up to two decimals. */
  public static Money of(String majorUnits, String currency) {
    BigDecimal major = new BigDecimal(majorUnits);
    return new Money(major.movePointRight(2).longValueExact(), currency);
  }

  public BigDecimal majorUnits() {
    return BigDecimal.valueOf(minorUnits, 2);
  }

  public boolean lessThan(Money other) {
    requireSameCurrency(other);
    return minorUnits < other.minorUnits;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "can't compare " + currency + " with " + other.currency + ": one currency per program");
    }
  }

  @Override
  public String toString() {
    return majorUnits().toPlainString() + " " + currency;
  }
}
