package com.stampcard.core.port;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import java.util.List;
import java.util.Optional;

/** Port: accounts and the identifiers that point at them. */
public interface AccountPort {
  Optional<Identifier> findIdentifier(IdentifierKind kind, String value);

  List<Identifier> identifiersOf(AccountId account);

  Optional<Account> findAccount(AccountId id);

  void addAccount(Account account);

  /** Saves a changed account (merge, erasure). */
  void updateAccount(Account account);

  void addIdentifier(Identifier identifier);

  /** Saves a changed identifier (revoked, relinked on merge). */
  void updateIdentifier(Identifier identifier);
}
