package com.stampcard.readers.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** One open serial port. Used by one thread, the serial reader's. Closing twice is harmless. */
public interface SerialLink extends AutoCloseable {

  /**
   * Settings that could not be applied when the port was opened (a pty or some USB adapters refuse
   * them). The port still works; these are warnings to show, not failures.
   */
  List<String> warnings();

  /**
   * The bytes that arrive within {@code wait}; empty when none did.
   *
   * @throws IOException when the port has gone (unplugged, its pty closed)
   */
  byte[] read(Duration wait) throws IOException;

  @Override
  void close();
}
