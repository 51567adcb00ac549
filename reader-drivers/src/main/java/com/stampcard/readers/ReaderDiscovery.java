package com.stampcard.readers;

import com.stampcard.readers.camera.CameraException;
import com.stampcard.readers.camera.Cameras;
import com.stampcard.readers.nfc.NfcServiceException;
import com.stampcard.readers.nfc.NfcTerminals;
import com.stampcard.readers.serial.SerialPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the devices that could be readers: serial ports (pseudo-terminals too), PC/SC readers and
 * cameras. What cannot be looked at (the PC/SC service down, say) is reported, not thrown.
 */
public final class ReaderDiscovery {
  private final SerialPorts serial;
  private final NfcTerminals nfc;
  private final Cameras cameras;

  public ReaderDiscovery(SerialPorts serial, NfcTerminals nfc, Cameras cameras) {
    this.serial = Objects.requireNonNull(serial, "serial");
    this.nfc = Objects.requireNonNull(nfc, "nfc");
    this.cameras = Objects.requireNonNull(cameras, "cameras");
  }

  /** What discovery saw, and what it could not look at. */
  public record Result(List<FoundDevice> devices, List<String> problems) {
    public Result {
      devices = List.copyOf(devices);
      problems = List.copyOf(problems);
    }

    public List<FoundDevice> of(FoundDevice.Kind kind) {
      return devices.stream().filter(d -> d.kind() == kind).toList();
    }
  }

  public Result discover() {
    List<FoundDevice> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      serial.portNames().forEach(n -> found.add(new FoundDevice(FoundDevice.Kind.SERIAL, n)));
    } catch (RuntimeException e) {
      problems.add("serial ports: " + e.getMessage());
    }
    try {
      nfc.names().forEach(n -> found.add(new FoundDevice(FoundDevice.Kind.NFC, n)));
    } catch (NfcServiceException e) {
      problems.add("NFC: " + e.getMessage());
    }
    try {
      cameras.names().forEach(n -> found.add(new FoundDevice(FoundDevice.Kind.CAMERA, n)));
    } catch (CameraException e) {
      problems.add("cameras: " + e.getMessage());
    }
    return new Result(found, problems);
  }

  /** True for the serial ports a USB scanner makes (CDC ACM or a USB serial adapter). */
  public static boolean isUsbSerial(String portName) {
    return portName.startsWith("/dev/ttyACM")
        || portName.startsWith("/dev/ttyUSB")
        || portName.startsWith("/dev/serial/by-id/");
  }
}
