package com.stampcard.readers.nfc;

import java.time.Duration;
import java.util.List;

/** The NFC readers the PC/SC service knows: the port for the PC/SC adapter. */
public interface NfcTerminals {

  /** The readers present now, by name. */
  List<String> names() throws NfcServiceException;

  /** The reader called {@code name}. */
  Terminal terminal(String name) throws NfcServiceException;

  /** One reader. Used by one thread. */
  interface Terminal {
    String name();

    /** Waits up to {@code wait} for a card or phone; true when one is in the field. */
    boolean waitForCard(Duration wait) throws NfcTerminalException;

    /** Waits up to {@code wait} for the field to be empty; true when it is. */
    boolean waitForRemoval(Duration wait) throws NfcTerminalException;

    /** Connects to the card in the field. */
    Session connect() throws NfcTerminalException, CardGoneException;
  }

  /** A connection to one card, for one tap. */
  interface Session extends ApduChannel, AutoCloseable {
    @Override
    void close();
  }
}
