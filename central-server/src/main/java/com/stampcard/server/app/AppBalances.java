package com.stampcard.server.app;

import java.util.List;
import java.util.UUID;

/**
 * An account's balances, as its app's live stream sends them (event {@code balances}).
 *
 * @param accountId the account the app follows
 * @param rootAccountId the account its events count for: itself, or the one it was merged into
 * @param balances one per program it has events in
 */
public record AppBalances(UUID accountId, UUID rootAccountId, List<Balance> balances) {

  /** Units (stamps or points) and events so far in one program; times are ISO-8601 instants. */
  public record Balance(
      String programId, long units, long events, String lastEarnedAt, String lastSpentAt) {}
}
