package com.stampcard.readers.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that runs pcscd (with vsmartcard's virtual readers) as a child process of the
 * test JVM, once for all test classes, and ends it when the tests are done. If a pcscd is already
 * running, the tests use it, and it is theirs to restart only if they started it.
 */
public final class Pcscd implements BeforeAllCallback, ParameterResolver {
  private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
  private static final Path VPCD_CONF = Path.of("/etc/reader.conf.d/vpcd");

  @Override
  public void beforeAll(ExtensionContext context) {
    daemon(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Daemon.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return daemon(e);
  }

  private static Daemon daemon(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Daemon.class, k -> Daemon.startIfNeeded(), Daemon.class);
  }

  /** The pcscd the tests use. */
  public static final class Daemon implements ExtensionContext.Store.CloseableResource {
    private Process process;
    private final boolean ours;

    private Daemon(Process process) {
      this.process = process;
      this.ours = process != null;
    }

    static Daemon startIfNeeded() {
      if (!Files.exists(VPCD_CONF)) {
        throw new IllegalStateException(
            "vsmartcard-vpcd is not installed (no " + VPCD_CONF + "): run build/install-test-deps");
      }
      if (Files.exists(SOCKET) && running()) {
        requireVirtualReaders();
        return new Daemon(null);
      }
      Daemon d = new Daemon(launch());
      return d;
    }

    /** pcscd reads reader.conf.d only when it starts: one started before vpcd has no readers. */
    private static void requireVirtualReaders() {
      try {
        boolean found =
            javax.smartcardio.TerminalFactory.getInstance("PC/SC", null).terminals().list().stream()
                .anyMatch(t -> t.getName().startsWith("Virtual PCD"));
        if (!found) {
          throw new IllegalStateException(
              "pcscd is running without vsmartcard's virtual readers (it started before"
                  + " vsmartcard-vpcd was installed): restart pcscd and run the tests again");
        }
      } catch (java.security.GeneralSecurityException | javax.smartcardio.CardException e) {
        throw new IllegalStateException("the running pcscd does not answer: " + e, e);
      }
    }

    private static boolean running() {
      try {
        return new ProcessBuilder("pidof", "pcscd").start().waitFor() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private static Process launch() {
      try {
        // -Dpcscd.log=FILE keeps pcscd's debug log, for finding out what vpcd did
        String log = System.getProperty("pcscd.log", "");
        ProcessBuilder pb =
            log.isEmpty()
                ? new ProcessBuilder("pcscd", "--foreground")
                : new ProcessBuilder("pcscd", "--foreground", "--debug");
        Process p =
            pb.redirectErrorStream(true)
                .redirectOutput(
                    log.isEmpty()
                        ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.appendTo(new java.io.File(log)))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(SOCKET)) {
          if (!p.isAlive() || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "pcscd did not start (is it installed? run build/install-test-deps)");
          }
          Thread.sleep(50);
        }
        Thread.sleep(300); // let it load the vpcd driver and open its ports
        return p;
      } catch (IOException e) {
        throw new IllegalStateException("cannot run pcscd: run build/install-test-deps", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Stops the pcscd these tests started, as when the service dies on a till. */
    public void stop() throws InterruptedException {
      if (!ours) {
        throw new IllegalStateException(
            "pcscd was started outside the tests, so they will not stop it: stop it and run again");
      }
      process.destroy();
      process.waitFor();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (Files.exists(SOCKET) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    /** Starts it again after {@link #stop()}. */
    public void start() {
      process = launch();
    }

    @Override
    public void close() throws InterruptedException {
      if (ours && process != null && process.isAlive()) {
        process.destroy();
        process.waitFor();
      }
    }
  }
}
