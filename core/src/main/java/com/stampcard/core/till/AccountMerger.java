package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.port.TillStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Merges one account into another, for example when a customer's anonymous phone joins the account
 * they log in to, or two tills opened an account for the same new phone while offline. The merged
 * account's identifiers move over; its events stay as they are and count for the target.
 */
public final class AccountMerger {
  private final TillStore store;

  public AccountMerger(TillStore store) {
    this.store = store;
  }

  /** Merges {@code from} into {@code into}; empty when done, else why not. */
  public Optional<String> merge(AccountId from, AccountId into, String actor, Instant at) {
    if (from.equals(into)) {
      return Optional.of("merge.same-account");
    }
    return store.inTransaction(
        tx -> {
          Optional<Account> source = tx.findAccount(from);
          Optional<Account> target = tx.findAccount(into);
          if (source.isEmpty() || target.isEmpty()) {
            return Optional.of("correction.no-such-account");
          }
          if (source.get().status() != AccountStatus.ACTIVE
              || target.get().status() != AccountStatus.ACTIVE) {
            return Optional.of("merge.not-active");
          }
          tx.updateAccount(source.get().mergedInto(into));
          for (Identifier id : tx.identifiersOf(from)) {
            tx.updateIdentifier(
                new Identifier(
                    id.kind(), id.value(), into, id.publicKey(), id.linkedAt(), id.revokedAt()));
          }
          tx.mergeBalances(from, into);
          AuditLog.append(
              tx, at, actor, AuditAction.ACCOUNT_MERGED, from.toString(), "merged into " + into);
          return Optional.empty();
        });
  }
}
