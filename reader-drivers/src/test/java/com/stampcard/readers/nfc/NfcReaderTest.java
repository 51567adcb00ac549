package com.stampcard.readers.nfc;

import static com.stampcard.readers.nfc.Cards.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.testing.Recorder;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NFC reader's own logic against the simulated PC/SC service. */
class NfcReaderTest {
  /** How long to wait for what must come: a bound for a loaded machine, not a timing target. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String NAME = "ACS ACR122U PICC Interface 00 00";
  private final SimulatedNfcTerminals pcsc = new SimulatedNfcTerminals();
  private final Recorder recorder = new Recorder();
  private NfcReader reader;

  private void start(String configured) throws InterruptedException {
    reader =
        new NfcReader(
            NfcReaderConfig.defaults(configured).withRetryInterval(Duration.ofMillis(50)),
            pcsc,
            Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
  }

  /** A card taken away and tapped again is out of the field for a moment, never for no time. */
  private static void awayLongEnoughToSee() throws InterruptedException {
    Thread.sleep(200);
  }

  @AfterEach
  void stop() {
    reader.stop();
  }

  @Test
  void oneTapIsOneReadHoweverLongTheCardStays() throws Exception {
    pcsc.plug(NAME);
    start("acr122");
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    byte[] uid = hex("04 A2 24 6A 3B 5E 80");
    pcsc.tap(NAME, Cards.plainCard(uid));
    Read read = recorder.nextRead(WAIT);
    assertThat(read.raw()).isEqualTo(new RawInput.Bytes(uid));
    assertThat(read.recognised()).isTrue();
    assertThat(read.inputMethod()).isEqualTo(InputMethod.NFC);
    assertThat(recorder.readsWithin(Duration.ofMillis(800))).isEmpty();
    pcsc.removeCard(NAME);
    awayLongEnoughToSee();
    pcsc.tap(NAME, Cards.plainCard(uid));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Bytes(uid));
    assertThat(recorder.readThreads()).allMatch(n -> n.startsWith("nfc-reader"));
  }

  @Test
  void readerUnpluggedAndPluggedBackResumes() throws Exception {
    pcsc.plug(NAME);
    start("");
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pcsc.unplug(NAME);
    ReaderStatus gone = recorder.awaitLatest(ReaderStatus.State.DISCONNECTED, WAIT);
    assertThat(gone.detail()).contains("no NFC reader connected");
    pcsc.plug(NAME);
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pcsc.tap(NAME, Cards.phone(TapProtocol.STAMPCARD_AID, hex("0102030405")));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Bytes(hex("0102030405")));
  }

  @Test
  void otherReadersAreIgnoredWhenOneIsNamed() throws Exception {
    pcsc.plug("Some Contact Reader 00 00");
    start("acr122");
    ReaderStatus s =
        recorder.awaitStatus(st -> st.detail().contains("\"acr122\" not connected"), WAIT);
    assertThat(s.state()).isEqualTo(ReaderStatus.State.DISCONNECTED);
    pcsc.plug(NAME);
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
  }

  @Test
  void serviceStoppingIsAnErrorUntilItReturns() throws Exception {
    pcsc.plug(NAME);
    start("");
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pcsc.serviceRunning(false);
    ReaderStatus s = recorder.awaitLatest(ReaderStatus.State.ERROR, WAIT);
    assertThat(s.detail()).contains("PC/SC service not running");
    pcsc.serviceRunning(true);
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
  }

  @Test
  void cardTakenAwayMidReadGivesAReasonAndTheNextTapWorks() throws Exception {
    pcsc.plug(NAME);
    start("");
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    pcsc.tap(NAME, Cards.removedMidRead());
    Read read = recorder.nextRead(WAIT);
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            n -> {
              assertThat(n.problem()).isEqualTo(CodeProblem.EMPTY);
              assertThat(n.detail()).contains("hold it still");
            });
    awayLongEnoughToSee();
    pcsc.tap(NAME, Cards.plainCard(hex("04112233445566")));
    assertThat(recorder.nextRead(WAIT).raw()).isEqualTo(new RawInput.Bytes(hex("04112233445566")));
  }
}
