package com.stampcard.core.code;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A plain NFC card known by its UID (what {@code FF CA 00 00 00} answers). Only a digest of the UID
 * is kept: the identifier value is lowercase hex SHA-256 of {@value #DIGEST_TAG} followed by the
 * UID in uppercase hex.
 *
 * @param uidDigest the identifier value, 64 lowercase hex digits
 * @param uidLength bytes in the UID: 4, 7 or 10
 */
public record NfcCardUid(String uidDigest, int uidLength) implements CustomerCode {
  /** What the hashed text starts with, so the digest means nothing elsewhere. */
  public static final String DIGEST_TAG = "stampcard-nfc-uid:";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the digest is not 64 lowercase hex digits or the length is
   *     not 4, 7 or 10
   */
  public NfcCardUid {
    if (!Digest.isSha256Hex(uidDigest)) {
      throw new IllegalArgumentException("A UID digest is 64 lowercase hex digits");
    }
    if (!hasUidLength(uidLength)) {
      throw new IllegalArgumentException("A UID has 4, 7 or 10 bytes, not " + uidLength);
    }
  }

  /**
   * The card with this UID.
   *
   * @throws IllegalArgumentException if the UID is not 4, 7 or 10 bytes; use {@link
   *     CustomerCodes#fromNfcUid} to read untrusted input
   */
  public static NfcCardUid ofUid(byte[] uid) {
    Objects.requireNonNull(uid, "uid");
    if (!hasUidLength(uid.length)) {
      throw new IllegalArgumentException("A UID has 4, 7 or 10 bytes, not " + uid.length);
    }
    String hex = HexFormat.of().withUpperCase().formatHex(uid);
    return new NfcCardUid(Digest.sha256Hex(DIGEST_TAG + hex), uid.length);
  }

  /** Whether a UID of this many bytes exists: single, double or triple size (ISO/IEC 14443-3). */
  public static boolean hasUidLength(int bytes) {
    return bytes == 4 || bytes == 7 || bytes == 10;
  }

  /**
   * Whether {@code uid} is a random one, made afresh on every tap: a 4-byte UID starting 0x08, as
   * phones and privacy cards send. Such a UID can never find an account again.
   */
  public static boolean isRandomUid(byte[] uid) {
    return uid.length == 4 && uid[0] == 0x08;
  }

  @Override
  public IdentifierKind identifierKind() {
    return IdentifierKind.NFC_UID;
  }

  @Override
  public String identifierValue() {
    return uidDigest;
  }
}
