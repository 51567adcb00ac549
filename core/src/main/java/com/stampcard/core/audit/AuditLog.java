package com.stampcard.core.audit;

import com.stampcard.core.port.AuditPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Appends to and verifies the hash-chained audit log. */
public final class AuditLog {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final int PAGE = 1_000;

  private AuditLog() {}

  /** Appends an entry chained to the last one, in the caller's transaction. */
  public static AuditEntry append(
      AuditPort port,
      Instant when,
      String actor,
      AuditAction action,
      String subject,
      String detail) {
    // Hash the time a database can keep (PostgreSQL and H2 keep microseconds): hashing the
    // clock's nanoseconds would break the chain as soon as the entry is read back.
    Instant at = when.truncatedTo(ChronoUnit.MICROS);
    Optional<AuditEntry> last = port.lastAuditEntry();
    long seq = last.map(e -> e.seq() + 1).orElse(1L);
    String previous = last.map(AuditEntry::hash).orElse(GENESIS);
    AuditEntry entry =
        new AuditEntry(
            seq,
            at,
            actor,
            action,
            subject,
            detail,
            previous,
            hashOf(seq, at, actor, action, subject, detail, previous));
    port.appendAudit(entry);
    return entry;
  }

  /**
   * Walks the whole chain and reports the first entry that was edited, removed or put out of order.
   * To notice the newest entries being cut off, compare {@link Verification#lastHash()} with a copy
   * kept elsewhere (the central server keeps one).
   */
  public static Verification verify(AuditPort port) {
    long expectedSeq = 1;
    String previous = GENESIS;
    List<AuditEntry> page;
    do {
      page = port.auditEntries(expectedSeq, PAGE);
      for (AuditEntry e : page) {
        if (e.seq() != expectedSeq) {
          return Verification.broken(expectedSeq, "entry " + expectedSeq + " is missing");
        }
        if (!e.previousHash().equals(previous)) {
          return Verification.broken(
              e.seq(), "entry " + e.seq() + " does not follow the entry before it");
        }
        String recomputed =
            hashOf(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.detail(), previous);
        if (!recomputed.equals(e.hash())) {
          return Verification.broken(
              e.seq(), "entry " + e.seq() + " was changed after it was written");
        }
        previous = e.hash();
        expectedSeq++;
      }
    } while (page.size() == PAGE);
    return new Verification(true, expectedSeq - 1, Optional.empty(), "", previous);
  }

  static String hashOf(
      long seq,
      Instant at,
      String actor,
      AuditAction action,
      String subject,
      String detail,
      String previous) {
    // Length-prefixed fields, so that no two different entries hash the same text.
    StringBuilder text = new StringBuilder();
    for (String field :
        List.of(
            Long.toString(seq), at.toString(), actor, action.name(), subject, detail, previous)) {
      text.append(field.length()).append(':').append(field).append('|');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The outcome of {@link #verify}.
   *
   * @param entries how many entries were checked and found sound
   * @param brokenAt the first entry found broken
   * @param lastHash the hash of the last sound entry
   */
  public record Verification(
      boolean intact, long entries, Optional<Long> brokenAt, String problem, String lastHash) {
    static Verification broken(long seq, String problem) {
      return new Verification(false, seq - 1, Optional.of(seq), problem, "");
    }
  }
}
