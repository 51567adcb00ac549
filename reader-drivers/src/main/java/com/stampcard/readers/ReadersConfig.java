package com.stampcard.readers;

import com.stampcard.readers.camera.CameraReaderConfig;
import com.stampcard.readers.nfc.NfcReaderConfig;
import com.stampcard.readers.serial.SerialReaderConfig;
import com.stampcard.readers.wedge.WedgeConfig;
import java.util.List;
import java.util.Optional;

/**
 * Every reader of a till, as configured (the YAML is read elsewhere).
 *
 * @param wedge the keyboard-wedge scanner, if the till listens for one
 * @param serial serial scanners
 * @param nfc NFC readers
 * @param cameras cameras
 * @param discover also use NFC readers and USB serial scanners found at run time
 */
public record ReadersConfig(
    Optional<WedgeConfig> wedge,
    List<SerialReaderConfig> serial,
    List<NfcReaderConfig> nfc,
    List<CameraReaderConfig> cameras,
    boolean discover) {
  public ReadersConfig {
    serial = List.copyOf(serial);
    nfc = List.copyOf(nfc);
    cameras = List.copyOf(cameras);
  }
}
