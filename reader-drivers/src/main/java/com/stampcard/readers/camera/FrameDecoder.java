package com.stampcard.readers.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * Decodes a frame the way the cashier expects: inside the target square first (where the code
 * should be, and a quarter of the pixels), then the whole frame.
 */
public final class FrameDecoder {
  private final CodeFinder finder;
  private final TargetSquare square;
  private final boolean squareFirst;

  /**
   * @param squareFirst false to search only the whole frame (for comparison in the benchmark)
   */
  public FrameDecoder(CodeFinder finder, TargetSquare square, boolean squareFirst) {
    this.finder = Objects.requireNonNull(finder, "finder");
    this.square = Objects.requireNonNull(square, "square");
    this.squareFirst = squareFirst;
  }

  public Optional<String> decode(GrayFrame frame) {
    TargetSquare.Area whole = new TargetSquare.Area(0, 0, frame.width(), frame.height());
    if (squareFirst) {
      Optional<String> inSquare = finder.find(frame, square.in(frame.width(), frame.height()));
      if (inSquare.isPresent()) {
        return inSquare;
      }
    }
    return finder.find(frame, whole);
  }
}
