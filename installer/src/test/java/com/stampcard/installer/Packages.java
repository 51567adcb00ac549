package com.stampcard.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the build put the packages and the apps they hold (system properties set by the pom). */
final class Packages {
  private Packages() {}

  static Path dir() {
    return Path.of(System.getProperty("stampcard.packages"));
  }

  static String version() {
    return System.getProperty("stampcard.version");
  }

  /** The repository's root, for config/demo. */
  static Path root() {
    return Path.of(System.getProperty("stampcard.root")).toAbsolutePath().normalize();
  }

  /** The till as jpackage takes it: its jar and lib/. */
  static Path tillApp() {
    return Path.of(System.getProperty("stampcard.tillApp"));
  }

  static String tillClassPath() {
    return tillApp().resolve(System.getProperty("stampcard.tillJar"))
        + java.io.File.pathSeparator
        + tillApp().resolve("lib").resolve("*");
  }

  /** Unpacks the server's tarball into {@code into}; returns the folder it made. */
  static Path unpackServer(Path into) throws IOException {
    String name = "stampcard-server-" + version();
    Path tarball = dir().resolve(name + ".tar.gz");
    if (!Files.isRegularFile(tarball)) {
      throw new AssertionError("no server tarball at " + tarball);
    }
    Commands.Result untar =
        Commands.run(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()), into);
    if (untar.exitCode() != 0) {
      throw new AssertionError("tar -xzf " + tarball + ": " + untar.output());
    }
    return into.resolve(name);
  }

  /** The java of the JVM running the tests, for the server's launcher (JAVA_HOME). */
  static String javaHome() {
    return System.getProperty("java.home");
  }
}
