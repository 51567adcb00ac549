package com.stampcard.readers.serial;

import com.stampcard.core.code.CustomerCodes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A serial scanner as configured for the till.
 *
 * @param port the port name ({@code /dev/ttyACM0}, {@code /dev/serial/by-id/…}, {@code COM3})
 * @param settings baud rate and line settings
 * @param framing where codes end
 * @param charset the scanner's character set
 * @param maxLength the longest line accepted, in bytes
 * @param idleTimeout how long an unfinished line may wait for its end marker
 * @param retryInterval how often to look for the port again when it is gone
 */
public record SerialReaderConfig(
    String port,
    SerialSettings settings,
    Framing framing,
    Charset charset,
    int maxLength,
    Duration idleTimeout,
    Duration retryInterval) {

  public SerialReaderConfig {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(retryInterval, "retryInterval");
    if (port.isBlank()) {
      throw new IllegalArgumentException("serial port name is empty");
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive");
    }
  }

  /**
   * 9600 8N1, CR, US-ASCII, lines up to 256 bytes, 300 ms for a line's end, 1 s between retries.
   */
  public static SerialReaderConfig defaults(String port) {
    return new SerialReaderConfig(
        port,
        SerialSettings.eightNone1(9600),
        Framing.cr(),
        StandardCharsets.US_ASCII,
        CustomerCodes.LONGEST_INPUT,
        Duration.ofMillis(300),
        Duration.ofSeconds(1));
  }

  public SerialReaderConfig withBaudRate(int baudRate) {
    return new SerialReaderConfig(
        port,
        new SerialSettings(baudRate, settings.dataBits(), settings.stopBits(), settings.parity()),
        framing,
        charset,
        maxLength,
        idleTimeout,
        retryInterval);
  }

  public SerialReaderConfig withFraming(Framing f) {
    return new SerialReaderConfig(
        port, settings, f, charset, maxLength, idleTimeout, retryInterval);
  }

  public SerialReaderConfig withCharset(Charset c) {
    return new SerialReaderConfig(
        port, settings, framing, c, maxLength, idleTimeout, retryInterval);
  }

  public SerialReaderConfig withMaxLength(int m) {
    return new SerialReaderConfig(port, settings, framing, charset, m, idleTimeout, retryInterval);
  }

  public SerialReaderConfig withRetryInterval(Duration r) {
    return new SerialReaderConfig(port, settings, framing, charset, maxLength, idleTimeout, r);
  }
}
