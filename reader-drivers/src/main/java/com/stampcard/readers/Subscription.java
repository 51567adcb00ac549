package com.stampcard.readers;

/** A listener's registration; cancelling it stops the deliveries. Cancelling twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  void cancel();

  @Override
  default void close() {
    cancel();
  }
}
