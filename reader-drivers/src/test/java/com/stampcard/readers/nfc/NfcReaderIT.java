package com.stampcard.readers.nfc;

import static com.stampcard.readers.nfc.Cards.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.AppCode;
import com.stampcard.core.code.AppCodeDigits;
import com.stampcard.core.code.AppCodeMaker;
import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.InputMethod;
import com.stampcard.core.code.NfcCardUid;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.nfc.pcsc.PcscTerminals;
import com.stampcard.readers.testing.Pcscd;
import com.stampcard.readers.testing.Recorder;
import com.stampcard.readers.testing.VpcdCard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The NFC reader through javax.smartcardio, pcsc-lite's pcscd and vsmartcard's virtual reader, with
 * the card played by {@link VpcdCard}. pcscd notices a card about a second after it arrives.
 */
@ExtendWith(Pcscd.class)
class NfcReaderIT {
  private static final int VPCD_PORT = 35963;
  private static final String READER = "Virtual PCD 00 00";

  /** How long to wait for what must come: a bound for a loaded machine, not a timing target. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final byte[] TOKEN =
      AppCodeDigits.encode(AppCodeMaker.newPhone().firstUseAt(Instant.now()))
          .getBytes(StandardCharsets.US_ASCII);

  private final Recorder recorder = new Recorder();
  private NfcReader reader;
  private VpcdCard card;

  @BeforeEach
  void startReader() throws Exception {
    reader =
        new NfcReader(
            NfcReaderConfig.defaults(READER).withRetryInterval(Duration.ofMillis(200)),
            new PcscTerminals(),
            Clock.systemUTC());
    reader.subscribe(recorder);
    reader.watchStatus(recorder);
    reader.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
  }

  @AfterEach
  void stopReader() throws Exception {
    if (card != null) {
      card.remove();
      Thread.sleep(1500); // let pcscd see the field empty before the next test
    }
    reader.stop();
  }

  private Read tap(java.util.function.UnaryOperator<byte[]> behaviour) throws Exception {
    card = new VpcdCard(VPCD_PORT, behaviour).insert();
    return recorder.nextRead(WAIT);
  }

  @Test
  void plainCardIsReadByItsUid() throws Exception {
    byte[] uid = hex("04A2246A3B5E80");
    Read read = tap(Cards.plainCard(uid));
    assertThat(read.raw()).isEqualTo(new RawInput.Bytes(uid));
    assertThat(read.reading()).isEqualTo(new CodeReading.Recognised(NfcCardUid.ofUid(uid)));
    assertThat(read.inputMethod()).isEqualTo(InputMethod.NFC);
    assertThat(read.readerId()).isEqualTo("nfc:" + READER);
    assertThat(recorder.readThreads()).allMatch(n -> n.startsWith("nfc-reader"));
  }

  @Test
  void phoneAnswersTheSelectWithItsToken() throws Exception {
    Read read = tap(Cards.phone(TapProtocol.STAMPCARD_AID, TOKEN));
    assertThat(read.raw()).isEqualTo(new RawInput.Bytes(TOKEN));
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.Recognised.class, r -> assertThat(r.code()).isInstanceOf(AppCode.class));
  }

  @Test
  void phoneWithAnotherAppAnswersUnknownAidAndIsNotTakenByItsUid() throws Exception {
    Read read = tap(Cards.phone(hex("A0000000031010"), TOKEN));
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            n -> assertThat(n.problem()).isEqualTo(CodeProblem.NFC_UID_RANDOM));
  }

  @Test
  void cardRemovedMidReadGivesAReasonAndTheNextTapIsRead() throws Exception {
    Read read = tap(Cards.removedMidRead());
    assertThat(read.reading())
        .isInstanceOfSatisfying(
            CodeReading.NotACode.class,
            n -> {
              assertThat(n.problem()).isEqualTo(CodeProblem.EMPTY);
              assertThat(n.detail()).contains("taken away");
            });
    assertThat(reader.status().state()).isEqualTo(ReaderStatus.State.CONNECTED);
    card.remove();
    Thread.sleep(1500);
    byte[] uid = hex("04112233445566");
    assertThat(tap(Cards.plainCard(uid)).raw()).isEqualTo(new RawInput.Bytes(uid));
  }

  @Test
  void oneTapIsOneReadWhileTheCardStaysAndAnotherAfterItLeaves() throws Exception {
    byte[] uid = hex("04A2246A3B5E80");
    tap(Cards.plainCard(uid));
    assertThat(recorder.readsWithin(Duration.ofSeconds(3))).isEmpty();
    card.remove();
    Thread.sleep(1500);
    assertThat(tap(Cards.plainCard(uid)).raw()).isEqualTo(new RawInput.Bytes(uid));
  }

  @Test
  void serviceStoppingIsReportedPlainlyAndTheReaderComesBackWithIt(Pcscd.Daemon pcscd)
      throws Exception {
    recorder.clearStatuses();
    pcscd.stop();
    ReaderStatus down = recorder.awaitLatest(ReaderStatus.State.ERROR, WAIT);
    assertThat(down.detail()).contains("PC/SC service not running");
    pcscd.start();
    recorder.awaitLatest(ReaderStatus.State.CONNECTED, WAIT);
    byte[] uid = hex("04A2246A3B5E80");
    assertThat(tap(Cards.plainCard(uid)).raw()).isEqualTo(new RawInput.Bytes(uid));
  }
}
