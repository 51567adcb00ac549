package com.stampcard.pos;

import com.stampcard.core.till.RedemptionAuthority;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: what the till knows about its link to the central server, for the status bar. Cheap: it
 * never touches the network, so the status bar may ask every second.
 */
@FunctionalInterface
public interface SyncStatus {
  Snapshot now();

  /**
   * The link at one moment.
   *
   * @param lastSync when the till last synced, if ever
   * @param waiting events recorded here that the server does not have yet, when known
   */
  record Snapshot(Link link, Optional<Instant> lastSync, OptionalLong waiting) {
    public Snapshot {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(lastSync, "lastSync");
      Objects.requireNonNull(waiting, "waiting");
    }
  }

  /** The three states the status bar shows. */
  enum Link {
    /** The till runs alone: its ledger is the only truth. */
    NO_SERVER,
    /** The server answered recently. */
    ONLINE,
    /** A server is configured but can't be reached; redemptions stay within the offline budget. */
    OFFLINE
  }

  /**
   * The status as the redemption authority sees it: until the sync agent offers its own port (with
   * the number of events waiting), this is what the till knows.
   */
  static SyncStatus of(RedemptionAuthority authority) {
    return () -> {
      if (authority.standalone()) {
        return new Snapshot(Link.NO_SERVER, Optional.empty(), OptionalLong.empty());
      }
      return new Snapshot(
          authority.online() ? Link.ONLINE : Link.OFFLINE,
          authority.lastSyncAt(),
          OptionalLong.empty());
    };
  }
}
