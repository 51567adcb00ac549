package com.stampcard.server;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.api.EnrolmentCode;
import com.stampcard.server.db.DatabaseException;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.store.settings.SettingsException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the central server, or runs one back-office command against its database:
 *
 * <pre>
 *   server [--config FILE] [--key=value ...]
 *   server --check-config
 *   server enrolment-code STORE TILL     prints a one-time code for that till
 *   server revoke TILL                   refuses the till's credential from now on
 * </pre>
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] argv) {
    int exit = run(Arrays.asList(argv), System.getenv(), System.out, System.err);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * Does what the arguments ask. Starting the server returns 0 at once and leaves it running.
   *
   * @return the process's exit code: 0, or 2 for bad settings, a bad command or no database
   */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      ServerConfig config = ServerConfig.load(args, env);
      List<String> words = commandWords(args);
      if (args.contains("--check-config")) {
        out.println(config.effective());
        return 0;
      }
      if (!words.isEmpty()) {
        command(config, words, out, err);
        return 0;
      }
      CentralServer server = CentralServer.start(config, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
      return 0;
    } catch (SettingsException | DatabaseException | IllegalArgumentException e) {
      err.println("stampcard server: " + e.getMessage());
      return 2;
    }
  }

  /** The arguments that are not options, the file after {@code --config} left out. */
  private static List<String> commandWords(List<String> args) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--config")) {
        i++;
      } else if (!args.get(i).startsWith("--")) {
        words.add(args.get(i));
      }
    }
    return words;
  }

  private static void command(
      ServerConfig config, List<String> words, PrintStream out, PrintStream err) {
    Clock clock = Clock.systemUTC();
    try (ServerDatabase db =
        ServerDatabase.open(
            config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2, clock)) {
      Enrolment enrolment = new Enrolment(db, clock, config.codeTtl());
      if (words.get(0).equals("enrolment-code") && words.size() == 3) {
        EnrolmentCode code = enrolment.newCode(new StoreId(words.get(1)), new TillId(words.get(2)));
        out.println(code.code());
        err.println(
            "One-time code for till "
                + code.tillId()
                + " at store "
                + code.storeId()
                + ", valid until "
                + code.expiresAt()
                + ".");
      } else if (words.get(0).equals("revoke") && words.size() == 2) {
        enrolment.revoke(new TillId(words.get(1)));
        err.println("Till " + words.get(1) + " is revoked.");
      } else {
        throw new IllegalArgumentException(
            "unknown command " + words + "; use: enrolment-code STORE TILL | revoke TILL");
      }
    } catch (com.stampcard.server.http.ApiException e) {
      throw new IllegalArgumentException(e.problem().detail(), e);
    }
  }
}
