package com.stampcard.sync;

import com.stampcard.store.StoreDatabase;
import com.stampcard.store.StoreException;
import com.stampcard.store.settings.SettingsException;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync agent as a service of its own, for a till database no till app has open:
 *
 * <pre>
 *   sync-agent [--config FILE] [--key=value ...]   syncs until stopped (SIGTERM)
 *   sync-agent --check-config                      prints every setting and where it came from
 *   sync-agent enrol CODE                          enrols the till with a one-time code, syncs once
 *   sync-agent once                                syncs once; exit status 0 if it worked
 * </pre>
 */
public final class SyncAgentMain {
  private static final Logger LOG = LoggerFactory.getLogger(SyncAgentMain.class);

  private SyncAgentMain() {}

  public static void main(String[] argv) {
    List<String> args = Arrays.asList(argv);
    int exit;
    try {
      exit = run(args);
    } catch (SettingsException | StoreException | SyncException | IllegalArgumentException e) {
      System.err.println("stampcard sync-agent: " + e.getMessage());
      exit = 2;
    }
    if (exit >= 0) {
      System.exit(exit);
    }
  }

  /** Runs the command; answers the exit status, or -1 when it runs until stopped. */
  static int run(List<String> args) {
    AgentConfig config = AgentConfig.load(args, System.getenv());
    if (args.contains("--check-config")) {
      System.out.println(config.effective());
      return 0;
    }
    List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
    if (!words.isEmpty()
        && !(words.size() == 2 && words.get(0).equals("enrol"))
        && !(words.size() == 1 && words.get(0).equals("once"))) {
      throw new IllegalArgumentException(
          "unknown command " + words + "; use: enrol CODE | once | (nothing: run until stopped)");
    }
    StoreDatabase db = StoreDatabase.h2File(config.tillDatabase());
    SyncAgent agent;
    try {
      agent =
          SyncAgent.open(
              config.tillDatabase(),
              config.server(),
              config.tls(),
              config.options(),
              Clock.systemUTC());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    if (!words.isEmpty()) {
      try {
        if (words.get(0).equals("enrol")) {
          agent.enrol(words.get(1));
        }
        boolean ok = agent.syncOnce();
        System.out.println(describe(agent.status()));
        return ok ? 0 : 1;
      } catch (IOException e) {
        System.err.println("stampcard sync-agent: no answer from " + config.server() + ": " + e);
        return 1;
      } catch (ServerAnswerException e) {
        System.err.println("stampcard sync-agent: " + e.getMessage());
        return 1;
      } finally {
        agent.close();
        db.close();
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  db.close();
                  stopped.countDown();
                },
                "shutdown"));
    String[] last = {""};
    agent.onStatus(
        s -> {
          // a line when something changes, not after every quiet sync
          String now = s.enrolled() + " " + s.online() + " " + s.eventsWaiting() + s.lastError();
          if (!now.equals(last[0])) {
            last[0] = now;
            LOG.info("{}", describe(s));
          }
        });
    agent.start();
    LOG.info("syncing {} with {}", config.tillDatabase(), config.server());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  static String describe(SyncStatus s) {
    return (s.enrolled() ? "enrolled" : "not enrolled")
        + ", "
        + (s.online() ? "online" : "offline")
        + ", last success "
        + s.lastSuccess().map(Object::toString).orElse("never")
        + ", "
        + s.eventsWaiting()
        + " events waiting"
        + s.lastError().map(e -> ", last error: " + e).orElse("");
  }
}
