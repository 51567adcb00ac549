package com.stampcard.core.account;

import com.stampcard.core.code.IdentifierKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What points at an account: a printed card number, an app device's key id, a hashed NFC UID or
 * magstripe PAN. Revoked identifiers are kept, and refused at the till.
 *
 * @param publicKey the device's public key (uncompressed, 65 bytes) for APP_DEVICE, else empty
 */
public record Identifier(
    IdentifierKind kind,
    String value,
    AccountId account,
    Optional<byte[]> publicKey,
    Instant linkedAt,
    Optional<Instant> revokedAt) {
  public Identifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(linkedAt, "linkedAt");
    publicKey = publicKey.map(byte[]::clone);
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an identifier needs a value");
    }
  }

  public static Identifier linked(
      IdentifierKind kind, String value, AccountId account, Instant at) {
    return new Identifier(kind, value, account, Optional.empty(), at, Optional.empty());
  }

  public static Identifier appDevice(
      String keyIdHex, byte[] publicKey, AccountId account, Instant at) {
    return new Identifier(
        IdentifierKind.APP_DEVICE, keyIdHex, account, Optional.of(publicKey), at, Optional.empty());
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  public Identifier revokedAt(Instant at) {
    return new Identifier(kind, value, account, publicKey, linkedAt, Optional.of(at));
  }

  @Override
  public Optional<byte[]> publicKey() {
    return publicKey.map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Identifier other
        && kind == other.kind
        && value.equals(other.value)
        && account.equals(other.account)
        && Arrays.equals(publicKey.orElse(null), other.publicKey.orElse(null))
        && linkedAt.equals(other.linkedAt)
        && revokedAt.equals(other.revokedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, account);
  }

  @Override
  public String toString() {
    return "Identifier["
        + kind
        + " "
        + value
        + " -> "
        + account
        + (revoked() ? " revoked" : "")
        + "]";
  }
}
