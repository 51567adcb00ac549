package com.stampcard.readers.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.ReaderFactory;
import com.stampcard.readers.camera.CameraException;
import com.stampcard.readers.camera.Cameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.nfc.SimulatedNfcTerminals;
import com.stampcard.readers.serial.jssc.JsscSerialPorts;
import com.stampcard.readers.testing.SocatPtyPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostic command against a real pty (jssc) and a simulated NFC reader. */
class ReaderDiagnosticsIT {
  @TempDir Path dir;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final SimulatedNfcTerminals pcsc = new SimulatedNfcTerminals();
  private final Cameras noCameras =
      new Cameras() {
        @Override
        public List<String> names() {
          return List.of();
        }

        @Override
        public Device open(String name, int width, int height) throws CameraException {
          throw new CameraException("none", null);
        }
      };
  private final ReaderDiagnostics diagnostics =
      new ReaderDiagnostics(
          new ReaderFactory(
              new JsscSerialPorts(),
              pcsc,
              noCameras,
              () -> new ZxingCodeFinder(false),
              Clock.systemUTC()),
          out,
          Clock.systemUTC());

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsDevicesWithTheirProblems() throws Exception {
    pcsc.serviceRunning(false);
    try (SocatPtyPair pty = new SocatPtyPair(dir).start()) {
      String real = pty.tillEnd().toRealPath().toString();
      assertThat(diagnostics.run(new String[] {"--list"}, System.in)).isZero();
      assertThat(output())
          .contains("SERIAL  " + real)
          .contains("not used unless given with --serial")
          .contains("problem: NFC: PC/SC service not running");
    }
  }

  @Test
  void echoesStatusAndReadsOfASerialScanner() throws Exception {
    String card = PrintedCard.fromSerial(9).number();
    try (SocatPtyPair pty = new SocatPtyPair(dir).start()) {
      AtomicInteger exit = new AtomicInteger(-1);
      Thread run =
          new Thread(
              () -> {
                try {
                  exit.set(
                      diagnostics.run(
                          new String[] {
                            "--serial",
                            pty.tillEnd() + ":9600:CR",
                            "--no-discover",
                            "--seconds",
                            "4"
                          },
                          System.in));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      run.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!output().contains("CONNECTED") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      pty.send((card + "\rhello\r").getBytes(StandardCharsets.US_ASCII));
      run.join(15_000);
      assertThat(exit).hasValue(0);
      assertThat(output())
          .contains("serial:" + pty.tillEnd() + "  CONNECTED")
          .contains("SCANNER \"" + card + "\" -> recognised: PrintedCard")
          .contains("SCANNER \"hello\" -> not a code: NOT_A_STAMPCARD_CODE");
    }
  }

  @Test
  void linesTypedIntoTheTerminalAreDecoded() throws Exception {
    String card = PrintedCard.fromSerial(10).number();
    var stdin = new ByteArrayInputStream((card + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(diagnostics.run(new String[] {"--stdin", "--no-discover", "--seconds", "1"}, stdin))
        .isZero();
    assertThat(output()).contains("stdin  SCANNER \"" + card + "\" -> recognised: PrintedCard");
  }

  @Test
  void badArgumentsPrintTheUsage() throws Exception {
    assertThat(diagnostics.run(new String[] {"--serial"}, System.in)).isEqualTo(2);
    assertThat(output()).contains("--serial needs a value").contains("Usage: reader-diagnostics");
  }
}
