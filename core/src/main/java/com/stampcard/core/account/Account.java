package com.stampcard.core.account;

import com.stampcard.core.shop.StoreId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's account. Tills know accounts only by id: no names, no e-mail.
 *
 * @param createdAtStore the store where the account was first seen
 * @param mergedInto the account this one was merged into, when status is MERGED
 */
public record Account(
    AccountId id,
    Instant createdAt,
    StoreId createdAtStore,
    AccountStatus status,
    Optional<AccountId> mergedInto) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdAtStore, "createdAtStore");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mergedInto, "mergedInto");
    if ((status == AccountStatus.MERGED) != mergedInto.isPresent()) {
      throw new IllegalArgumentException(
          "a merged account, and only a merged one, names its target");
    }
  }

  public static Account opened(AccountId id, Instant at, StoreId store) {
    return new Account(id, at, store, AccountStatus.ACTIVE, Optional.empty());
  }

  public Account mergedInto(AccountId target) {
    if (target.equals(id)) {
      throw new IllegalArgumentException("an account can't be merged into itself");
    }
    return new Account(id, createdAt, createdAtStore, AccountStatus.MERGED, Optional.of(target));
  }
}
