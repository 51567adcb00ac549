package com.stampcard.server.sync;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells connected tills and customer apps that something changed, over server-sent events. A signal
 * carries no data: the till pulls. Signals that arrive while a fan-out is running fold into one
 * more fan-out, so a burst of pushes costs each client a few messages, not one per push. Threads:
 * {@link #changed} returns at once; sending runs on this object's own thread.
 */
public final class ChangeSignal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeSignal.class);

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "change-signal");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} on every change, on the caller's thread of {@link #changed}: it must
   * return at once (hand the work to a thread of its own).
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Keeps {@code client} until it disconnects. */
  public void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    client.sendEvent("hello", "{}");
  }

  public int connected() {
    return clients.size();
  }

  /** Something changed: every client hears it soon. */
  public void changed() {
    for (Runnable l : listeners) {
      l.run();
    }
    if (pending.compareAndSet(false, true)) {
      sender.execute(
          () -> {
            pending.set(false);
            for (SseClient client : clients) {
              send(client, "changed");
            }
          });
    }
  }

  /** A comment line to every client, so proxies keep idle streams open and dead ones are found. */
  public void heartbeat() {
    sender.execute(
        () -> {
          for (SseClient client : clients) {
            try {
              client.sendComment("heartbeat");
            } catch (RuntimeException e) {
              clients.remove(client);
            }
          }
        });
  }

  private void send(SseClient client, String event) {
    try {
      if (client.terminated()) {
        clients.remove(client);
      } else {
        client.sendEvent(event, "{}");
      }
    } catch (RuntimeException e) {
      LOG.debug("dropping a live client: {}", e.toString());
      clients.remove(client);
    }
  }

  @Override
  public void close() {
    sender.shutdown();
    for (SseClient client : clients) {
      try {
        client.close();
      } catch (RuntimeException e) {
        LOG.debug("closing a live client: {}", e.toString());
      }
    }
    try {
      sender.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
