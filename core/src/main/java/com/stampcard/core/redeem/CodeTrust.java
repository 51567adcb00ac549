package com.stampcard.core.redeem;

/** How much a read code proves that the customer is really here with their card or phone. */
public enum CodeTrust {
  /** A fresh, signed app code (QR or NFC phone): it can't be a copy older than a minute. */
  SIGNED,
  /** A static code read by a device: a printed card, an NFC card's UID, a magstripe. */
  STATIC,
  /** Typed by hand. */
  TYPED
}
