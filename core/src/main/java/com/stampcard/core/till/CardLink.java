package com.stampcard.core.till;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.code.CustomerCode;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.staff.StaffMember;
import java.util.Optional;

/**
 * Links a printed or NFC card to a customer's existing account (read by their app, or another
 * card). A card the till has never seen gets an identifier on the account; a card that has an
 * account of its own (an issued card, or one already used) has that account merged into the
 * customer's, so whatever it holds counts for them. Runs on a worker thread.
 */
public final class CardLink {
  private final TillStore store;
  private final TillContext till;
  private final CustomerLookup lookup;
  private final AccountMerger merger;

  public CardLink(TillStore store, TillContext till, CustomerLookup lookup) {
    this.store = store;
    this.till = till;
    this.lookup = lookup;
    this.merger = new AccountMerger(store);
  }

  /** Empty when linked, else why not (a message key). */
  public Optional<String> link(CustomerCode card, CustomerCode customer, StaffMember manager) {
    if (!manager.isManager()) {
      return Optional.of("correction.manager-only");
    }
    if (card.identifierKind() != IdentifierKind.PRINTED_CARD
        && card.identifierKind() != IdentifierKind.NFC_UID) {
      return Optional.of("cards.link-needs-card");
    }
    Lookup found = store.inTransaction(tx -> lookup.find(tx, customer, InputMethod.SCANNER, false));
    if (found instanceof Lookup.Refused refused) {
      return Optional.of(refused.messageKey());
    }
    AccountId into = ((Lookup.Found) found).account().id();
    Optional<AccountId> cardAccount =
        store.inTransaction(
            tx -> {
              Optional<Identifier> known =
                  tx.findIdentifier(card.identifierKind(), card.identifierValue());
              if (known.isEmpty()) {
                tx.addIdentifier(
                    Identifier.linked(
                        card.identifierKind(), card.identifierValue(), into, till.now()));
                AuditLog.append(
                    tx,
                    till.now(),
                    manager.id().value(),
                    AuditAction.CARD_LINKED,
                    into.toString(),
                    card.identifierKind() + " card linked");
              }
              return known.map(Identifier::account);
            });
    if (cardAccount.isEmpty()) {
      return Optional.empty();
    }
    Lookup root = store.inTransaction(tx -> lookup.find(tx, card, InputMethod.SCANNER, false));
    if (root instanceof Lookup.Found f && f.account().id().equals(into)) {
      return Optional.of("cards.already-linked");
    }
    return merger.merge(
        root instanceof Lookup.Found f ? f.account().id() : cardAccount.get(),
        into,
        manager.id().value(),
        till.now());
  }
}
