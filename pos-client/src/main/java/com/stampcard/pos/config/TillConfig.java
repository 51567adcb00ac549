package com.stampcard.pos.config;

import com.stampcard.core.i18n.Messages;
import com.stampcard.core.redeem.Reason;
import com.stampcard.core.redeem.RedemptionRules;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.core.till.TillSettings;
import com.stampcard.pos.backup.TillBackups;
import com.stampcard.pos.readers.TillReaders;
import com.stampcard.pos.register.RegisterSettings;
import com.stampcard.pos.ui.UiSettings;
import com.stampcard.store.settings.LayeredSettings;
import com.stampcard.store.settings.SettingsException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The till's configuration, read in layers: built-in defaults &lt; the machine's file &lt; the
 * user's file &lt; {@code --config FILE} &lt; environment ({@code STAMPCARD_…}) &lt; command line
 * ({@code --key=value}). A bad value stops start-up with a message naming the file and the key.
 */
public record TillConfig(
    TillSettings settings,
    Locale language,
    String currency,
    Path database,
    Optional<Path> demoData,
    int loginMaxFailures,
    Duration loginLockout,
    String shopName,
    Duration idleLogout,
    UiSettings.CustomerDisplay customerDisplay,
    TillReaders.ReaderSettings readers,
    Optional<URI> server,
    Optional<String> enrolmentCode,
    Backup backup,
    RegisterSettings register,
    String effective) {

  /**
   * The till's scheduled backups.
   *
   * @param interval between backups; zero for none
   * @param keep how many to keep
   * @param folder where they go
   */
  public record Backup(Duration interval, int keep, Path folder) {}

  static final String DEFAULTS = "com/stampcard/pos/till-defaults.yaml";
  private static final String ID = "[a-z0-9][a-z0-9-]{0,39}";
  private static final String ID_RULE = "use 1-40 lowercase letters, digits and hyphens";

  /** Reads the configuration for this machine and user. */
  public static TillConfig load(List<String> args, Map<String, String> env) {
    List<Path> files = new ArrayList<>();
    files.add(machineFile(env));
    files.add(userFile(env));
    Optional<Path> named = namedFile(args);
    if (named.isPresent() && !java.nio.file.Files.isRegularFile(named.get())) {
      throw new SettingsException(
          "The configuration file " + named.get() + " given with --config does not exist.");
    }
    named.ifPresent(files::add);
    LayeredSettings s = LayeredSettings.load(DEFAULTS, files, env, "STAMPCARD_", args);
    RedemptionRules rules =
        new RedemptionRules(
            s.integer("redemption.maxPerCashierPerDay", 1, 10_000),
            s.integer("redemption.maxPerTillPerDay", 1, 10_000),
            s.duration("redemption.justStampedWithin"),
            s.choice("redemption.typedCode", Reason.Severity.class),
            s.choice("redemption.staticCode", Reason.Severity.class),
            s.integer("redemption.offlineCardsPerTillPerDay", 0, 10_000),
            s.duration("redemption.offlineMaxDataAge"));
    TillSettings settings =
        new TillSettings(
            new StoreId(s.text("store", ID, ID_RULE)),
            new TillId(s.text("till", ID, ID_RULE)),
            s.zone("zone"),
            s.flag("printedCardsMustBeIssued"),
            s.duration("repeatWindow"),
            s.duration("undoWindow"),
            rules);
    String language = s.text("language", "en|sv|nl", "use en, sv or nl");
    String demo = s.text("demoData").strip();
    String shopName = s.text("shopName").strip();
    String nfc = s.text("readers.nfc").strip();
    String camera = s.text("readers.camera").strip();
    Optional<URI> server =
        s.text("server.url").isBlank()
            ? Optional.empty()
            : Optional.of(
                s.parsed(
                    "server.url",
                    TillConfig::serverUrl,
                    "use an http:// or https:// address such as https://stampcard.example"));
    Path database = Path.of(s.text("database", ".+", "give a path for the till's database"));
    String backupFolder = s.text("backup.folder").strip();
    return new TillConfig(
        settings,
        Messages.supported(Locale.forLanguageTag(language)),
        s.text("currency", "[A-Z]{3}", "use an ISO 4217 code such as SEK or EUR"),
        database,
        demo.isEmpty() ? Optional.empty() : Optional.of(Path.of(demo)),
        s.integer("login.maxFailures", 1, 20),
        s.duration("login.lockout"),
        shopName.isEmpty() ? settings.store().value() : shopName,
        s.parsed("idleLogout", TillConfig::idleTime, "use an ISO-8601 duration of PT10S or more"),
        s.choice("customerDisplay", UiSettings.CustomerDisplay.class),
        new TillReaders.ReaderSettings(
            s.flag("readers.keyboardWedge"),
            s.text("readers.serialPort").strip(),
            nfc.equals("none") ? Optional.empty() : Optional.of(nfc.equals("first") ? "" : nfc),
            camera.equals("none")
                ? Optional.empty()
                : Optional.of(camera.equals("first") ? "" : camera)),
        server,
        enrolmentCode(args),
        new Backup(
            s.duration("backup.interval"),
            s.integer("backup.keep", 1, 1_000),
            backupFolder.isEmpty()
                ? TillBackups.folderNextTo(database)
                : Path.of(backupFolder).toAbsolutePath()),
        register(s),
        s.describe());
  }

  private static RegisterSettings register(LayeredSettings s) {
    String secret = s.text("register.secret").strip();
    return new RegisterSettings(
        s.flag("register.enabled"),
        s.integer("register.port", 1, 65_535),
        secret.isEmpty() ? Optional.empty() : Optional.of(secret),
        s.duration("register.justScannedWithin"));
  }

  /** What the screens need. */
  public UiSettings ui() {
    return new UiSettings(
        language, currency, shopName, idleLogout, customerDisplay, loginMaxFailures, loginLockout);
  }

  private static Duration idleTime(String text) {
    Duration d;
    try {
      d = Duration.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (d.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("too short: " + d);
    }
    return d;
  }

  private static URI serverUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) address: " + text);
    }
    return uri;
  }

  /**
   * The one-time enrolment code given with {@code --enrol CODE} (or {@code --enrol=CODE}): only on
   * the command line, never in a file, as it is worth something until it is used.
   */
  static Optional<String> enrolmentCode(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--enrol=")) {
        return Optional.of(args.get(i).substring("--enrol=".length()).strip());
      }
      if (args.get(i).equals("--enrol") && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1).strip());
      }
    }
    return Optional.empty();
  }

  /** {@code /etc/stampcard/till.yaml}, or {@code %ProgramData%\Stampcard\till.yaml} on Windows. */
  static Path machineFile(Map<String, String> env) {
    String programData = env.get("ProgramData");
    return programData != null
        ? Path.of(programData, "Stampcard", "till.yaml")
        : Path.of("/etc/stampcard/till.yaml");
  }

  /** {@code ~/.config/stampcard/till.yaml}, or {@code %APPDATA%\Stampcard\till.yaml}. */
  static Path userFile(Map<String, String> env) {
    String appData = env.get("APPDATA");
    if (appData != null) {
      return Path.of(appData, "Stampcard", "till.yaml");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("stampcard").resolve("till.yaml");
  }

  static Optional<Path> namedFile(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--config=")) {
        return Optional.of(Path.of(args.get(i).substring("--config=".length())));
      }
      if (args.get(i).equals("--config") && i + 1 < args.size()) {
        return Optional.of(Path.of(args.get(i + 1)));
      }
    }
    return Optional.empty();
  }
}
