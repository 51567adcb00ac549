package com.stampcard.readers.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * A camera as configured for the till.
 *
 * @param cameraName part of the camera's name to match, case-insensitive; empty for the first
 * @param width frame width asked of the camera
 * @param height frame height asked of the camera
 * @param square the target square shown on the preview
 * @param tryHarder zxing's slower, more thorough search
 * @param forgetAfter how long a code must be out of sight before it counts again
 * @param previewFps preview frames a second handed to the UI
 * @param lostAfter how long without frames before the camera is taken as gone
 * @param retryInterval how often to look for the camera again
 */
public record CameraReaderConfig(
    String cameraName,
    int width,
    int height,
    TargetSquare square,
    boolean tryHarder,
    Duration forgetAfter,
    int previewFps,
    Duration lostAfter,
    Duration retryInterval) {

  public CameraReaderConfig {
    Objects.requireNonNull(cameraName, "cameraName");
    Objects.requireNonNull(square, "square");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    Objects.requireNonNull(lostAfter, "lostAfter");
    Objects.requireNonNull(retryInterval, "retryInterval");
    if (width < 16 || height < 16) {
      throw new IllegalArgumentException("frame size " + width + "x" + height + " is too small");
    }
    if (previewFps < 1 || previewFps > 60) {
      throw new IllegalArgumentException("preview rate must be 1 to 60 fps, not " + previewFps);
    }
  }

  /** 640×480, a square of 60% of the height, 1.5 s to forget a code, 15 preview fps. */
  public static CameraReaderConfig defaults(String cameraName) {
    return new CameraReaderConfig(
        cameraName,
        640,
        480,
        new TargetSquare(0.6),
        false,
        Duration.ofMillis(1500),
        15,
        Duration.ofSeconds(2),
        Duration.ofSeconds(1));
  }

  public CameraReaderConfig withSize(int w, int h) {
    return new CameraReaderConfig(
        cameraName, w, h, square, tryHarder, forgetAfter, previewFps, lostAfter, retryInterval);
  }

  public CameraReaderConfig withTimings(Duration lost, Duration retry) {
    return new CameraReaderConfig(
        cameraName, width, height, square, tryHarder, forgetAfter, previewFps, lost, retry);
  }
}
