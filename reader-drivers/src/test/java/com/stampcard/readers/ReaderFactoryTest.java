package com.stampcard.readers;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.readers.camera.CameraException;
import com.stampcard.readers.camera.Cameras;
import com.stampcard.readers.camera.zxing.ZxingCodeFinder;
import com.stampcard.readers.nfc.NfcReaderConfig;
import com.stampcard.readers.nfc.SimulatedNfcTerminals;
import com.stampcard.readers.serial.SerialLink;
import com.stampcard.readers.serial.SerialOpenException;
import com.stampcard.readers.serial.SerialPorts;
import com.stampcard.readers.serial.SerialReaderConfig;
import com.stampcard.readers.serial.SerialSettings;
import com.stampcard.readers.wedge.WedgeConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReaderFactoryTest {
  private final SimulatedNfcTerminals pcsc = new SimulatedNfcTerminals();
  private final SerialPorts ports =
      new SerialPorts() {
        @Override
        public List<String> portNames() {
          return List.of("/dev/ttyS0", "/dev/ttyACM0", "/dev/ttyUSB1", "/dev/pts/3");
        }

        @Override
        public SerialLink open(String portName, SerialSettings settings)
            throws SerialOpenException {
          throw new SerialOpenException(SerialOpenException.Reason.NOT_FOUND, "fake", null);
        }
      };
  private final Cameras cameras =
      new Cameras() {
        @Override
        public List<String> names() {
          return List.of("Counter Cam");
        }

        @Override
        public Device open(String name, int width, int height) throws CameraException {
          throw new CameraException("fake", null);
        }
      };
  private final ReaderFactory factory =
      new ReaderFactory(ports, pcsc, cameras, () -> new ZxingCodeFinder(false), Clock.systemUTC());

  private static List<String> ids(List<Reader> readers) {
    return readers.stream().map(Reader::id).toList();
  }

  @Test
  void configuredReadersAreBuiltAndNothingElseWithoutDiscovery() {
    pcsc.plug("ACS ACR122U 00 00");
    ReadersConfig config =
        new ReadersConfig(
            Optional.of(WedgeConfig.defaults()),
            List.of(SerialReaderConfig.defaults("/dev/ttyS0")),
            List.of(),
            List.of(),
            false);
    assertThat(ids(factory.fromConfig(config)))
        .containsExactly("keyboard-wedge", "serial:/dev/ttyS0");
  }

  @Test
  void discoveryAddsNfcReadersAndUsbSerialPortsButNotBuiltInPortsOrCameras() {
    pcsc.plug("ACS ACR122U 00 00");
    pcsc.plug("Virtual PCD 00 00");
    ReadersConfig config =
        new ReadersConfig(
            Optional.empty(),
            List.of(SerialReaderConfig.defaults("/dev/ttyACM0")),
            List.of(NfcReaderConfig.defaults("ACR122")),
            List.of(),
            true);
    assertThat(ids(factory.fromConfig(config)))
        .containsExactly(
            "serial:/dev/ttyACM0", "nfc:ACR122", "nfc:Virtual PCD 00 00", "serial:/dev/ttyUSB1");
  }

  @Test
  void discoveryReportsWhatItCouldNotLookAt() {
    pcsc.serviceRunning(false);
    ReaderDiscovery.Result r = factory.discovery().discover();
    assertThat(r.of(FoundDevice.Kind.SERIAL)).hasSize(4);
    assertThat(r.of(FoundDevice.Kind.CAMERA))
        .containsExactly(new FoundDevice(FoundDevice.Kind.CAMERA, "Counter Cam"));
    assertThat(r.problems()).singleElement().asString().contains("PC/SC service not running");
  }
}
