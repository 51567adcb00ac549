package com.stampcard.readers.camera;

import java.awt.image.BufferedImage;
import java.util.List;

/** The machine's cameras: what there is, and opening one. The port for the camera adapter. */
public interface Cameras {

  /** The cameras present now, by name. */
  List<String> names() throws CameraException;

  /** Opens camera {@code name} at (or near) {@code width} × {@code height}. */
  Device open(String name, int width, int height) throws CameraException;

  /** One open camera. Used by one thread, the camera reader's grabber. */
  interface Device extends AutoCloseable {
    /**
     * The next frame, waiting for it as the camera's frame rate says; null when none came.
     *
     * @throws CameraException when the camera has gone
     */
    BufferedImage grab() throws CameraException;

    @Override
    void close();
  }
}
