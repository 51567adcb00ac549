package com.stampcard.readers.nfc;

/** The card or phone left the reader before the exchange was done. */
public final class CardGoneException extends Exception {
  public CardGoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
