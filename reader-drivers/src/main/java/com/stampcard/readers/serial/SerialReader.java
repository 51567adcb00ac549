package com.stampcard.readers.serial;

import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.Rejections;
import com.stampcard.readers.ThreadedReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scanner on a serial port (RS-232, or USB in CDC/virtual-COM mode). One thread per reader opens
 * the port, frames its bytes into lines, decodes each line and delivers the read. When the port
 * goes away the reader says so and reopens it as soon as it is back.
 */
public final class SerialReader extends ThreadedReader {
  private static final System.Logger LOG = System.getLogger(SerialReader.class.getName());
  private static final Duration POLL = Duration.ofMillis(50);

  private final SerialReaderConfig config;
  private final SerialPorts ports;

  public SerialReader(SerialReaderConfig config, SerialPorts ports, Clock clock) {
    super("serial:" + config.port(), clock);
    this.config = Objects.requireNonNull(config, "config");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  public SerialReaderConfig config() {
    return config;
  }

  @Override
  protected String threadName() {
    return "serial-reader " + config.port();
  }

  @Override
  protected void runLoop() {
    while (running()) {
      SerialLink link;
      try {
        link = ports.open(config.port(), config.settings());
      } catch (SerialOpenException e) {
        if (e.reason() == SerialOpenException.Reason.NOT_FOUND) {
          disconnected(e.getMessage() + ": plug the scanner in, or check the port name");
        } else {
          error(e.getMessage());
        }
        pause(config.retryInterval());
        continue;
      }
      try (link) {
        connected(String.join("; ", link.warnings()));
        readUntilGone(link);
      } catch (IOException e) {
        if (running()) {
          LOG.log(System.Logger.Level.INFO, "{0}: {1}", id(), e.getMessage());
          disconnected(config.port() + " has gone: waiting for it to come back");
          pause(config.retryInterval());
        }
      } catch (RuntimeException e) {
        // a reader thread must not die quietly: say so, and start over
        LOG.log(System.Logger.Level.ERROR, id() + " failed", e);
        error("serial reader failed: " + e + "; retrying");
        pause(config.retryInterval());
      }
    }
  }

  private void readUntilGone(SerialLink link) throws IOException {
    SerialFramer framer = new SerialFramer(config.framing(), config.charset(), config.maxLength());
    long lastByteAt = System.nanoTime();
    boolean waiting = false;
    while (running()) {
      byte[] data = link.read(POLL);
      long now = System.nanoTime();
      if (data.length > 0) {
        lastByteAt = now;
        waiting = true;
        deliver(framer.accept(data));
      } else if (waiting && now - lastByteAt >= config.idleTimeout().toNanos()) {
        waiting = false;
        deliver(framer.idle());
      }
    }
  }

  private void deliver(List<Frame> frames) {
    for (Frame f : frames) {
      publish(toRead(f));
    }
  }

  private Read toRead(Frame frame) {
    if (frame instanceof Frame.Line line) {
      CodeReading reading = CustomerCodes.fromText(line.text());
      return new Read(
          id(), InputMethod.SCANNER, clock.instant(), new RawInput.Text(line.text()), reading);
    }
    Frame.Rejected rejected = (Frame.Rejected) frame;
    return new Read(
        id(),
        InputMethod.SCANNER,
        clock.instant(),
        rejected.raw(),
        Rejections.notACode(problemOf(rejected.problem()), rejected.detail()));
  }

  private static CodeProblem problemOf(FramingProblem p) {
    return p == FramingProblem.OVERLONG ? CodeProblem.TOO_LONG : CodeProblem.NOT_A_STAMPCARD_CODE;
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      // stop() interrupts; the loop condition ends the thread
    }
  }
}
