package com.stampcard.readers.nfc;

/** The card on the reader, as one method: send a command APDU, get the response APDU. */
@FunctionalInterface
public interface ApduChannel {
  /**
   * @return the response, data followed by the two status bytes
   * @throws CardGoneException when the card left the field before answering
   */
  byte[] transmit(byte[] command) throws CardGoneException;
}
