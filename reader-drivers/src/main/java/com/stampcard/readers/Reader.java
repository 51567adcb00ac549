package com.stampcard.readers;

/**
 * One customer-code reader at the counter: a keyboard-wedge scanner, a serial scanner, an NFC
 * reader or a camera. The till subscribes to its reads and watches its status.
 *
 * <p>Threads: {@link #start()} and {@link #stop()} return at once; the reader does its work on its
 * own thread(s) and calls listeners there, never on the JavaFX thread. A listener must hop to the
 * UI thread itself and must not block for long. A reader that loses its device (unplugged, port
 * gone, service stopped) reports {@link ReaderStatus.State#DISCONNECTED} or {@link
 * ReaderStatus.State#ERROR} and keeps trying until {@link #stop()}; when the device returns it
 * resumes by itself.
 */
public interface Reader extends AutoCloseable {

  /**
   * A stable id for this reader, used in reads, status and logs (for example {@code
   * serial:/dev/ttyACM0}).
   */
  String id();

  /** Begins reading. Idempotent. */
  void start();

  /** Stops reading and releases the device. Idempotent; the reader may be started again. */
  void stop();

  /** The status now. */
  ReaderStatus status();

  /** Delivers every read, a recognised code or not, to {@code listener} until cancelled. */
  Subscription subscribe(ReadListener listener);

  /**
   * Delivers every status change to {@code listener} until cancelled, starting with the status now.
   */
  Subscription watchStatus(StatusListener listener);

  @Override
  default void close() {
    stop();
  }
}
