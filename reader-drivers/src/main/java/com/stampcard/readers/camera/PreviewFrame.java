package com.stampcard.readers.camera;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;

/**
 * A frame for the till's camera preview, with the target square to draw over it.
 *
 * @param width pixels per row
 * @param height rows
 * @param argb the pixels as ARGB ints, row by row (for a JavaFX PixelWriter); owned by the receiver
 * @param square where the customer should hold the code
 * @param capturedAt when the camera delivered the frame
 */
public record PreviewFrame(
    int width, int height, int[] argb, TargetSquare.Area square, Instant capturedAt) {

  /** The pixels of {@code image} as opaque ARGB, with a fast path for cameras' BGR frames. */
  public static int[] argbOf(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      int[] out = new int[w * h];
      for (int i = 0, p = 0; i < out.length; i++, p += 3) {
        out[i] =
            0xFF000000 | (bgr[p + 2] & 0xFF) << 16 | (bgr[p + 1] & 0xFF) << 8 | (bgr[p] & 0xFF);
      }
      return out;
    }
    return image.getRGB(0, 0, w, h, null, 0, w);
  }
}
