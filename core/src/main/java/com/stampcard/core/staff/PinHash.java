package com.stampcard.core.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a PIN or password, stored as {@code
 * pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64). The iteration count travels with the hash, so it
 * can be raised later without breaking stored ones. The JDK has no Argon2id; ARCHITECTURE.md allows
 * PBKDF2 at a high cost, and core depends on the JDK only.
 */
public record PinHash(String encoded) {
  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  public PinHash {
    Objects.requireNonNull(encoded, "encoded");
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a " + PREFIX + " hash");
    }
    if (Integer.parseInt(parts[1]) < 1) {
      throw new IllegalArgumentException("iterations must be at least 1");
    }
  }

  public static PinHash of(char[] secret) {
    return of(secret, DEFAULT_ITERATIONS);
  }

  public static PinHash of(char[] secret, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(secret, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return new PinHash(
        PREFIX
            + "$"
            + iterations
            + "$"
            + b64.encodeToString(salt)
            + "$"
            + b64.encodeToString(hash));
  }

  /** Whether {@code secret} is the one hashed, in time that does not depend on where it differs. */
  public boolean matches(char[] secret) {
    String[] parts = encoded.split("\\$");
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(secret, salt, iterations));
  }

  private static byte[] derive(char[] secret, byte[] salt, int iterations) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("a PIN or password can't be empty");
    }
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK lacks PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "PinHash[" + PREFIX + "]";
  }
}
