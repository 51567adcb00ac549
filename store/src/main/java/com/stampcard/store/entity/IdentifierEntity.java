package com.stampcard.store.entity;

import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code identifier}: its key is the (kind, value) pair. */
@Entity
@Table(name = "identifier")
public class IdentifierEntity {
  private static final HexFormat HEX = HexFormat.of();

  @EmbeddedId private Key key;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "public_key")
  private String publicKeyHex;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected IdentifierEntity() {}

  public static IdentifierEntity from(Identifier identifier) {
    IdentifierEntity e = new IdentifierEntity();
    e.key = Key.of(identifier.kind(), identifier.value());
    e.copyChangeable(identifier);
    return e;
  }

  /** Takes over what can change: the account (on a merge), the key, the times. */
  public void copyChangeable(Identifier identifier) {
    if (!Key.of(identifier.kind(), identifier.value()).equals(key)) {
      throw new IllegalArgumentException(identifier + " is not row " + key);
    }
    accountId = identifier.account().value();
    publicKeyHex = identifier.publicKey().map(HEX::formatHex).orElse(null);
    linkedAt = Times.stored(identifier.linkedAt());
    revokedAt = identifier.revokedAt().map(Times::stored).orElse(null);
  }

  public Identifier toIdentifier() {
    return new Identifier(
        IdentifierKind.valueOf(key.kind),
        key.value,
        new AccountId(accountId),
        Optional.ofNullable(publicKeyHex).map(HEX::parseHex),
        linkedAt,
        Optional.ofNullable(revokedAt));
  }

  /** The identifier's key: kind and value. */
  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "kind", nullable = false)
    private String kind;

    @Column(name = "id_value", nullable = false)
    private String value;

    protected Key() {}

    public static Key of(IdentifierKind kind, String value) {
      Key k = new Key();
      k.kind = kind.name();
      k.value = value;
      return k;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && kind.equals(other.kind) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
      return kind + " " + value;
    }
  }
}
