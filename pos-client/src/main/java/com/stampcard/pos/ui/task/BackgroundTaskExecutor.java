package com.stampcard.pos.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The till's worker: one thread, so the store sees the till's work in the order the cashier did it.
 * A store call takes milliseconds; a PIN check (a slow hash on purpose) about half a second, during
 * which a read waits its turn.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BackgroundTaskExecutor.class.getName());

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "till-worker");
            t.setDaemon(true);
            return t;
          });
  private final Executor uiThread;

  BackgroundTaskExecutor(Executor uiThread) {
    this.uiThread = uiThread;
  }

  @Override
  public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
    worker.execute(
        () -> {
          T result;
          try {
            result = work.get();
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Till work failed", e);
            uiThread.execute(() -> failed.accept(e));
            return;
          }
          uiThread.execute(() -> done.accept(result));
        });
  }

  @Override
  public void onUiThread(Runnable action) {
    uiThread.execute(action);
  }

  /** Lets queued work finish (a stamp being committed), for up to five seconds. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
  }
}
