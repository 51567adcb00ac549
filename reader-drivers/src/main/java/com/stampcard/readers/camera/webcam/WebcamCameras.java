package com.stampcard.readers.camera.webcam;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import com.stampcard.readers.camera.CameraException;
import com.stampcard.readers.camera.Cameras;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Cameras through webcam-capture. The only class (with the file-fed driver) that sees its types.
 *
 * <p>webcam-capture keeps its driver in a static field: {@link #WebcamCameras(WebcamDriver)} sets
 * it for the whole JVM, before the first camera is listed. The default constructor keeps the
 * library's own driver (V4L on Linux, DirectShow on Windows, via BridJ).
 */
public final class WebcamCameras implements Cameras {
  private static final long LIST_TIMEOUT_MS = 5_000;

  /** Cameras through webcam-capture's default driver. */
  public WebcamCameras() {}

  /** Cameras through {@code driver}, which becomes webcam-capture's driver for this JVM. */
  public WebcamCameras(WebcamDriver driver) {
    Webcam.setDriver(driver);
  }

  @Override
  public List<String> names() throws CameraException {
    List<String> out = new ArrayList<>();
    for (Webcam w : webcams()) {
      out.add(w.getName());
    }
    return out;
  }

  @Override
  public Device open(String name, int width, int height) throws CameraException {
    Webcam webcam = null;
    for (Webcam w : webcams()) {
      if (w.getName().equals(name)) {
        webcam = w;
      }
    }
    if (webcam == null) {
      throw new CameraException("camera " + name + " not found: plug it in", null);
    }
    try {
      if (webcam.isOpen()) {
        webcam.close();
      }
      webcam.setViewSize(nearest(webcam.getViewSizes(), width, height));
      if (!webcam.open()) {
        throw new CameraException("camera " + name + " could not be opened", null);
      }
    } catch (WebcamException | IllegalArgumentException e) {
      throw new CameraException(
          "camera " + name + " could not be opened (in use by another program?): " + e.getMessage(),
          e);
    }
    return new WebcamDevice(webcam);
  }

  private static List<Webcam> webcams() throws CameraException {
    try {
      return Webcam.getWebcams(LIST_TIMEOUT_MS);
    } catch (TimeoutException | WebcamException e) {
      throw new CameraException(describe(e), e);
    }
  }

  /** The default driver's failure to load its native part says little; say what to install. */
  private static String describe(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof LinkageError || m.contains("Cannot execute task")) {
        return "the camera driver could not start: on Linux install libv4l-0"
            + " (apt-get install libv4l-0)";
      }
    }
    return "the cameras could not be listed: " + e.getMessage();
  }

  private static Dimension nearest(Dimension[] sizes, int width, int height) {
    Dimension best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Dimension d : sizes) {
      long distance = Math.abs((long) d.width * d.height - (long) width * height);
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("the camera offers no picture size");
    }
    return best;
  }

  private static final class WebcamDevice implements Device {
    private final Webcam webcam;

    WebcamDevice(Webcam webcam) {
      this.webcam = webcam;
    }

    @Override
    public BufferedImage grab() throws CameraException {
      if (!webcam.isOpen()) {
        throw new CameraException("camera " + webcam.getName() + " was closed", null);
      }
      try {
        return webcam.getImage();
      } catch (WebcamException e) {
        throw new CameraException("camera " + webcam.getName() + " has gone", e);
      }
    }

    @Override
    public void close() {
      try {
        webcam.close();
      } catch (WebcamException e) {
        // already gone
      }
    }
  }
}
