package com.stampcard.readers.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two linked pseudo-terminals made by socat, as a child process: what is written to one end comes
 * out of the other, as over a null-modem cable. {@link #stop()} makes both ends vanish like an
 * unplugged USB scanner; {@link #start()} brings them back under the same link names.
 */
public final class SocatPtyPair implements AutoCloseable {
  private final Path scannerEnd;
  private final Path tillEnd;
  private Process socat;

  public SocatPtyPair(Path dir) {
    this.scannerEnd = dir.resolve("ttyScanner");
    this.tillEnd = dir.resolve("ttyTill");
  }

  /** The end a scanner writes to. */
  public Path scannerEnd() {
    return scannerEnd;
  }

  /** The end the till's reader opens. */
  public Path tillEnd() {
    return tillEnd;
  }

  public SocatPtyPair start() throws IOException, InterruptedException {
    socat =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + tillEnd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!(Files.exists(scannerEnd) && Files.exists(tillEnd))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "socat did not make the pty pair (is socat installed? build/install-test-deps)");
      }
      Thread.sleep(20);
    }
    return this;
  }

  /** Writes {@code data} as the scanner would. */
  public void send(byte[] data) throws IOException {
    try (OutputStream out = Files.newOutputStream(scannerEnd)) {
      out.write(data);
      out.flush();
    }
  }

  /** Ends socat, and with it both ptys. */
  public void stop() {
    if (socat != null) {
      socat.destroy();
      try {
        socat.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      socat = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
