package com.stampcard.pos.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a scene shows as a PNG under {@code target/screenshots}, for a person to look at. Call
 * on the UI thread.
 */
public final class Screenshots {
  private Screenshots() {}

  public static Path dir() {
    return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  }

  public static Path save(Scene scene, String name) {
    WritableImage image = scene.snapshot(null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    try {
      Files.createDirectories(dir());
      Path file = dir().resolve(name + ".png");
      ImageIO.write(out, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
