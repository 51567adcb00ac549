package com.stampcard.core.code;

/**
 * How a customer code reached the till. The redemption policy trusts a typed code less than one
 * read by a device.
 */
public enum InputMethod {
  /** A barcode or QR scanner, keyboard wedge or serial. */
  SCANNER,
  /** Typed by a person on purpose. */
  TYPED,
  /** The till's camera. */
  CAMERA,
  /** An NFC card or phone on a PC/SC reader. */
  NFC,
  /** Sent by the cash register through the till's local API. */
  API
}
