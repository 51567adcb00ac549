package com.stampcard.readers.nfc;

import java.util.Arrays;

/** What one tap gave: a phone's signed token, a plain card's UID, or why neither. */
public sealed interface TapResult
    permits TapResult.PhoneToken, TapResult.CardUid, TapResult.Failed {

  /** The Stampcard app answered SELECT with its signed token. */
  record PhoneToken(byte[] token) implements TapResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof PhoneToken p && Arrays.equals(token, p.token);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(token);
    }

    @Override
    public String toString() {
      return "PhoneToken[" + Apdus.hex(token) + "]";
    }
  }

  /** A plain card, known by its UID. */
  record CardUid(byte[] uid) implements TapResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof CardUid c && Arrays.equals(uid, c.uid);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(uid);
    }

    @Override
    public String toString() {
      return "CardUid[" + Apdus.hex(uid) + "]";
    }
  }

  /**
   * Nothing usable.
   *
   * @param detail what happened and what the cashier can do
   * @param received the last bytes the card sent, if any
   */
  record Failed(String detail, byte[] received) implements TapResult {
    @Override
    public boolean equals(Object o) {
      return o instanceof Failed f
          && detail.equals(f.detail)
          && Arrays.equals(received, f.received);
    }

    @Override
    public int hashCode() {
      return detail.hashCode();
    }

    @Override
    public String toString() {
      return "Failed[" + detail + "]";
    }
  }
}
