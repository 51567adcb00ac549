package com.stampcard.readers.diagnostics;

import com.stampcard.core.code.CodeReading;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.FoundDevice;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.Reader;
import com.stampcard.readers.ReaderDiscovery;
import com.stampcard.readers.ReaderFactory;
import com.stampcard.readers.ReaderStatus;
import com.stampcard.readers.ReadersConfig;
import com.stampcard.readers.camera.CameraReaderConfig;
import com.stampcard.readers.nfc.NfcReaderConfig;
import com.stampcard.readers.serial.Framing;
import com.stampcard.readers.serial.SerialReaderConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * For IT setting up a counter: lists every reader the till can see with its status, then echoes
 * every read and what it decodes to, until stopped (Ctrl-C) or for {@code --seconds}. Run it with
 * {@code build/reader-diagnostics}; {@code --help} says what else it takes.
 */
public final class ReaderDiagnostics {
  private static final String USAGE =
      """
      Usage: reader-diagnostics [options]
        --list                   list the devices found, and stop
        --seconds N              stop after N seconds (default: run until Ctrl-C)
        --serial PORT[:BAUD[:FRAMING[:CHARSET]]]
                                 also read this serial port (FRAMING: CR, LF, CRLF, STX_ETX, FIXED:n)
        --nfc NAME               also read the NFC reader whose name contains NAME
        --camera NAME            read the camera whose name contains NAME ("" for the first)
        --no-discover            only the readers given; no NFC readers or USB ports found
        --stdin                  take lines typed into this terminal (by a keyboard-wedge scanner)
        --help                   this text
      """;

  private final ReaderFactory factory;
  private final PrintStream out;
  private final Clock clock;

  public ReaderDiagnostics(ReaderFactory factory, PrintStream out, Clock clock) {
    this.factory = factory;
    this.out = out;
    this.clock = clock;
  }

  public static void main(String[] args) throws InterruptedException {
    Clock clock = Clock.systemDefaultZone();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int code =
        new ReaderDiagnostics(ReaderFactory.forThisMachine(clock, false), out, clock)
            .run(args, System.in);
    System.exit(code);
  }

  /** Runs with {@code args}; returns the exit code (0 fine, 2 bad arguments). */
  public int run(String[] args, InputStream stdin) throws InterruptedException {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.print(USAGE);
      return 2;
    }
    if (o.help) {
      out.print(USAGE);
      return 0;
    }
    listDevices();
    if (o.list) {
      return 0;
    }
    List<Reader> readers =
        factory.fromConfig(
            new ReadersConfig(Optional.empty(), o.serial, o.nfc, o.cameras, o.discover));
    if (readers.isEmpty() && !o.stdin) {
      out.println("No readers to watch. Give --serial, --nfc or --camera, or plug one in.");
    }
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(done::countDown));
    for (Reader r : readers) {
      r.watchStatus(this::status);
      r.subscribe(this::read);
      r.start();
    }
    if (o.stdin) {
      Thread t = new Thread(() -> typedLines(stdin), "diagnostics-stdin");
      t.setDaemon(true);
      t.start();
      out.println(line("stdin", "type or scan into this terminal; each line is read"));
    }
    if (o.seconds > 0) {
      done.await(o.seconds, TimeUnit.SECONDS);
    } else {
      done.await();
    }
    readers.forEach(Reader::stop);
    return 0;
  }

  private void listDevices() {
    ReaderDiscovery.Result found = factory.discovery().discover();
    out.println("Devices found:");
    for (FoundDevice d : found.devices()) {
      String hint =
          d.kind() == FoundDevice.Kind.SERIAL && !ReaderDiscovery.isUsbSerial(d.name())
              ? "  (not used unless given with --serial)"
              : "";
      out.printf("  %-7s %s%s%n", d.kind(), d.name(), hint);
    }
    if (found.devices().isEmpty()) {
      out.println("  (none)");
    }
    for (String p : found.problems()) {
      out.println("  problem: " + p);
    }
  }

  private void status(ReaderStatus s) {
    out.println(line(s.readerId(), s.state() + (s.detail().isEmpty() ? "" : " — " + s.detail())));
  }

  private void read(Read r) {
    out.println(
        line(r.readerId(), r.inputMethod() + " " + r.raw() + " -> " + meaning(r.reading())));
  }

  private static String meaning(CodeReading reading) {
    if (reading instanceof CodeReading.Recognised rec) {
      return "recognised: " + rec.code().getClass().getSimpleName();
    }
    CodeReading.NotACode n = (CodeReading.NotACode) reading;
    return "not a code: "
        + n.problem()
        + " (\""
        + n.message(Locale.ENGLISH)
        + "\")"
        + (n.detail().isEmpty() ? "" : " — " + n.detail());
  }

  private void typedLines(InputStream stdin) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset()))) {
      String l;
      while ((l = in.readLine()) != null) {
        read(
            new Read(
                "stdin",
                InputMethod.SCANNER,
                clock.instant(),
                new RawInput.Text(l),
                CustomerCodes.fromText(l)));
      }
    } catch (java.io.IOException e) {
      out.println(line("stdin", "closed: " + e.getMessage()));
    }
  }

  private String line(String who, String what) {
    return LocalTime.now(clock).truncatedTo(ChronoUnit.MILLIS) + "  " + who + "  " + what;
  }

  private static final class Options {
    boolean list;
    boolean help;
    boolean stdin;
    boolean discover = true;
    long seconds;
    final List<SerialReaderConfig> serial = new ArrayList<>();
    final List<NfcReaderConfig> nfc = new ArrayList<>();
    final List<CameraReaderConfig> cameras = new ArrayList<>();

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--list" -> o.list = true;
          case "--help", "-h" -> o.help = true;
          case "--stdin" -> o.stdin = true;
          case "--no-discover" -> o.discover = false;
          case "--seconds" -> o.seconds = Long.parseLong(value(args, ++i, a));
          case "--serial" -> o.serial.add(serial(value(args, ++i, a)));
          case "--nfc" -> o.nfc.add(NfcReaderConfig.defaults(value(args, ++i, a)));
          case "--camera" -> o.cameras.add(CameraReaderConfig.defaults(value(args, ++i, a)));
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    /** PORT[:BAUD[:FRAMING[:CHARSET]]]; a Windows COM port has no colon of its own. */
    private static SerialReaderConfig serial(String spec) {
      String[] parts = spec.split(":", -1);
      SerialReaderConfig c = SerialReaderConfig.defaults(parts[0]);
      if (parts.length > 1 && !parts[1].isEmpty()) {
        c = c.withBaudRate(Integer.parseInt(parts[1]));
      }
      if (parts.length > 2 && !parts[2].isEmpty()) {
        String framing = parts[2];
        if (framing.equalsIgnoreCase("FIXED") && parts.length > 3) {
          framing = "FIXED:" + parts[3];
          parts = new String[] {parts[0], parts[1], framing, parts.length > 4 ? parts[4] : ""};
        }
        c = c.withFraming(Framing.parse(framing));
      }
      if (parts.length > 3 && !parts[3].isEmpty()) {
        c = c.withCharset(Charset.forName(parts[3]));
      }
      return c.withRetryInterval(Duration.ofMillis(500));
    }
  }
}
