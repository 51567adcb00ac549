package com.stampcard.readers.camera;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * A camera frame as luminance, one byte per pixel, row by row: what barcode decoding reads.
 *
 * @param width pixels per row
 * @param height rows
 * @param luminance {@code width * height} bytes, 0 black to 255 white
 */
public record GrayFrame(int width, int height, byte[] luminance) {
  public GrayFrame {
    if (luminance.length != width * height) {
      throw new IllegalArgumentException("luminance must be width * height bytes");
    }
  }

  /** The luminance of {@code image}, with fast paths for the types cameras deliver. */
  public static GrayFrame of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h];
    switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
          out[i] = luma(bgr[p + 2] & 0xFF, bgr[p + 1] & 0xFF, bgr[p] & 0xFF);
        }
      }
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) {
          int c = rgb[i];
          out[i] = luma((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
        }
      }
      case BufferedImage.TYPE_BYTE_GRAY -> {
        byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(gray, 0, out, 0, out.length);
      }
      default -> {
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
          image.getRGB(0, y, w, 1, row, 0, w);
          for (int x = 0; x < w; x++) {
            int c = row[x];
            out[y * w + x] = luma((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
          }
        }
      }
    }
    return new GrayFrame(w, h, out);
  }

  private static byte luma(int r, int g, int b) {
    return (byte) ((r * 77 + g * 150 + b * 29) >> 8); // BT.601 in integers
  }
}
