package com.stampcard.store.entity;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.ledger.Balance;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code balance}: the projection of one root account's events in one program. It adds up
 * exactly as {@link Balance#apply} does, so it always equals {@link Balance#fold} of the events.
 */
@Entity
@Table(name = "balance")
public class BalanceEntity {
  @EmbeddedId private Key key;

  @Column(name = "units", nullable = false)
  private long units;

  @Column(name = "last_earned_at")
  private Instant lastEarnedAt;

  @Column(name = "last_spent_at")
  private Instant lastSpentAt;

  @Column(name = "events", nullable = false)
  private long events;

  protected BalanceEntity() {}

  /** Counts one more event, as {@link Balance#apply} does. */
  public void add(EventType type, long quantity, Instant occurredAt) {
    units = Math.addExact(units, quantity);
    events++;
    if (type.earns()) {
      lastEarnedAt = latest(lastEarnedAt, occurredAt);
    } else if (type.spends()) {
      lastSpentAt = latest(lastSpentAt, occurredAt);
    }
  }

  /** Folds another balance of the same program into this one (a merge). */
  public void add(BalanceEntity other) {
    units = Math.addExact(units, other.units);
    events += other.events;
    lastEarnedAt = latest(lastEarnedAt, other.lastEarnedAt);
    lastSpentAt = latest(lastSpentAt, other.lastSpentAt);
  }

  public Balance toBalance() {
    return new Balance(
        new AccountId(key.accountId),
        new ProgramId(key.programId),
        units,
        Optional.ofNullable(lastEarnedAt),
        Optional.ofNullable(lastSpentAt),
        events);
  }

  public String programId() {
    return key.programId;
  }

  private static Instant latest(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.isAfter(current) ? Times.stored(candidate) : current;
  }

  /** The balance's key: root account and program. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "program_id", nullable = false)
    private String programId;

    protected Key() {}

    public Key(UUID accountId, String programId) {
      this.accountId = accountId;
      this.programId = programId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && accountId.equals(other.accountId)
          && programId.equals(other.programId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, programId);
    }
  }
}
