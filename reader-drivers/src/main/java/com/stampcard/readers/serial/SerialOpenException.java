package com.stampcard.readers.serial;

/** A serial port could not be opened; {@link #reason()} says why in terms IT can act on. */
public final class SerialOpenException extends Exception {

  /** Why it failed, which decides between DISCONNECTED and ERROR. */
  public enum Reason {
    /** No such port now: unplugged, or not yet there. */
    NOT_FOUND,
    /** Another program has it open. */
    BUSY,
    /** The till's user may not open it. */
    PERMISSION_DENIED,
    /** Anything else the driver reported. */
    OTHER
  }

  private final Reason reason;

  public SerialOpenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
