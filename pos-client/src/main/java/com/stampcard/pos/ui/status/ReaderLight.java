package com.stampcard.pos.ui.status;

import com.stampcard.pos.ui.i18n.Msg;
import com.stampcard.readers.ReaderStatus;

/**
 * One reader on the status bar: its kind in words, its state, and the technical detail (for IT).
 */
public record ReaderLight(String readerId, Msg name, ReaderStatus.State state, String detail) {
  /** The kind of reader, from its id: {@code nfc:…}, {@code serial:…}, the keyboard wedge. */
  public static Msg nameOf(String readerId) {
    if (readerId.startsWith("nfc:")) {
      return Msg.of("ui.reader.nfc");
    }
    if (readerId.startsWith("serial:")) {
      return Msg.of("ui.reader.serial");
    }
    if (readerId.startsWith("camera") || readerId.startsWith("webcam")) {
      return Msg.of("ui.reader.camera");
    }
    return Msg.of("ui.reader.scanner");
  }
}
