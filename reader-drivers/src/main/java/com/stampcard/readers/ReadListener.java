package com.stampcard.readers;

/** Receives reads, on the reader's own thread. */
@FunctionalInterface
public interface ReadListener {
  void onRead(Read read);
}
