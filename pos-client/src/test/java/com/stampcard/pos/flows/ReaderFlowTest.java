package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.ledger.EventType;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The NFC reader on simulated PC/SC terminals, through the real NFC adapter. */
class ReaderFlowTest extends TillUiTest {
  private static final String READER = "ACS ACR122U 00 00";
  private static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};

  /** A plain NFC card: answers GET UID with its UID, and "not found" to anything else. */
  private static UnaryOperator<byte[]> plainCard(byte[] uid) {
    return command -> {
      if (Arrays.equals(command, GET_UID)) {
        byte[] answer = Arrays.copyOf(uid, uid.length + 2);
        answer[uid.length] = (byte) 0x90;
        return answer;
      }
      return new byte[] {0x6A, (byte) 0x82};
    };
  }

  @Test
  void aTappedCardIsStampedAndAnUnpluggedReaderSaysWhatToDo() throws Exception {
    start("--readers.nfc=" + READER);
    rig.nfc.plug(READER);
    logInAndChoose("anna", "1234", "coffee-card");
    until(() -> visible("#reader-nfc-ACS-ACR122U-00-00"));

    rig.nfc.tap(READER, plainCard(new byte[] {0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66}));
    until(() -> visible("#welcome"));
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
    rig.nfc.removeCard(READER);

    rig.nfc.unplug(READER);
    until(() -> visible("#banner"));
    assertThat(text("#banner")).startsWith("The reader \"NFC\" is not connected.");
    screenshot("15-nfc-reader-unplugged");

    rig.nfc.plug(READER);
    until(() -> !visible("#banner"));
  }
}
