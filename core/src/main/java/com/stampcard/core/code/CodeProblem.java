package com.stampcard.core.code;

import com.stampcard.core.i18n.Messages;
import java.util.Locale;

/**
 * Why something read at the till is not a usable customer code. Each has a message for the cashier
 * under {@link #messageKey()} in every language Stampcard speaks.
 */
public enum CodeProblem {
  /** Nothing was read, or only whitespace. */
  EMPTY,
  /** The input is not any kind of Stampcard code. */
  NOT_A_STAMPCARD_CODE,
  /** The input is longer than any code; it was not parsed. */
  TOO_LONG,
  /** Thirteen digits with the Stampcard prefix whose check digit does not match. */
  PRINTED_CARD_WRONG_CHECK_DIGIT,
  /** Thirteen digits that do not start with the Stampcard prefix 29 (a product's EAN, say). */
  PRINTED_CARD_WRONG_PREFIX,
  /** Digits starting with 29 that are too short or too long to be a card number. */
  PRINTED_CARD_WRONG_LENGTH,
  /** An app code with digits missing at the end. */
  APP_CODE_TRUNCATED,
  /** An app code that is not well formed: too long, a group out of range, a bad public key. */
  APP_CODE_MALFORMED,
  /** An app code made by a newer app, with a version this till does not know. */
  APP_CODE_UNKNOWN_VERSION,
  /** An NFC UID that is not 4, 7 or 10 bytes long. */
  NFC_UID_BAD_LENGTH,
  /**
   * A random NFC UID (4 bytes starting 0x08, ISO/IEC 14443-3): a phone or a privacy card whose UID
   * changes on every tap, so it can never find the account again.
   */
  NFC_UID_RANDOM,
  /** A phone answered the Stampcard AID with something that is not an app code. */
  PHONE_TOKEN_MALFORMED,
  /** Looks like a magstripe track but is not a well-formed ISO 7813 track 2. */
  MAGSTRIPE_MALFORMED,
  /** The app code's signature does not verify with the device's key. */
  SIGNATURE_INVALID,
  /** The app code's time step is older than the allowed window (a screenshot, say). */
  CODE_EXPIRED,
  /** The app code's time step is later than the allowed window (a phone clock running ahead). */
  CODE_FROM_THE_FUTURE,
  /** This device's code for this time step was already used. */
  CODE_ALREADY_USED,
  /** The app code's key id does not match the key it carries or the key stored for the device. */
  KEY_MISMATCH,
  /** A steady app code from a device this till has no key for (not yet synced, or revoked). */
  APP_DEVICE_UNKNOWN;

  /** The message key, {@code code.problem.<NAME>}. */
  public String messageKey() {
    return "code.problem." + name();
  }

  /** The cashier's message in {@code locale}: what went wrong and what to do next. */
  public String message(Locale locale) {
    return Messages.text(locale, messageKey());
  }
}
