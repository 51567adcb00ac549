package com.stampcard.readers;

import com.stampcard.readers.camera.CameraReader;
import com.stampcard.readers.camera.CameraReaderConfig;
import com.stampcard.readers.camera.Cameras;
import com.stampcard.readers.camera.CodeFinder;
import com.stampcard.readers.camera.webcam.WebcamCameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.nfc.NfcReader;
import com.stampcard.readers.nfc.NfcReaderConfig;
import com.stampcard.readers.nfc.NfcTerminals;
import com.stampcard.readers.nfc.pcsc.PcscTerminals;
import com.stampcard.readers.serial.SerialPorts;
import com.stampcard.readers.serial.SerialReader;
import com.stampcard.readers.serial.SerialReaderConfig;
import com.stampcard.readers.serial.jssc.JsscSerialPorts;
import com.stampcard.readers.wedge.WedgeConfig;
import com.stampcard.readers.wedge.fx.KeyboardWedgeReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds readers from configuration and from discovery, over the device ports it is given. The till
 * wires it once with {@link #forThisMachine}; tests give it simulators.
 */
public final class ReaderFactory {
  private final SerialPorts serial;
  private final NfcTerminals nfc;
  private final Cameras cameras;
  private final Supplier<CodeFinder> finders;
  private final Clock clock;

  public ReaderFactory(
      SerialPorts serial,
      NfcTerminals nfc,
      Cameras cameras,
      Supplier<CodeFinder> finders,
      Clock clock) {
    this.serial = Objects.requireNonNull(serial, "serial");
    this.nfc = Objects.requireNonNull(nfc, "nfc");
    this.cameras = Objects.requireNonNull(cameras, "cameras");
    this.finders = Objects.requireNonNull(finders, "finders");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The real adapters: jssc, the JDK's PC/SC, webcam-capture's default driver, zxing. */
  public static ReaderFactory forThisMachine(Clock clock, boolean tryHarder) {
    return new ReaderFactory(
        new JsscSerialPorts(),
        new PcscTerminals(),
        new WebcamCameras(),
        () -> new ZxingCodeFinder(tryHarder),
        clock);
  }

  public ReaderDiscovery discovery() {
    return new ReaderDiscovery(serial, nfc, cameras);
  }

  public SerialReader serial(SerialReaderConfig config) {
    return new SerialReader(config, serial, clock);
  }

  public NfcReader nfc(NfcReaderConfig config) {
    return new NfcReader(config, nfc, clock);
  }

  public CameraReader camera(CameraReaderConfig config) {
    return new CameraReader(config, cameras, finders, clock);
  }

  /** The keyboard wedge; the till attaches it to its window's scene. */
  public KeyboardWedgeReader wedge(WedgeConfig config) {
    return new KeyboardWedgeReader(config, clock);
  }

  /**
   * Every reader {@code config} asks for, plus, when it says so, one for each NFC reader and USB
   * serial port found now that is not configured. Cameras are only used when configured: opening
   * one lights it, and a till may have a camera for something else. Nothing is started.
   */
  public List<Reader> fromConfig(ReadersConfig config) {
    List<Reader> readers = new ArrayList<>();
    config.wedge().ifPresent(w -> readers.add(wedge(w)));
    Set<String> ports = new HashSet<>();
    for (SerialReaderConfig s : config.serial()) {
      readers.add(serial(s));
      ports.add(s.port());
    }
    Set<String> terminals = new HashSet<>(); // "" (the first reader) matches every name
    for (NfcReaderConfig n : config.nfc()) {
      readers.add(nfc(n));
      terminals.add(n.terminalName());
    }
    config.cameras().forEach(c -> readers.add(camera(c)));
    if (config.discover()) {
      ReaderDiscovery.Result found = discovery().discover();
      for (FoundDevice d : found.of(FoundDevice.Kind.NFC)) {
        String name = d.name().toLowerCase(Locale.ROOT);
        boolean configured =
            terminals.stream().anyMatch(t -> name.contains(t.toLowerCase(Locale.ROOT)));
        if (!configured) {
          readers.add(nfc(NfcReaderConfig.defaults(d.name())));
        }
      }
      for (FoundDevice d : found.of(FoundDevice.Kind.SERIAL)) {
        if (ReaderDiscovery.isUsbSerial(d.name()) && !ports.contains(d.name())) {
          readers.add(serial(SerialReaderConfig.defaults(d.name())));
        }
      }
    }
    return readers;
  }
}
