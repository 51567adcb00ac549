package com.stampcard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --check-config}: what IT runs before (re)starting the service. */
class ServerMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void checkConfigPrintsTheEffectiveConfigurationWithSecretsMasked() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("server.yaml"),
            "http:\n  port: 8443\ndatabase:\n  password: hunter2-db\nadmin:\n  token: adm-7f3a\n");

    int exit =
        run(
            List.of("--check-config", "--config", file.toString(), "--sync.pullPageSize=500"),
            Map.of("STAMPCARD_DATABASE_POOL_SIZE", "4"));

    assertThat(exit).isZero();
    assertThat(stdout())
        .contains("http.port: 8443    # from " + file)
        .contains(
            "database.poolSize: 4    # from environment variable STAMPCARD_DATABASE_POOL_SIZE")
        .contains("sync.pullPageSize: 500    # from command line")
        .contains("http.host: 127.0.0.1    # from built-in defaults")
        .contains("database.password: ***    # from " + file)
        .doesNotContain("hunter2-db")
        .doesNotContain("adm-7f3a");
  }

  @Test
  void mailBySmtpRefusesToStartWithoutThePublicAddressForLinks() {
    int exit =
        run(
            List.of("--check-config", "--mail.mode=smtp", "--mail.smtp.host=smtp.shop.example"),
            Map.of());

    assertThat(exit).isNotZero();
    assertThat(stderr()).contains("app.publicUrl").contains("https://stamps.shop.example");

    err.reset();
    assertThat(
            run(
                List.of(
                    "--check-config",
                    "--mail.mode=smtp",
                    "--mail.smtp.host=smtp.shop.example",
                    "--app.publicUrl=stamps.shop.example"),
                Map.of()))
        .isNotZero();
    assertThat(stderr()).contains("app.publicUrl").contains("absolute address");

    out.reset();
    assertThat(
            run(
                List.of(
                    "--check-config",
                    "--mail.mode=smtp",
                    "--mail.smtp.host=smtp.shop.example",
                    "--app.publicUrl=https://stamps.shop.example"),
                Map.of()))
        .isZero();
    assertThat(stdout()).contains("app.publicUrl: https://stamps.shop.example");
  }

  @Test
  void checkConfigRefusesABadValueNamingTheFileTheKeyAndWhatIsAllowed() throws IOException {
    Path file = Files.writeString(dir.resolve("server.yaml"), "http:\n  port: 80800\n");

    int exit = run(List.of("--check-config", "--config=" + file), Map.of());

    assertThat(exit).isNotZero();
    assertThat(stderr())
        .contains(file.toString())
        .contains("http.port")
        .contains("use a whole number from 0 to 65535");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void checkConfigRefusesABadDatabaseUrlFromTheEnvironment() {
    int exit =
        run(List.of("--check-config"), Map.of("STAMPCARD_DATABASE_URL", "jdbc:mysql://db/x"));

    assertThat(exit).isNotZero();
    assertThat(stderr())
        .contains("environment variable STAMPCARD_DATABASE_URL")
        .contains("database.url")
        .contains("use jdbc:postgresql://HOST[:PORT]/DATABASE");
  }

  private int run(List<String> args, Map<String, String> env) {
    return ServerMain.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
