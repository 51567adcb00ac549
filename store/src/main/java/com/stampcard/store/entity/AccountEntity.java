package com.stampcard.store.entity;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.shop.StoreId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code account}. */
@Entity
@Table(name = "account")
public class AccountEntity {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_store", nullable = false, updatable = false)
  private String createdStore;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "merged_into")
  private UUID mergedInto;

  protected AccountEntity() {}

  public static AccountEntity from(Account account) {
    AccountEntity e = new AccountEntity();
    e.id = account.id().value();
    e.createdAt = Times.stored(account.createdAt());
    e.createdStore = account.createdAtStore().value();
    e.copyChangeable(account);
    return e;
  }

  /** Takes over what can change on an account: its status and merge target. */
  public void copyChangeable(Account account) {
    if (!account.id().value().equals(id)) {
      throw new IllegalArgumentException("account " + account.id() + " is not row " + id);
    }
    status = account.status().name();
    mergedInto = account.mergedInto().map(AccountId::value).orElse(null);
  }

  public Account toAccount() {
    return new Account(
        new AccountId(id),
        createdAt,
        new StoreId(createdStore),
        AccountStatus.valueOf(status),
        Optional.ofNullable(mergedInto).map(AccountId::new));
  }

  public UUID id() {
    return id;
  }

  public boolean merged() {
    return AccountStatus.MERGED.name().equals(status);
  }

  public Optional<UUID> mergedInto() {
    return Optional.ofNullable(mergedInto);
  }

  Instant createdAt() {
    return createdAt;
  }
}
