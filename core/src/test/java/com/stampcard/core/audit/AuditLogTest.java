package com.stampcard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private static final Instant T = Instant.parse("2026-11-24T09:00:00Z");
  private final InMemoryAudit audit = new InMemoryAudit();

  @BeforeEach
  void threeEntries() {
    AuditLog.append(audit, T, "anna", AuditAction.REDEMPTION, "e1", "coffee-card, 10 units");
    AuditLog.append(audit, T.plusSeconds(1), "maria", AuditAction.VOID, "e2", "wrong customer");
    AuditLog.append(audit, T.plusSeconds(2), "maria", AuditAction.STAFF_ADDED, "erik", "cashier");
  }

  @Test
  void anEntryKeepsItsTimeToTheMicrosecondAsADatabaseStoresIt() {
    AuditEntry e =
        AuditLog.append(
            audit,
            Instant.parse("2026-11-24T10:00:00.123456789Z"),
            "anna",
            AuditAction.REDEMPTION,
            "e4",
            "read back from a database");
    assertThat(e.at()).isEqualTo(Instant.parse("2026-11-24T10:00:00.123456Z"));
    assertThat(AuditLog.verify(audit).intact()).isTrue();
  }

  @Test
  void anUntouchedChainVerifies() {
    AuditLog.Verification v = AuditLog.verify(audit);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(3);
    assertThat(v.lastHash()).isEqualTo(audit.entries.get(2).hash());
  }

  @Test
  void anEditedEntryIsFound() {
    AuditEntry e = audit.entries.get(1);
    audit.entries.set(
        1,
        new AuditEntry(
            e.seq(),
            e.at(),
            e.actor(),
            e.action(),
            e.subject(),
            "a different reason",
            e.previousHash(),
            e.hash()));
    AuditLog.Verification v = AuditLog.verify(audit);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).contains(2L);
    assertThat(v.problem()).contains("changed");
  }

  @Test
  void anEditWithARecomputedHashIsFoundAtTheNextEntry() {
    AuditEntry e = audit.entries.get(1);
    String forged =
        AuditLog.hashOf(
            e.seq(), e.at(), e.actor(), e.action(), e.subject(), "forged", e.previousHash());
    audit.entries.set(
        1,
        new AuditEntry(
            e.seq(),
            e.at(),
            e.actor(),
            e.action(),
            e.subject(),
            "forged",
            e.previousHash(),
            forged));
    AuditLog.Verification v = AuditLog.verify(audit);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).contains(3L);
  }

  @Test
  void aRemovedEntryIsFound() {
    audit.entries.remove(1);
    AuditLog.Verification v = AuditLog.verify(audit);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt()).contains(2L);
    assertThat(v.problem()).contains("missing");
  }
}
