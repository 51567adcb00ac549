package com.stampcard.readers.serial;

import java.util.List;

/** The machine's serial ports: what there is, and opening one. The port for the serial adapter. */
public interface SerialPorts {

  /** The serial ports present now, including pseudo-terminals, as names {@link #open} accepts. */
  List<String> portNames();

  /**
   * Opens {@code portName} for reading.
   *
   * @throws SerialOpenException when it is absent, busy or not allowed, with a reason to show
   */
  SerialLink open(String portName, SerialSettings settings) throws SerialOpenException;
}
