package com.stampcard.core.ledger;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.program.ProgramId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's standing in one program, folded from its events. Folding is a sum of quantities plus
 * the latest times, so the order events arrive in does not matter: a balance rebuilt from the
 * events always equals the projection.
 *
 * @param units stamps (stamp program) or points (points program) held now; negative only after an
 *     overdraft found on sync
 */
public record Balance(
    AccountId account,
    ProgramId program,
    long units,
    Optional<Instant> lastEarnedAt,
    Optional<Instant> lastSpentAt,
    long events) {

  public Balance {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(lastEarnedAt, "lastEarnedAt");
    Objects.requireNonNull(lastSpentAt, "lastSpentAt");
  }

  public static Balance empty(AccountId account, ProgramId program) {
    return new Balance(account, program, 0, Optional.empty(), Optional.empty(), 0);
  }

  /** This balance after {@code event}. */
  public Balance apply(LedgerEvent event) {
    if (!event.program().equals(program)) {
      throw new IllegalArgumentException("event for " + event.program() + " applied to " + program);
    }
    Optional<Instant> earned = lastEarnedAt;
    Optional<Instant> spent = lastSpentAt;
    if (event.type().earns()) {
      earned = latest(lastEarnedAt, event.occurredAt());
    } else if (event.type().spends()) {
      spent = latest(lastSpentAt, event.occurredAt());
    }
    return new Balance(
        account, program, Math.addExact(units, event.quantity()), earned, spent, events + 1);
  }

  /** Folds events of one program into a balance, in any order. */
  public static Balance fold(AccountId account, ProgramId program, Iterable<LedgerEvent> events) {
    Balance b = empty(account, program);
    for (LedgerEvent e : events) {
      b = b.apply(e);
    }
    return b;
  }

  /** Whether what is held has lapsed: nothing earned for longer than the program's expiry. */
  public boolean lapsedAt(Instant now, Optional<Duration> expiry) {
    return units > 0
        && expiry.isPresent()
        && lastEarnedAt.isPresent()
        && lastEarnedAt.get().plus(expiry.get()).isBefore(now);
  }

  private static Optional<Instant> latest(Optional<Instant> current, Instant candidate) {
    return Optional.of(current.filter(c -> c.isAfter(candidate)).orElse(candidate));
  }
}
