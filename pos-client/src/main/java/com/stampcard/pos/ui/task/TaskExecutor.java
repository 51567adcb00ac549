package com.stampcard.pos.ui.task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a view model's service calls off the UI thread and hands the result back on it.
 *
 * <p>Threads: {@code work} runs on the executor's worker thread, one call after another in the
 * order they were given (so two reads are never stamped out of order); {@code done} and {@code
 * failed} run on the UI thread. This is the one place where work hops back to the UI thread.
 */
public interface TaskExecutor {
  <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed);

  /** Runs {@code action} on the UI thread, after what is already queued there. */
  void onUiThread(Runnable action);

  /** Runs everything at once on the calling thread: for view model tests without a toolkit. */
  static TaskExecutor sameThread() {
    return new TaskExecutor() {
      @Override
      public <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        T result;
        try {
          result = work.get();
        } catch (RuntimeException e) {
          failed.accept(e);
          return;
        }
        done.accept(result);
      }

      @Override
      public void onUiThread(Runnable action) {
        action.run();
      }
    };
  }

  /** A single worker thread; results go to the UI thread through {@code uiThread}. */
  static BackgroundTaskExecutor background(Executor uiThread) {
    return new BackgroundTaskExecutor(uiThread);
  }
}
