package com.stampcard.pos.ui;

import com.stampcard.pos.readers.TillReaders;
import com.stampcard.readers.Reader;
import com.stampcard.readers.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Connects the readers to the screens: each read and each status change hops from the reader's
 * thread to the UI thread here, and nowhere else. Starts the readers on {@link #connect} and stops
 * them on {@link #close}.
 */
public final class ReaderHub implements AutoCloseable {
  private final TillReaders readers;
  private final Executor uiThread;
  private final List<Subscription> subscriptions = new ArrayList<>();

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
