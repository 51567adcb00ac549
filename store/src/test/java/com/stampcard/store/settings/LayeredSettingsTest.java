package com.stampcard.store.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredSettingsTest {
  private static final String DEFAULTS = "settings-test-defaults.yaml";
  @TempDir Path dir;

  private LayeredSettings load(List<Path> files, Map<String, String> env, List<String> args) {
    return LayeredSettings.load(DEFAULTS, files, env, "STAMPCARD_", args);
  }

  private Path file(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void laterLayersWin() throws IOException {
    Path machine = file("machine.yaml", "store: machine-store\nlogin:\n  maxFailures: 7\n");
    Path user = file("user.yaml", "login:\n  maxFailures: 8\n");
    LayeredSettings s =
        load(List.of(machine, user), Map.of("STAMPCARD_LOGIN_MAX_FAILURES", "9"), List.of());
    assertThat(s.text("store")).isEqualTo("machine-store");
    assertThat(s.integer("login.maxFailures", 1, 20)).isEqualTo(9);
    LayeredSettings withArgs =
        load(
            List.of(machine, user),
            Map.of("STAMPCARD_LOGIN_MAX_FAILURES", "9"),
            List.of("--login.maxFailures=10"));
    assertThat(withArgs.integer("login.maxFailures", 1, 20)).isEqualTo(10);
    assertThat(withArgs.duration("login.lockout")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aMissingFileIsSkipped() {
    assertThat(load(List.of(dir.resolve("nope.yaml")), Map.of(), List.of()).text("store"))
        .isEqualTo("my-store");
  }

  @Test
  void aBadValueNamesTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path machine = file("machine.yaml", "login:\n  maxFailures: lots\n");
    LayeredSettings s = load(List.of(machine), Map.of(), List.of());
    assertThatThrownBy(() -> s.integer("login.maxFailures", 1, 20))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(machine.toString())
        .hasMessageContaining("login.maxFailures")
        .hasMessageContaining("whole number from 1 to 20");
  }

  @Test
  void anUnknownKeyIsAnErrorNotIgnored() throws IOException {
    Path machine = file("machine.yaml", "login:\n  maxFailure: 3\n");
    assertThatThrownBy(() -> load(List.of(machine), Map.of(), List.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("login.maxFailure")
        .hasMessageContaining("login.maxFailures");
  }

  @Test
  void brokenYamlSaysWhere() throws IOException {
    Path machine = file("machine.yaml", "store: [unclosed\n");
    assertThatThrownBy(() -> load(List.of(machine), Map.of(), List.of()))
        .hasMessageContaining(machine.toString())
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void environmentNamesFollowTheKeys() {
    assertThat(LayeredSettings.envName("login.maxFailures")).isEqualTo("LOGIN_MAX_FAILURES");
    assertThat(LayeredSettings.envName("store")).isEqualTo("STORE");
  }

  @Test
  void describeSaysWhereEachValueCameFrom() {
    String text = load(List.of(), Map.of("STAMPCARD_STORE", "env-store"), List.of()).describe();
    assertThat(text).contains("store: env-store    # from environment variable STAMPCARD_STORE");
    assertThat(text).contains("database: " + System.getProperty("user.home") + "/till");
  }

  @Test
  void aProgramsFilesAreTheMachinesTheUsersAndANamedOne() throws IOException {
    Path named = file("named.yaml", "store: named\n");
    assertThat(
            LayeredSettings.files(
                "sync-agent",
                List.of("--config", named.toString()),
                Map.of("XDG_CONFIG_HOME", "/x")))
        .containsExactly(
            Path.of("/etc/stampcard/sync-agent.yaml"),
            Path.of("/x/stampcard/sync-agent.yaml"),
            named);
    assertThat(
            LayeredSettings.files(
                "server",
                List.of("--config=" + named),
                Map.of("ProgramData", "C:/ProgramData", "APPDATA", "C:/Users/kim/AppData")))
        .containsExactly(
            Path.of("C:/ProgramData", "Stampcard", "server.yaml"),
            Path.of("C:/Users/kim/AppData", "Stampcard", "server.yaml"),
            named);
    assertThat(LayeredSettings.files("server", List.of(), Map.of()))
        .containsExactly(
            Path.of("/etc/stampcard/server.yaml"),
            Path.of(System.getProperty("user.home"), ".config", "stampcard", "server.yaml"));
  }

  @Test
  void aNamedFileThatIsMissingStopsStartUp() {
    assertThatThrownBy(
            () -> LayeredSettings.files("server", List.of("--config=/no/such.yaml"), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("/no/such.yaml");
  }
}
