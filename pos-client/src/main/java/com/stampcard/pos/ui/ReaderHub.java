package com.stampcard.pos.ui;

import com.stampcard.pos.readers.TillReaders;
import com.stampcard.readers.Reader;
import com.stampcard.readers.Subscription;
import com.stampcard.readers.camera.PreviewFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connects the readers to the screens: each read and each status change hops from the reader's
 * thread to the UI thread here, and nowhere else. Starts the readers on {@link #connect} and stops
 * them on {@link #close}. Camera preview frames take the same single hop, coalesced to the latest.
 */
public final class ReaderHub implements AutoCloseable {
  private final TillReaders readers;
  private final Executor uiThread;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final AtomicReference<PreviewFrame> waitingFrame = new AtomicReference<>();

  public ReaderHub(TillReaders readers, Executor uiThread) {
    this.readers = readers;
    this.uiThread = uiThread;
  }

  /** Attaches the wedge to the window, subscribes, starts every reader. UI thread. */
  public void connect(TillWindow window) {
    readers.wedge().ifPresent(w -> w.attach(window.scene()));
    for (Reader reader : readers.all()) {
      subscriptions.add(reader.subscribe(read -> uiThread.execute(() -> window.read(read))));
      subscriptions.add(
          reader.watchStatus(status -> uiThread.execute(() -> window.readerStatus(status))));
      reader.start();
    }
    readers
        .camera()
        .ifPresent(
            camera -> {
              window.counterView().showCameraPreview();
              subscriptions.add(camera.watchPreview(frame -> latestFrame(frame, window)));
            });
  }

  /**
   * The newest preview frame goes to the UI thread in one hop; while one hop is on its way, newer
   * frames replace the waiting one, so a busy UI thread shows the latest frame and never queues.
   */
  private void latestFrame(PreviewFrame frame, TillWindow window) {
    if (waitingFrame.getAndSet(frame) == null) {
      uiThread.execute(
          () -> {
            PreviewFrame latest = waitingFrame.getAndSet(null);
            if (latest != null) {
              window.counterView().cameraPreview(latest);
            }
          });
    }
  }

  /** Stops the readers. UI thread. */
  @Override
  public void close() {
    subscriptions.forEach(Subscription::cancel);
    subscriptions.clear();
    readers.wedge().ifPresent(w -> w.detach());
    readers.all().forEach(Reader::stop);
  }
}
