package com.stampcard.core.till;

import com.stampcard.core.ledger.EventDraft;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: who has the last word on a redemption. With a central server, the server spends the card
 * first (a conditional, idempotent call keyed by the event id) and the till records the same event;
 * when the server can't be reached the till redeems within its offline budget. A till with no
 * server is its own authority.
 */
public interface RedemptionAuthority {
  /** True when there is no central server: the local ledger is the only truth. */
  boolean standalone();

  /** Whether the server answered recently. Cheap: never touches the network. */
  boolean online();

  /** When the till last synced with the server. */
  Optional<Instant> lastSyncAt();

  /** Asks the server to spend the card. May block for a short, bounded time. */
  Answer spend(EventDraft redemption);

  /** The server's answer. */
  sealed interface Answer {
    /** The server spent the card under this event id (now or on an earlier try). */
    record Accepted() implements Answer {}

    /** The server refused, for example because the card was already redeemed elsewhere. */
    record Declined(String messageKey) implements Answer {}

    /** No answer in time: redeem offline if the budget allows. */
    record Unreachable() implements Answer {}
  }

  /** The authority of a till that has no central server. */
  static RedemptionAuthority standaloneTill() {
    return new RedemptionAuthority() {
      @Override
      public boolean standalone() {
        return true;
      }

      @Override
      public boolean online() {
        return false;
      }

      @Override
      public Optional<Instant> lastSyncAt() {
        return Optional.empty();
      }

      @Override
      public Answer spend(EventDraft redemption) {
        return new Answer.Accepted();
      }
    };
  }
}
