package com.stampcard.readers.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Map;
import java.util.Random;

/**
 * Camera frames made for tests and benchmarks: a code drawn on a cluttered background, optionally
 * rotated, small, blurred or low in contrast. Deterministic for a given seed.
 */
public final class TestFrames {
  /** A printed label's white margin either side of a 1D code, in modules. */
  private static final Map<EncodeHintType, Object> QUIET = Map.of(EncodeHintType.MARGIN, 16);

  private TestFrames() {}

  /** A QR code with {@code modulePx} pixels a module and a 4-module quiet zone. */
  public static BufferedImage qr(String text, int modulePx) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
      return render(m, modulePx, modulePx);
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An EAN-13 with {@code modulePx} pixels a bar module, {@code heightPx} tall. */
  public static BufferedImage ean13(String digits, int modulePx, int heightPx) {
    return render(
        new EAN13Writer().encode(digits, BarcodeFormat.EAN_13, 0, 1, QUIET), modulePx, heightPx);
  }

  /** A Code128 with {@code modulePx} pixels a bar module, {@code heightPx} tall. */
  public static BufferedImage code128(String text, int modulePx, int heightPx) {
    return render(
        new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1, QUIET), modulePx, heightPx);
  }

  private static BufferedImage render(BitMatrix m, int modulePx, int rowPx) {
    boolean oneD = m.getHeight() == 1;
    int w = m.getWidth() * modulePx;
    int h = oneD ? rowPx : m.getHeight() * rowPx;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean black = m.get(x / modulePx, oneD ? 0 : y / rowPx);
        img.setRGB(x, y, black ? 0x000000 : 0xFFFFFF);
      }
    }
    return img;
  }

  /** How to put a code into a frame. */
  public record Shot(
      double centreX, double centreY, double degrees, int dark, int light, int blur, long seed) {

    /** Centred, upright, black on white, sharp. */
    public static Shot plain() {
      return new Shot(0.5, 0.5, 0, 0, 255, 0, 1);
    }

    public Shot at(double x, double y) {
      return new Shot(x, y, degrees, dark, light, blur, seed);
    }

    public Shot rotated(double deg) {
      return new Shot(centreX, centreY, deg, dark, light, blur, seed);
    }

    public Shot contrast(int d, int l) {
      return new Shot(centreX, centreY, degrees, d, l, blur, seed);
    }

    public Shot blurred(int kernel) {
      return new Shot(centreX, centreY, degrees, dark, light, kernel, seed);
    }
  }

  /** A {@code width} × {@code height} frame with {@code code} in it, as {@code shot} says. */
  public static BufferedImage frame(int width, int height, BufferedImage code, Shot shot) {
    BufferedImage f = background(width, height, shot.seed());
    if (code != null) {
      Graphics2D g = f.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.translate(width * shot.centreX(), height * shot.centreY());
      g.rotate(Math.toRadians(shot.degrees()));
      g.drawImage(
          contrast(code, shot.dark(), shot.light()),
          -code.getWidth() / 2,
          -code.getHeight() / 2,
          null);
      g.dispose();
    }
    if (shot.blur() > 1) {
      int k = shot.blur();
      float[] box = new float[k * k];
      java.util.Arrays.fill(box, 1f / (k * k));
      BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      new ConvolveOp(new Kernel(k, k, box), ConvolveOp.EDGE_NO_OP, null).filter(f, out);
      f = out;
    }
    return toBgr(f);
  }

  /** A frame with no code: a desk, a hand, a receipt. */
  public static BufferedImage empty(int width, int height, long seed) {
    return toBgr(background(width, height, seed));
  }

  private static BufferedImage background(int width, int height, long seed) {
    Random r = new Random(seed);
    BufferedImage f = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = f.createGraphics();
    for (int y = 0; y < height; y += 8) {
      int v = 90 + (60 * y) / height;
      g.setColor(new Color(v, v - 10, v - 20));
      g.fillRect(0, y, width, 8);
    }
    for (int i = 0; i < 25; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int w = 10 + r.nextInt(width / 4);
      int h = 10 + r.nextInt(height / 4);
      g.fillRect(r.nextInt(width), r.nextInt(height), w, h);
    }
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i < 6; i++) {
      g.drawString("RECEIPT 12.50 SEK  x" + r.nextInt(100), r.nextInt(width), r.nextInt(height));
    }
    g.dispose();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int c = f.getRGB(x, y);
        int n = r.nextInt(13) - 6; // sensor noise
        f.setRGB(
            x,
            y,
            clamp(((c >> 16) & 0xFF) + n) << 16
                | clamp(((c >> 8) & 0xFF) + n) << 8
                | clamp((c & 0xFF) + n));
      }
    }
    return f;
  }

  private static BufferedImage contrast(BufferedImage code, int dark, int light) {
    if (dark == 0 && light == 255) {
      return code;
    }
    BufferedImage out =
        new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < code.getHeight(); y++) {
      for (int x = 0; x < code.getWidth(); x++) {
        int v = (code.getRGB(x, y) & 0xFF) < 128 ? dark : light;
        out.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    return out;
  }

  private static BufferedImage toBgr(BufferedImage f) {
    BufferedImage out =
        new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(f, 0, 0, null);
    g.dispose();
    return out;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
