package com.stampcard.core.code;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an app code may be trusted, offline: the key fits the device, the signature
 * holds, the time step is inside the window around now, and this device's code for that step was
 * not used before.
 *
 * <p>The checks run in that order, and only a code that passes all the others marks its (device,
 * step) slot used: a forged or stale code can never use up a real one. The slot is the device and
 * step, not the code's bytes, so a re-encoded signature (ECDSA signatures are malleable) is a
 * replay too.
 *
 * <p>Thread-safe if its {@link UsedAppCodes} is.
 */
public final class AppCodeVerifier {
  /** Steps before now that are still accepted by default: a code is good for about a minute. */
  public static final int DEFAULT_STEPS_BACK = 2;

  /** Steps after now that are accepted by default, for a phone clock a little ahead. */
  public static final int DEFAULT_STEPS_AHEAD = 1;

  private static final String SIGNATURE_ALGORITHM = "SHA256withECDSAinP1363Format";

  private final Clock clock;
  private final UsedAppCodes used;
  private final int stepsBack;
  private final int stepsAhead;

  /** What the verifier decided. */
  public sealed interface Verdict permits Verdict.Valid, Verdict.Refused {

    /**
     * The code is genuine, fresh and now used.
     *
     * @param code the code
     * @param key the device's key that signed it; for a first-use code, the key to store with the
     *     new identifier
     */
    record Valid(AppCode code, DevicePublicKey key) implements Verdict {
      /** Requires both. */
      public Valid {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(key, "key");
      }
    }

    /**
     * The code must not be trusted.
     *
     * @param problem why, with a message for the cashier
     * @param detail a short technical detail for the log
     */
    record Refused(CodeProblem problem, String detail) implements Verdict {
      /** Requires both. */
      public Refused {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
      }
    }
  }

  /** A verifier with the default window: two steps back and one ahead. */
  public AppCodeVerifier(Clock clock, UsedAppCodes used) {
    this(clock, used, DEFAULT_STEPS_BACK, DEFAULT_STEPS_AHEAD);
  }

  /**
   * A verifier accepting time steps from {@code stepsBack} before the current step to {@code
   * stepsAhead} after it.
   *
   * @throws IllegalArgumentException if a window bound is negative
   */
  public AppCodeVerifier(Clock clock, UsedAppCodes used, int stepsBack, int stepsAhead) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.used = Objects.requireNonNull(used, "used");
    if (stepsBack < 0 || stepsAhead < 0) {
      throw new IllegalArgumentException("The window's bounds cannot be negative");
    }
    this.stepsBack = stepsBack;
    this.stepsAhead = stepsAhead;
  }

  /** Verifies a code with the key stored for its device. */
  public Verdict verify(AppCode code, DevicePublicKey storedKey) {
    return verify(code, Optional.of(storedKey));
  }

  /**
   * Verifies a code. A first-use code is checked with the key it carries, so {@code storedKey} may
   * be empty (a new device); if present it must be the same key. A steady code needs the key stored
   * for its device; without one it is refused as {@link CodeProblem#APP_DEVICE_UNKNOWN}.
   */
  public Verdict verify(AppCode code, Optional<DevicePublicKey> storedKey) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(storedKey, "storedKey");
    Optional<DevicePublicKey> carried = code.publicKey();
    if (carried.isPresent() && !carried.get().keyId().equals(code.deviceKeyId())) {
      return refused(CodeProblem.KEY_MISMATCH, "the included key does not have the code's key id");
    }
    if (storedKey.isPresent() && !storedKey.get().keyId().equals(code.deviceKeyId())) {
      return refused(CodeProblem.KEY_MISMATCH, "the stored key is another device's");
    }
    Optional<DevicePublicKey> key = carried.or(() -> storedKey);
    if (key.isEmpty()) {
      return refused(
          CodeProblem.APP_DEVICE_UNKNOWN, "no key stored for device " + code.deviceKeyId());
    }
    if (!signatureHolds(code, key.get())) {
      return refused(CodeProblem.SIGNATURE_INVALID, "signature does not verify");
    }
    long now = AppCode.timeStepAt(clock.instant());
    if (code.timeStep() < now - stepsBack) {
      return refused(
          CodeProblem.CODE_EXPIRED,
          String.format(
              "step %d is %d behind, %d allowed",
              code.timeStep(), now - code.timeStep(), stepsBack));
    }
    if (code.timeStep() > now + stepsAhead) {
      return refused(
          CodeProblem.CODE_FROM_THE_FUTURE,
          String.format(
              "step %d is %d ahead, %d allowed",
              code.timeStep(), code.timeStep() - now, stepsAhead));
    }
    if (!used.markUsed(code.deviceKeyId().hex(), code.timeStep())) {
      return refused(CodeProblem.CODE_ALREADY_USED, "step " + code.timeStep() + " already used");
    }
    return new Verdict.Valid(code, key.get());
  }

  private static boolean signatureHolds(AppCode code, DevicePublicKey key) {
    byte[] signature = code.signature();
    // r and s must be in [1, n-1]. Checked here as well as in the JDK: JDK 15 to 18 before
    // their April 2022 updates accepted r = s = 0 for any message (CVE-2022-21449).
    if (!isScalar(signature, 0) || !isScalar(signature, P256.FIELD_BYTES)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(key.ecPublicKey());
      verifier.update(code.signedBytes());
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("This JDK cannot verify " + SIGNATURE_ALGORITHM, e);
    }
  }

  private static boolean isScalar(byte[] signature, int offset) {
    BigInteger value = P256.fromBytes(signature, offset, P256.FIELD_BYTES);
    return value.signum() > 0 && value.compareTo(P256.N) < 0;
  }

  private static Verdict refused(CodeProblem problem, String detail) {
    return new Verdict.Refused(problem, detail);
  }
}
