package com.stampcard.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between tills and a server that can cut the network: {@link #cut()}
 * closes every connection and refuses new ones until {@link #restore()}; {@link #delay} holds every
 * chunk for a while; {@link #repeatRequests} delivers every request twice, the second time on a
 * connection of its own a while later, whose answers nobody reads.
 */
final class FaultProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;
  private volatile long delayMillis;
  private volatile long repeatAfterMillis = -1;
  private final java.util.concurrent.atomic.AtomicInteger repeated =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.ScheduledExecutorService repeater =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fault-proxy-repeat");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;

  FaultProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::accept, "fault-proxy");
    t.setDaemon(true);
    t.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  void cut() {
    cut = true;
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  void restore() {
    cut = false;
  }

  void delay(long millis) {
    delayMillis = millis;
  }

  /** From now on every byte a client sends reaches the server again, {@code millis} later. */
  void repeatRequests(long millis) {
    repeatAfterMillis = millis;
  }

  /** How many chunks of requests reached the server a second time. */
  int repeated() {
    return repeated.get();
  }

  private void accept() {
    while (running) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(server);
        Socket shadow = null;
        if (repeatAfterMillis >= 0) {
          shadow = new Socket(InetAddress.getLoopbackAddress(), target);
          open.add(shadow);
          drain(shadow);
        }
        pipe(client, server, shadow);
        pipe(server, client, null);
      } catch (IOException e) {
        if (!running) {
          return;
        }
      }
    }
  }

  private void pipe(Socket from, Socket to, Socket shadow) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0 && !cut) {
                  long d = delayMillis;
                  if (d > 0) {
                    Thread.sleep(d);
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                  if (shadow != null) {
                    byte[] again = java.util.Arrays.copyOf(buffer, n);
                    repeater.schedule(
                        () -> {
                          try {
                            shadow.getOutputStream().write(again);
                            shadow.getOutputStream().flush();
                            repeated.incrementAndGet();
                          } catch (IOException closed) {
                            // the repeat's connection is gone: the repeat is lost, like the network
                          }
                        },
                        repeatAfterMillis,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                  }
                }
              } catch (IOException | InterruptedException e) {
                // the other side or a cut closed it
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
                if (shadow != null && !repeater.isShutdown()) {
                  // after the repeats still waiting have gone out
                  repeater.schedule(
                      () -> closeQuietly(shadow),
                      repeatAfterMillis + 2000,
                      java.util.concurrent.TimeUnit.MILLISECONDS);
                }
              }
            },
            "fault-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  /** Reads and drops what the server answers on a repeat's connection. */
  private void drain(Socket s) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = s.getInputStream()) {
                while (in.read(buffer) >= 0) {
                  // nobody waits for a repeat's answer
                }
              } catch (IOException closed) {
                // done
              } finally {
                closeQuietly(s);
                open.remove(s);
              }
            },
            "fault-proxy-drain");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    cut();
    repeater.shutdownNow();
    listener.close();
  }
}
