package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's tarball: its launcher runs from the unpacked folder; its systemd unit is valid. */
class ServerTarballIT {
  @TempDir static Path work;
  private static Path server;

  @BeforeAll
  static void unpack() throws IOException {
    server = Packages.unpackServer(work);
  }

  @Test
  void theLauncherChecksTheConfiguration() throws IOException {
    Path good = Files.writeString(work.resolve("good.yaml"), "http:\n  port: 8443\n");

    Commands.Result check = launch("--check-config", "--config=" + good);

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("http.port: 8443    # from " + good)
        .contains("database.url: jdbc:h2:file:");
  }

  @Test
  void theLauncherRefusesABadValueNamingTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path bad = Files.writeString(work.resolve("bad.yaml"), "database:\n  poolSize: 0\n");

    Commands.Result check = launch("--check-config", "--config=" + bad);

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.output())
        .contains(bad.toString())
        .contains("database.poolSize")
        .contains("use a whole number from 1 to 200");
  }

  @Test
  void theExampleSettingsAreValid() throws IOException {
    Commands.Result check =
        launch("--check-config", "--config=" + server.resolve("config/server.yaml"));

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("database.url: jdbc:h2:file:/var/lib/stampcard/server");
  }

  @Test
  void theSystemdUnitIsValid() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "no systemd-analyze here");
    // the unit as installed, but starting the launcher where the tarball was unpacked
    String unit =
        Files.readString(server.resolve("systemd/stampcard-server.service"))
            .replace("/opt/stampcard-server/", server + "/");
    Path copy = Files.writeString(work.resolve("stampcard-server.service"), unit);

    Commands.Result verify =
        Commands.run(List.of("systemd-analyze", "verify", copy.toString()), work);

    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output())
        .as("systemd-analyze verify")
        .doesNotContain("Unknown key")
        .doesNotContain("Unknown section")
        .doesNotContain("is not executable")
        .doesNotContain("Failed to parse");
    assertThat(unit)
        .contains("ExecStart=" + server + "/bin/stampcard-server")
        .contains("LogsDirectory=stampcard")
        .contains("-Dlogback.configurationFile=logback-service.xml");
  }

  private static Commands.Result launch(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(server.resolve("bin/stampcard-server").toString());
    command.addAll(List.of(args));
    return Commands.run(command, work, "", Map.of("JAVA_HOME", Packages.javaHome()));
  }
}
