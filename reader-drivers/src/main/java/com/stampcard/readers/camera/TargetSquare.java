package com.stampcard.readers.camera;

/**
 * The square shown on the till's camera preview, where the customer holds the code: centred, with a
 * side of {@code fraction} of the frame's shorter side.
 */
public record TargetSquare(double fraction) {
  public TargetSquare {
    if (!(fraction > 0.1 && fraction <= 1.0)) {
      throw new IllegalArgumentException("the square is 10% to 100% of the frame, not " + fraction);
    }
  }

  /** The square in a {@code width} × {@code height} frame. */
  public Area in(int width, int height) {
    int side = (int) Math.round(Math.min(width, height) * fraction);
    return new Area((width - side) / 2, (height - side) / 2, side, side);
  }

  /** A rectangle in frame pixels. */
  public record Area(int left, int top, int width, int height) {}
}
