package com.stampcard.readers.camera;

/** Receives preview frames at a steady rate, on the camera's preview thread (never the UI's). */
@FunctionalInterface
public interface PreviewListener {
  void onPreview(PreviewFrame frame);
}
