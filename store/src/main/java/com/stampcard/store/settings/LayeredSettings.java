package com.stampcard.store.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings read in layers, later ones winning: built-in defaults (a YAML resource) &lt; the
 * machine's file &lt; the user's file &lt; a file named on the command line &lt; the environment
 * &lt; the command line. Only keys the defaults know are accepted, so a typo is an error, not a
 * silently ignored line. Every value remembers where it came from, for error messages and for
 * {@link #describe()}.
 */
public final class LayeredSettings {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, Setting> values;

  private record Setting(String value, String source) {}

  private LayeredSettings(Map<String, Setting> values) {
    this.values = values;
  }

  /**
   * Reads every layer.
   *
   * @param defaultsResource classpath resource with every key and its default
   * @param files the machine's, the user's and a named file, in that order; missing ones are
   *     skipped
   * @param environment the process environment; keys {@code envPrefix + KEY_IN_CAPITALS} count
   * @param arguments command-line arguments; {@code --key=value} for known keys count, others are
   *     left to the caller
   */
  public static LayeredSettings load(
      String defaultsResource,
      List<Path> files,
      Map<String, String> environment,
      String envPrefix,
      List<String> arguments) {
    Map<String, Setting> values = new LinkedHashMap<>();
    try (InputStream in =
        LayeredSettings.class.getClassLoader().getResourceAsStream(defaultsResource)) {
      if (in == null) {
        throw new IllegalStateException("built-in defaults missing: " + defaultsResource);
      }
      flatten(YAML.readTree(in), "", "built-in defaults", values, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      if (file != null && Files.isRegularFile(file)) {
        JsonNode tree;
        try {
          tree = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
          throw new SettingsException(
              file
                  + " is not valid YAML (line "
                  + e.getLocation().getLineNr()
                  + "): "
                  + e.getOriginalMessage());
        } catch (IOException e) {
          throw new SettingsException("can't read " + file + ": " + e.getMessage(), e);
        }
        if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
          if (!tree.isObject()) {
            throw new SettingsException(file + " must hold keys and values (a YAML mapping)");
          }
          flatten(tree, "", file.toString(), values, values.keySet());
        }
      }
    }
    for (String key : List.copyOf(values.keySet())) {
      String env = envPrefix + envName(key);
      if (environment.containsKey(env)) {
        values.put(key, new Setting(environment.get(env), "environment variable " + env));
      }
    }
    for (String arg : arguments) {
      if (arg.startsWith("--") && arg.contains("=")) {
        String key = arg.substring(2, arg.indexOf('='));
        if (values.containsKey(key)) {
          values.put(key, new Setting(arg.substring(arg.indexOf('=') + 1), "command line"));
        }
      }
    }
    values.replaceAll((k, s) -> new Setting(expand(s.value()), s.source()));
    return new LayeredSettings(values);
  }

  /**
   * The settings files of one program ({@code "server"}, {@code "sync-agent"}), in the order they
   * count: the machine's ({@code /etc/stampcard/NAME.yaml}, or {@code
   * %ProgramData%\Stampcard\NAME.yaml} on Windows), the user's ({@code
   * ~/.config/stampcard/NAME.yaml} or under {@code $XDG_CONFIG_HOME}, or {@code
   * %APPDATA%\Stampcard\NAME.yaml}), and a file named with {@code --config FILE} or {@code
   * --config=FILE}. Missing files are skipped by {@link #load}, except a named one.
   *
   * @throws SettingsException if a file named with --config does not exist
   */
  public static List<Path> files(String name, List<String> args, Map<String, String> env) {
    List<Path> files = new ArrayList<>();
    String programData = env.get("ProgramData");
    files.add(
        programData != null
            ? Path.of(programData, "Stampcard", name + ".yaml")
            : Path.of("/etc/stampcard", name + ".yaml"));
    String appData = env.get("APPDATA");
    String xdg = env.get("XDG_CONFIG_HOME");
    Path user =
        appData != null
            ? Path.of(appData, "Stampcard")
            : (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("stampcard");
    files.add(user.resolve(name + ".yaml"));
    for (int i = 0; i < args.size(); i++) {
      String named = null;
      if (args.get(i).startsWith("--config=")) {
        named = args.get(i).substring("--config=".length());
      } else if (args.get(i).equals("--config") && i + 1 < args.size()) {
        named = args.get(i + 1);
      }
      if (named != null) {
        if (!Files.isRegularFile(Path.of(named))) {
          throw new SettingsException(
              "The configuration file " + named + " given with --config does not exist.");
        }
        files.add(Path.of(named));
      }
    }
    return files;
  }

  /** {@code login.maxFailures} becomes {@code LOGIN_MAX_FAILURES}. */
  static String envName(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static void flatten(
      JsonNode node,
      String prefix,
      String source,
      Map<String, Setting> into,
      java.util.Set<String> known) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(value, key, source, into, known);
        continue;
      }
      if (known != null && !known.contains(key)) {
        throw new SettingsException(
            "In "
                + source
                + ", '"
                + key
                + "' is not a setting. Known settings: "
                + String.join(", ", known));
      }
      if (value.isArray() || value.isObject()) {
        throw new SettingsException("In " + source + ", '" + key + "' must be a single value");
      }
      into.put(key, new Setting(value.isNull() ? "" : value.asText(), source));
    }
  }

  private static String expand(String value) {
    return value.replace("${user.home}", System.getProperty("user.home"));
  }

  private Setting setting(String key) {
    Setting s = values.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no built-in default for setting " + key);
    }
    return s;
  }

  private SettingsException wrong(String key, String allowed) {
    Setting s = setting(key);
    return new SettingsException(
        "In " + s.source() + ", " + key + " is '" + s.value() + "': " + allowed + ".");
  }

  public String text(String key) {
    return setting(key).value();
  }

  /** A text that must match {@code pattern}; {@code allowed} says what in words. */
  public String text(String key, String pattern, String allowed) {
    String v = text(key);
    if (!v.matches(pattern)) {
      throw wrong(key, allowed);
    }
    return v;
  }

  public int integer(String key, int min, int max) {
    try {
      int v = Integer.parseInt(text(key).strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw wrong(key, "use a whole number from " + min + " to " + max);
  }

  public boolean flag(String key) {
    String v = text(key).strip().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw wrong(key, "use true or false");
  }

  /** An ISO-8601 duration such as PT2M (two minutes) or PT24H. */
  public Duration duration(String key) {
    try {
      Duration d = Duration.parse(text(key).strip());
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw wrong(key, "use an ISO-8601 duration such as PT30S, PT5M or PT24H");
  }

  public ZoneId zone(String key) {
    try {
      return ZoneId.of(text(key).strip());
    } catch (RuntimeException e) {
      throw wrong(key, "use a time zone such as Europe/Stockholm or Europe/Amsterdam");
    }
  }

  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String v = text(key).strip().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw wrong(key, "use one of " + String.join(", ", names));
  }

  /** Runs a parser that throws IllegalArgumentException, and names the setting when it does. */
  public <T> T parsed(String key, java.util.function.Function<String, T> parser, String allowed) {
    try {
      return parser.apply(text(key).strip());
    } catch (IllegalArgumentException e) {
      throw wrong(key, allowed);
    }
  }

  /** Every setting, its value and where it came from; secrets shown as ***. */
  public String describe() {
    return values.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + ": "
                    + (secret(e.getKey()) ? "***" : e.getValue().value())
                    + "    # from "
                    + e.getValue().source())
        .collect(Collectors.joining("\n"));
  }

  private static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.contains("token")
        || k.contains("pin");
  }
}
