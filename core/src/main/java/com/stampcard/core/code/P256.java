package com.stampcard.core.code;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Optional;

/** The curve NIST P-256 (secp256r1), with its parameters taken from the JDK. */
final class P256 {
  static final ECParameterSpec SPEC = loadSpec();
  static final BigInteger P = ((ECFieldFp) SPEC.getCurve().getField()).getP();
  static final BigInteger A = SPEC.getCurve().getA();
  static final BigInteger B = SPEC.getCurve().getB();
  static final BigInteger N = SPEC.getOrder();

  /** Bytes in a coordinate or a scalar. */
  static final int FIELD_BYTES = 32;

  // p ≡ 3 (mod 4), so a square root of a is a^((p+1)/4) when one exists.
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

  private P256() {}

  private static ECParameterSpec loadSpec() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK does not support the curve secp256r1", e);
    }
  }

  /** Whether (x, y) is an affine point on the curve, with both coordinates in the field. */
  static boolean isOnCurve(BigInteger x, BigInteger y) {
    if (x.signum() < 0 || x.compareTo(P) >= 0 || y.signum() < 0 || y.compareTo(P) >= 0) {
      return false;
    }
    return y.multiply(y).mod(P).equals(rightHandSide(x));
  }

  /** The y with parity {@code odd} of the curve point with this x, if there is one. */
  static Optional<BigInteger> yFor(BigInteger x, boolean odd) {
    if (x.signum() < 0 || x.compareTo(P) >= 0) {
      return Optional.empty();
    }
    BigInteger rhs = rightHandSide(x);
    BigInteger y = rhs.modPow(SQRT_EXPONENT, P);
    if (!y.multiply(y).mod(P).equals(rhs)) {
      return Optional.empty();
    }
    if (y.testBit(0) != odd) {
      y = P.subtract(y).mod(P);
    }
    return y.testBit(0) == odd ? Optional.of(y) : Optional.empty();
  }

  private static BigInteger rightHandSide(BigInteger x) {
    return x.pow(3).add(A.multiply(x)).add(B).mod(P);
  }

  /** Whether {@code spec} is this curve. */
  static boolean isThisCurve(ECParameterSpec spec) {
    return spec.getCurve().equals(SPEC.getCurve())
        && spec.getGenerator().equals(SPEC.getGenerator())
        && spec.getOrder().equals(N)
        && spec.getCofactor() == SPEC.getCofactor();
  }

  /** The JDK public key for a point already checked to be on the curve. */
  static ECPublicKey publicKey(BigInteger x, BigInteger y) {
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), SPEC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot make a P-256 public key", e);
    }
  }

  /** {@code value} as exactly 32 big-endian bytes; value must be in [0, 2^256). */
  static byte[] toFieldBytes(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[FIELD_BYTES];
    int copy = Math.min(raw.length, FIELD_BYTES);
    System.arraycopy(raw, raw.length - copy, out, FIELD_BYTES - copy, copy);
    return out;
  }

  static BigInteger fromBytes(byte[] bytes, int offset, int length) {
    byte[] part = new byte[length];
    System.arraycopy(bytes, offset, part, 0, length);
    return new BigInteger(1, part);
  }
}
