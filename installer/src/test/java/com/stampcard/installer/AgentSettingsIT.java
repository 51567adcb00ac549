package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone sync agent's settings as the packages run it (the till's jars, the agent's main
 * class and log configuration): layers in the architecture's order, and {@code --check-config}
 * refusing a bad value by file, key and what is allowed, with exit status 2.
 */
class AgentSettingsIT {
  @TempDir Path work;

  @Test
  void fileThenEnvironmentThenCommandLine() throws IOException {
    Path file =
        Files.writeString(
            work.resolve("sync-agent.yaml"),
            "server:\n  url: https://from-file.example\nsync:\n  pushBatch: 200\n"
                + "till:\n  database: /var/lib/stampcard/till\n");

    Commands.Result check =
        agent(
            Map.of(
                "STAMPCARD_SERVER_URL", "https://from-env.example", "STAMPCARD_SYNC_POLL", "PT1S"),
            "--check-config",
            "--config=" + file,
            "--sync.poll=PT2S");

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("till.database: /var/lib/stampcard/till    # from " + file)
        .contains("sync.pushBatch: 200    # from " + file)
        .contains("server.url: https://from-env.example    # from environment")
        .contains("sync.poll: PT2S    # from command line")
        .contains("sync.backoffMax: PT30S    # from built-in defaults");
  }

  @Test
  void aBadValueIsRefusedNamingTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(work.resolve("bad.yaml"), "sync:\n  pushBatch: lots\n");

    Commands.Result check = agent(Map.of(), "--check-config", "--config=" + file);

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.output())
        .contains("In " + file + ", sync.pushBatch is 'lots': use a whole number from 1 to 10000");
  }

  @Test
  void aBadAddressIsRefusedSayingWhatToWrite() throws IOException {
    Path file = Files.writeString(work.resolve("bad-url.yaml"), "server:\n  url: ftp://x\n");

    Commands.Result check = agent(Map.of(), "--check-config", "--config=" + file);

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.output())
        .contains(file.toString())
        .contains("server.url")
        .contains("use http://HOST[:PORT] or https://HOST[:PORT]");
  }

  private Commands.Result agent(Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(Packages.javaHome(), "bin", "java").toString(),
                "-Dlogback.configurationFile=com/stampcard/sync/logback-agent.xml",
                "-cp",
                Packages.tillClassPath(),
                "com.stampcard.sync.SyncAgentMain"));
    command.addAll(List.of(args));
    Map<String, String> all = new java.util.HashMap<>(env);
    // the machine's and this user's files stay out of it
    all.put("XDG_CONFIG_HOME", work.resolve("no-config").toString());
    return Commands.run(command, work, "", all);
  }
}
