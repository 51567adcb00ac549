package com.stampcard.pos.readers;

import com.stampcard.readers.Reader;
import com.stampcard.readers.camera.CameraReader;
import com.stampcard.readers.camera.CameraReaderConfig;
import com.stampcard.readers.camera.Cameras;
import com.stampcard.readers.camera.webcam.WebcamCameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.nfc.NfcReader;
import com.stampcard.readers.nfc.NfcReaderConfig;
import com.stampcard.readers.nfc.NfcTerminals;
import com.stampcard.readers.nfc.pcsc.PcscTerminals;
import com.stampcard.readers.serial.SerialReader;
import com.stampcard.readers.serial.SerialReaderConfig;
import com.stampcard.readers.serial.jssc.JsscSerialPorts;
import com.stampcard.readers.wedge.WedgeConfig;
import com.stampcard.readers.wedge.fx.KeyboardWedgeReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The readers this till has, as configured: the keyboard-wedge scanner (listening to the till
 * window's keys), a serial scanner, a PC/SC NFC reader. Not started: {@link ReaderHub} starts them
 * once the screens are up.
 *
 * @param wedge the keyboard-wedge reader, to attach to the till window
 * @param camera the camera, whose preview the counter shows
 * @param all every reader, the wedge included
 */
public record TillReaders(
    Optional<KeyboardWedgeReader> wedge, Optional<CameraReader> camera, List<Reader> all) {
  public TillReaders {
    all = List.copyOf(all);
  }

  /** The readers of a till's configuration. */
  public static TillReaders of(ReaderSettings settings, Clock clock) {
    return of(settings, clock, new PcscTerminals(), new WebcamCameras());
  }

  /**
   * With {@code nfcTerminals} for the NFC reader and {@code cameras} for the camera (simulated ones
   * in tests and demos).
   */
  public static TillReaders of(
      ReaderSettings settings, Clock clock, NfcTerminals nfcTerminals, Cameras cameras) {
    List<Reader> all = new ArrayList<>();
    Optional<KeyboardWedgeReader> wedge = Optional.empty();
    if (settings.keyboardWedge()) {
      KeyboardWedgeReader w = new KeyboardWedgeReader(WedgeConfig.defaults(), clock);
      wedge = Optional.of(w);
      all.add(w);
    }
    if (!settings.serialPort().isEmpty()) {
      all.add(
          new SerialReader(
              SerialReaderConfig.defaults(settings.serialPort()), new JsscSerialPorts(), clock));
    }
    settings
        .nfcReader()
        .ifPresent(
            name -> all.add(new NfcReader(NfcReaderConfig.defaults(name), nfcTerminals, clock)));
    Optional<CameraReader> camera =
        settings
            .camera()
            .map(
                name ->
                    new CameraReader(
                        CameraReaderConfig.defaults(name),
                        cameras,
                        () -> new ZxingCodeFinder(false),
                        clock));
    camera.ifPresent(all::add);
    return new TillReaders(wedge, camera, all);
  }

  /**
   * Which readers to use.
   *
   * @param serialPort a serial scanner's port; empty for none
   * @param nfcReader a PC/SC reader's name, empty string for the first one found; absent for none
   * @param camera part of a camera's name, empty string for the first one found; absent for none
   */
  public record ReaderSettings(
      boolean keyboardWedge,
      String serialPort,
      Optional<String> nfcReader,
      Optional<String> camera) {}
}
