package com.stampcard.readers.serial.jssc;

import com.stampcard.readers.serial.SerialLink;
import com.stampcard.readers.serial.SerialOpenException;
import com.stampcard.readers.serial.SerialPorts;
import com.stampcard.readers.serial.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortList;

/** Serial ports through jssc. The only class that sees jssc types. */
public final class JsscSerialPorts implements SerialPorts {
  private static final Pattern PTS = Pattern.compile("[0-9]+");
  private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

  @Override
  public List<String> portNames() {
    Set<String> names = new LinkedHashSet<>(List.of(SerialPortList.getPortNames()));
    if (Files.isDirectory(Path.of("/dev/pts"))) {
      // jssc's default listing leaves out pseudo-terminals; socat and some bridges make those
      names.addAll(List.of(SerialPortList.getPortNames("/dev/pts/", PTS)));
    }
    return new ArrayList<>(names);
  }

  @Override
  public SerialLink open(String portName, SerialSettings settings) throws SerialOpenException {
    if (!isWindowsName(portName) && !Files.exists(Path.of(portName))) {
      throw new SerialOpenException(
          SerialOpenException.Reason.NOT_FOUND, portName + " is not there", null);
    }
    SerialPort port = new SerialPort(portName);
    try {
      port.openPort();
    } catch (SerialPortException e) {
      throw translate(portName, e);
    }
    List<String> warnings = new ArrayList<>();
    try {
      if (!port.setParams(
          settings.baudRate(), settings.dataBits(), stopBits(settings), parity(settings))) {
        warnings.add(
            "could not set "
                + settings
                + " on "
                + portName
                + " (normal on a pseudo-terminal; on a real port check the adapter's driver)");
      }
    } catch (SerialPortException e) {
      warnings.add("could not set " + settings + " on " + portName + ": " + e.getExceptionType());
    }
    try {
      // some scanners only send while DTR/RTS are up; a pty refuses the modem-line calls
      if (!port.setDTR(true) || !port.setRTS(true)) {
        warnings.add("could not raise DTR/RTS on " + portName);
      }
    } catch (SerialPortException e) {
      warnings.add("could not raise DTR/RTS on " + portName + ": " + e.getExceptionType());
    }
    return new JsscLink(portName, port, List.copyOf(warnings));
  }

  private static boolean isWindowsName(String portName) {
    return portName.toUpperCase(java.util.Locale.ROOT).startsWith("COM");
  }

  private static SerialOpenException translate(String portName, SerialPortException e) {
    String type = String.valueOf(e.getExceptionType());
    if (SerialPortException.TYPE_PORT_NOT_FOUND.equals(type)) {
      return new SerialOpenException(
          SerialOpenException.Reason.NOT_FOUND, portName + " is not there", e);
    }
    if (SerialPortException.TYPE_PORT_BUSY.equals(type)) {
      return new SerialOpenException(
          SerialOpenException.Reason.BUSY,
          portName + " is in use by another program: close it (or its other till instance)",
          e);
    }
    if (SerialPortException.TYPE_PERMISSION_DENIED.equals(type)) {
      return new SerialOpenException(
          SerialOpenException.Reason.PERMISSION_DENIED,
          "permission denied on "
              + portName
              + ": add the till's user to the dialout group or install the udev rule",
          e);
    }
    return new SerialOpenException(
        SerialOpenException.Reason.OTHER, "could not open " + portName + ": " + type, e);
  }

  private static int stopBits(SerialSettings s) {
    return s.stopBits() == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1;
  }

  private static int parity(SerialSettings s) {
    return switch (s.parity()) {
      case NONE -> SerialPort.PARITY_NONE;
      case ODD -> SerialPort.PARITY_ODD;
      case EVEN -> SerialPort.PARITY_EVEN;
    };
  }

  private static final class JsscLink implements SerialLink {
    private final String portName;
    private final SerialPort port;
    private final List<String> warnings;
    private final Path device;

    JsscLink(String portName, SerialPort port, List<String> warnings) {
      this.portName = portName;
      this.port = port;
      this.warnings = warnings;
      this.device = isWindowsName(portName) ? null : Path.of(portName);
    }

    @Override
    public List<String> warnings() {
      return warnings;
    }

    @Override
    public byte[] read(Duration wait) throws IOException {
      long deadline = System.nanoTime() + wait.toNanos();
      try {
        while (true) {
          int available = port.getInputBufferBytesCount();
          if (available < 0) {
            throw new IOException(portName + " has gone");
          }
          if (available > 0) {
            byte[] data = port.readBytes(available);
            return data == null ? new byte[0] : data;
          }
          // an unplugged USB port, or a closed pty, leaves no device node behind
          if (device != null && !Files.exists(device)) {
            throw new IOException(portName + " has gone");
          }
          if (System.nanoTime() >= deadline) {
            return new byte[0];
          }
          Thread.sleep(Duration.ofNanos(POLL_NANOS).toMillis());
        }
      } catch (SerialPortException e) {
        throw new IOException(portName + " has gone: " + e.getExceptionType(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + portName, e);
      }
    }

    @Override
    public void close() {
      try {
        if (port.isOpened()) {
          port.closePort();
        }
      } catch (SerialPortException e) {
        // the port is already gone; nothing more to release
      }
    }
  }
}
