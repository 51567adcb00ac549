package com.stampcard.server;

import com.stampcard.core.shop.StoreId;
import com.stampcard.core.shop.TillId;
import com.stampcard.server.api.EnrolmentCode;
import com.stampcard.server.db.DatabaseException;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.enrol.Enrolment;
import com.stampcard.store.settings.SettingsException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

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
    List<String> args = Arrays.asList(argv);
    try {
      ServerConfig config = ServerConfig.load(args, System.getenv());
      List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
      if (args.contains("--check-config")) {
        System.out.println(config.effective());
        return;
      }
      if (!words.isEmpty()) {
        command(config, words);
        return;
      }
      CentralServer server = CentralServer.start(config, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    } catch (SettingsException | DatabaseException | IllegalArgumentException e) {
      System.err.println("stampcard server: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void command(ServerConfig config, List<String> words) {
    Clock clock = Clock.systemUTC();
    try (ServerDatabase db =
        ServerDatabase.open(
            config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2, clock)) {
      Enrolment enrolment = new Enrolment(db, clock, config.codeTtl());
      if (words.get(0).equals("enrolment-code") && words.size() == 3) {
        EnrolmentCode code = enrolment.newCode(new StoreId(words.get(1)), new TillId(words.get(2)));
        System.out.println(code.code());
        System.err.println(
            "One-time code for till "
                + code.tillId()
                + " at store "
                + code.storeId()
                + ", valid until "
                + code.expiresAt()
                + ".");
      } else if (words.get(0).equals("revoke") && words.size() == 2) {
        enrolment.revoke(new TillId(words.get(1)));
        System.err.println("Till " + words.get(1) + " is revoked.");
      } else {
        throw new IllegalArgumentException(
            "unknown command " + words + "; use: enrolment-code STORE TILL | revoke TILL");
      }
    } catch (com.stampcard.server.http.ApiException e) {
      throw new IllegalArgumentException(e.problem().detail(), e);
    }
  }
}
