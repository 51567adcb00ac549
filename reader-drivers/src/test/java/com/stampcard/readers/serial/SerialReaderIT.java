package com.stampcard.readers.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.serial.jssc.JsscSerialPorts;
import com.stampcard.readers.testing.Recorder;
import com.stampcard.readers.testing.SocatPtyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial reader through jssc on a real pseudo-terminal pair made by socat. */
class SerialReaderIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final String CARD_1 = PrintedCard.fromSerial(1).number();
  private static final String CARD_2 = PrintedCard.fromSerial(2).number();

  @TempDir Path dir;
  private SocatPtyPair pty;
  private SerialReader reader;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void startPty() throws Exception {
    pty = new SocatPtyPair(dir).start();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (reader != null) {
      reader.stop();
    }
    pty.close();
  }

  private void startReader(SerialReaderConfig config) throws InterruptedException {
    reader = new SerialReader(config, new JsscSerialPorts(), Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
  }

  private SerialReaderConfig config() {
    return SerialReaderConfig.defaults(pty.tillEnd().toString())
        .withRetryInterval(Duration.ofMillis(200));
  }

  @Test
  void linesArriveAsReadsOnTheReadersOwnThread() throws Exception {
    startReader(config());
    pty.send((CARD_1 + "\r").getBytes(StandardCharsets.US_ASCII));
    Read read = recorder.nextRead(WAIT);
    assertThat(read.raw()).isEqualTo(new RawInput.Text(CARD_1));
    assertThat(read.inputMethod()).isEqualTo(InputMethod.SCANNER);
    assertThat(read.readerId()).isEqualTo("serial:" + pty.tillEnd());
    assertThat(read.reading()).isEqualTo(new CodeReading.Recognised(PrintedCard.fromSerial(1)));
    assertThat(recorder.readThreads()).allMatch(n -> n.startsWith("serial-reader"));
  }

  @Test
  void aPtyRefusingLineSettingsIsAWarningNotAFailure() throws Exception {
    startReader(config());
    ReaderStatus s = reader.status();
    assertThat(s.state()).isEqualTo(ReaderStatus.State.CONNECTED);
    assertThat(s.detail()).contains("could not set 9600 8N1");
    pty.send((CARD_2 + "\r").getBytes(StandardCharsets.US_ASCII));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(CARD_2));
  }

  @Test
  void garbageAndOverlongLinesAreRejectedWithAReasonAndReadingGoesOn() throws Exception {
    startReader(config().withMaxLength(32));
    pty.send(new byte[] {0x31, (byte) 0xF7, 0x00, 0x0D});
    Read garbage = recorder.nextRead(WAIT);
    assertThat(garbage.reading())
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            n -> {
              assertThat(n.problem()).isEqualTo(CodeProblem.NOT_A_STAMPCARD_CODE);
              assertThat(n.detail()).contains("not US-ASCII text");
            });
    pty.send(("9".repeat(100) + "\r").getBytes(StandardCharsets.US_ASCII));
    Read overlong = recorder.nextRead(WAIT);
    assertThat(overlong.reading())
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            n -> {
              assertThat(n.problem()).isEqualTo(CodeProblem.TOO_LONG);
              assertThat(n.detail()).contains("more than 32 bytes with no CR");
            });
    pty.send("hello\r".getBytes(StandardCharsets.US_ASCII));
    Read notACode = recorder.nextRead(WAIT);
    assertThat(notACode.raw()).isEqualTo(new RawInput.Text("hello"));
    assertThat(((CodeReading.NotACode) notACode.reading()).problem())
        .isEqualTo(CodeProblem.NOT_A_STAMPCARD_CODE);
    pty.send((CARD_1 + "\r").getBytes(StandardCharsets.US_ASCII));
    assertThat(recorder.nextRead(WAIT).recognised()).isTrue();
  }

  @Test
  void aCodeWithoutItsSuffixIsReportedAfterTheLineGoesQuiet() throws Exception {
    startReader(config());
    pty.send(CARD_1.getBytes(StandardCharsets.US_ASCII));
    Read read = recorder.nextRead(WAIT);
    assertThat(((CodeReading.NotACode) read.reading()).detail())
        .contains("set the scanner's suffix to CR");
  }

  @Test
  void stxEtxFramingOverThePty() throws Exception {
    startReader(config().withFraming(Framing.stxEtx()));
    pty.send(("\u0002" + CARD_1 + "\u0003").getBytes(StandardCharsets.US_ASCII));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(CARD_1));
  }

  @Test
  void thePortVanishingAndReturningIsRecovered() throws Exception {
    startReader(config());
    pty.send((CARD_1 + "\r").getBytes(StandardCharsets.US_ASCII));
    recorder.nextRead(WAIT);

    pty.stop();
    ReaderStatus gone = recorder.awaitLatest(ReaderStatus.State.DISCONNECTED, WAIT);
    assertThat(gone.detail()).contains(pty.tillEnd().toString());

    pty.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pty.send((CARD_2 + "\r").getBytes(StandardCharsets.US_ASCII));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Text(CARD_2));
  }

  @Test
  void aPortThatIsNotThereYetIsWaitedFor() throws Exception {
    pty.stop();
    reader = new SerialReader(config(), new JsscSerialPorts(), Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
    ReaderStatus waiting =
        recorder.awaitStatus(s -> s.detail().contains("plug the scanner in"), WAIT);
    assertThat(waiting.state()).isEqualTo(ReaderStatus.State.DISCONNECTED);
    pty.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pty.send((CARD_1 + "\r").getBytes(StandardCharsets.US_ASCII));
    assertThat(recorder.nextRead(WAIT).recognised()).isTrue();
  }

  @Test
  void appCodesLongerThanAnyLineDefaultAreRead() throws Exception {
    startReader(config());
    String digits = AppCodeDigits.encode(AppCodeMaker.newPhone().firstUseAt(Instant.now()));
    pty.send((digits + "\r").getBytes(StandardCharsets.US_ASCII));
    Read read = recorder.nextRead(WAIT);
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.Recognised.class, r -> assertThat(r.code()).isInstanceOf(AppCode.class));
  }

  @Test
  void discoveryListsThePseudoTerminal() throws Exception {
    String real = pty.tillEnd().toRealPath().toString();
    assertThat(new JsscSerialPorts().portNames()).contains(real);
  }
}
