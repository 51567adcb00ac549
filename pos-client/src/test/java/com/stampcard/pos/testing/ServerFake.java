package com.stampcard.pos.testing;

import com.stampcard.core.ledger.EventDraft;
import com.stampcard.core.till.RedemptionAuthority;
import java.time.Instant;
import java.util.Optional;

/**
 * A central server as the till sees it through {@link RedemptionAuthority}: reachable or not, with
 * a last sync time. Tests switch it off to exercise the offline budget.
 */
public final class ServerFake implements RedemptionAuthority {
  public volatile boolean online = true;
  public volatile Instant lastSync;

  public ServerFake(Instant lastSync) {
    this.lastSync = lastSync;
  }

  @Override
  public boolean standalone() {
    return false;
  }

  @Override
  public boolean online() {
    return online;
  }

  @Override
  public Optional<Instant> lastSyncAt() {
    return Optional.ofNullable(lastSync);
  }

  @Override
  public Answer spend(EventDraft redemption) {
    return online ? new Answer.Accepted() : new Answer.Unreachable();
  }
}
