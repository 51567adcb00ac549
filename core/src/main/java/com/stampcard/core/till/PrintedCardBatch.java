package com.stampcard.core.till;

import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.audit.AuditAction;
import com.stampcard.core.audit.AuditLog;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.staff.StaffMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Issues a batch of printed cards: new card numbers, each linked to a new, empty account, so a till
 * that accepts only issued cards ({@code printedCardsMustBeIssued}) knows them. Numbers are drawn
 * at random from the ten-digit serial space and checked against the cards this till knows, so tills
 * issuing at the same time practically never draw the same one (see ADR 0811).
 */
public final class PrintedCardBatch {
  /** The most cards one batch issues: a few sheets. */
  public static final int MOST = 500;

  private final TillStore store;
  private final TillContext till;
  private final RandomGenerator random;

  public PrintedCardBatch(TillStore store, TillContext till, RandomGenerator random) {
    this.store = store;
    this.till = till;
    this.random = random;
  }

  /** What came of issuing: the cards, or why none were issued (a message key). */
  public record Issued(List<PrintedCard> cards, Optional<String> refusal) {
    public Issued {
      cards = List.copyOf(cards);
    }
  }

  public Issued issue(int count, StaffMember manager) {
    if (!manager.isManager()) {
      return new Issued(List.of(), Optional.of("correction.manager-only"));
    }
    if (count < 1 || count > MOST) {
      return new Issued(List.of(), Optional.of("cards.count-range"));
    }
    return store.inTransaction(
        tx -> {
          List<PrintedCard> cards = new ArrayList<>();
          Set<String> drawn = new HashSet<>();
          while (cards.size() < count) {
            PrintedCard card =
                PrintedCard.fromSerial(random.nextLong(1, PrintedCard.MAX_SERIAL + 1));
            if (!drawn.add(card.number())
                || tx.findIdentifier(IdentifierKind.PRINTED_CARD, card.number()).isPresent()) {
              continue;
            }
            Account account =
                Account.opened(new AccountId(till.newId()), till.now(), till.settings().store());
            tx.addAccount(account);
            tx.addIdentifier(
                Identifier.linked(
                    IdentifierKind.PRINTED_CARD, card.number(), account.id(), till.now()));
            cards.add(card);
          }
          AuditLog.append(
              tx,
              till.now(),
              manager.id().value(),
              AuditAction.CARDS_ISSUED,
              till.settings().till().value(),
              count + " printed cards issued");
          return new Issued(cards, Optional.empty());
        });
  }
}
