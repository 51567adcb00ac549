package com.stampcard.readers;

/** Receives a reader's status changes, on the reader's own thread. */
@FunctionalInterface
public interface StatusListener {
  void onStatus(ReaderStatus status);
}
