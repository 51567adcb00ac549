package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.AccountStatus;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeVerifier;
import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.DevicePublicKey;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.port.TillTransaction;
import com.stampcard.core.redeem.CodeTrust;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the account behind a customer code, and opens one for a new customer: the first scan of a
 * new app install, or an unknown printed, NFC or magstripe card (unless the shop issues printed
 * cards first). App codes are verified offline here: signature, time window, replay.
 */
public final class CustomerLookup {
  private static final int MERGE_HOPS = 16;

  private final TillContext till;
  private final Clock clock;

  public CustomerLookup(TillContext till, Clock clock) {
    this.till = till;
    this.clock = clock;
  }

  /**
   * @param openIfNew open an account for an unknown code (stamp mode); redeem mode passes false
   */
  public Lookup find(TillTransaction tx, CustomerCode code, InputMethod input, boolean openIfNew) {
    if (code instanceof AppCode app) {
      return findApp(tx, app, input, openIfNew);
    }
    Optional<Identifier> known = tx.findIdentifier(code.identifierKind(), code.identifierValue());
    CodeTrust trust = input == InputMethod.TYPED ? CodeTrust.TYPED : CodeTrust.STATIC;
    if (known.isPresent()) {
      return follow(tx, known.get(), trust);
    }
    if (!openIfNew) {
      return new Lookup.Refused("lookup.unknown-customer");
    }
    if (code.identifierKind() == IdentifierKind.PRINTED_CARD
        && till.settings().printedCardsMustBeIssued()) {
      return new Lookup.Refused("lookup.card-not-issued");
    }
    Account account =
        Account.opened(new AccountId(till.newId()), till.now(), till.settings().store());
    tx.addAccount(account);
    tx.addIdentifier(
        Identifier.linked(code.identifierKind(), code.identifierValue(), account.id(), till.now()));
    return new Lookup.Found(account, true, trust);
  }

  private Lookup findApp(TillTransaction tx, AppCode app, InputMethod input, boolean openIfNew) {
    Optional<Identifier> known =
        tx.findIdentifier(IdentifierKind.APP_DEVICE, app.identifierValue());
    Optional<DevicePublicKey> storedKey =
        known.flatMap(Identifier::publicKey).map(DevicePublicKey::fromUncompressed);
    AppCodeVerifier.Verdict verdict = new AppCodeVerifier(clock, tx).verify(app, storedKey);
    if (verdict instanceof AppCodeVerifier.Verdict.Refused refused) {
      return new Lookup.Refused(refused.problem().messageKey());
    }
    DevicePublicKey key = ((AppCodeVerifier.Verdict.Valid) verdict).key();
    // A code typed by hand is still a typed code, however well it is signed.
    CodeTrust trust = input == InputMethod.TYPED ? CodeTrust.TYPED : CodeTrust.SIGNED;
    if (known.isPresent()) {
      return follow(tx, known.get(), trust);
    }
    // A first-use code of a phone this till has not seen.
    AccountId proposed = new AccountId(app.accountId());
    if (tx.findAccount(proposed).isPresent()) {
      // Someone claims a known account with a key nobody linked to it: only the server may link.
      return new Lookup.Refused("lookup.phone-not-linked");
    }
    if (!openIfNew) {
      return new Lookup.Refused("lookup.unknown-customer");
    }
    Account account = Account.opened(proposed, till.now(), till.settings().store());
    tx.addAccount(account);
    tx.addIdentifier(
        Identifier.appDevice(app.identifierValue(), key.uncompressed(), proposed, till.now()));
    return new Lookup.Found(account, true, trust);
  }

  private Lookup follow(TillTransaction tx, Identifier identifier, CodeTrust trust) {
    if (identifier.revoked()) {
      return new Lookup.Refused("lookup.identifier-revoked");
    }
    AccountId id = identifier.account();
    for (int hop = 0; hop < MERGE_HOPS; hop++) {
      Optional<Account> account = tx.findAccount(id);
      if (account.isEmpty()) {
        return new Lookup.Refused("lookup.unknown-customer");
      }
      if (account.get().status() == AccountStatus.ERASED) {
        return new Lookup.Refused("lookup.account-erased");
      }
      if (account.get().status() == AccountStatus.ACTIVE) {
        return new Lookup.Found(account.get(), false, trust);
      }
      id = account.get().mergedInto().orElseThrow();
    }
    return new Lookup.Refused("lookup.unknown-customer");
  }
}
