package com.stampcard.readers.camera;

import java.util.Optional;

/** Finds a barcode or QR code in a frame: the port for the decoding library. */
public interface CodeFinder {
  /**
   * The text of a code inside {@code area} of {@code frame}, or empty. Not thread-safe: one per
   * decoding thread.
   */
  Optional<String> find(GrayFrame frame, TargetSquare.Area area);
}
