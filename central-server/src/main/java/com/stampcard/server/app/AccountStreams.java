package com.stampcard.server.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.sync.ChangeFeed;
import com.stampcard.store.sync.LedgerSql;
import io.javalin.http.sse.SseClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers' apps following their accounts live. One reader per server instance follows the change
 * feed (the same commit-safe cursor tills pull with) from the moment the server started, and every
 * app whose account, or the account it was merged into, appears there gets its balances again. The
 * cost of a change is one feed read per instance however many apps are connected.
 *
 * <p>Threads: {@link #changed} returns at once; reading and every send to an app run on this
 * object's one thread, so no two writes to a stream interleave.
 */
public final class AccountStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AccountStreams.class);

  /** One connected app. */
  private static final class Follower {
    final SseClient client;
    final UUID account;
    UUID root;
    String lastSent = "";

    Follower(SseClient client, UUID account) {
      this.client = client;
      this.account = account;
    }
  }

  private final ServerDatabase db;
  private final ChangeFeed feed;
  private final ObjectMapper json;
  private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "account-streams");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile String cursor;

  public AccountStreams(ServerDatabase db, ChangeFeed feed, ObjectMapper json) {
    this.db = db;
    this.feed = feed;
    this.json = json;
    this.cursor = feed.head();
    // a signal can be missed (a lost database connection): look anyway now and then
    thread.scheduleWithFixedDelay(this::changed, 5, 5, TimeUnit.SECONDS);
    thread.scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
  }

  /** Follows {@code account} for {@code client} until it disconnects; sends its balances now. */
  public void connect(SseClient client, UUID account) {
    Follower f = new Follower(client, account);
    client.keepAlive();
    client.onClose(() -> followers.remove(f));
    followers.add(f);
    thread.execute(() -> send(f));
  }

  public int connected() {
    return followers.size();
  }

  /** Something was committed: apps whose accounts it touched hear about it soon. */
  public void changed() {
    if (pending.compareAndSet(false, true)) {
      thread.execute(
          () -> {
            pending.set(false);
            scan();
          });
    }
  }

  private void scan() {
    try {
      if (followers.isEmpty()) {
        // nobody to tell: skip to the head (an app that connects is sent its balances then)
        cursor = feed.head();
        return;
      }
      Set<UUID> touched = new java.util.HashSet<>();
      ChangeFeed.Touched page;
      do {
        page = feed.touched(cursor);
        touched.addAll(page.accounts());
        cursor = page.cursor();
      } while (page.more());
      if (touched.isEmpty()) {
        return;
      }
      for (Follower f : followers) {
        if (touched.contains(f.account) || (f.root != null && touched.contains(f.root))) {
          send(f);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "reading changes for apps failed, trying again on the next change: {}", e.toString());
    }
  }

  /** Sends the follower its balances, if they differ from what it was sent last. */
  private void send(Follower f) {
    if (f.client.terminated()) {
      followers.remove(f);
      return;
    }
    try {
      AppBalances now = balances(f.account);
      f.root = now.rootAccountId();
      String body = json.writeValueAsString(now);
      if (!body.equals(f.lastSent)) {
        f.client.sendEvent("balances", body);
        f.lastSent = body;
      }
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.debug("dropping an app stream: {}", e.toString());
      followers.remove(f);
      f.client.close();
    }
  }

  /** The account's balances as they stand: those of the account it counts for after merges. */
  AppBalances balances(UUID account) {
    return db.read(
        c -> {
          UUID root = LedgerSql.root(c, account);
          List<AppBalances.Balance> list = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT program_id, units, events, last_earned_at, last_spent_at FROM balance"
                      + " WHERE account_id = ? ORDER BY program_id")) {
            s.setObject(1, root);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                list.add(
                    new AppBalances.Balance(
                        r.getString(1),
                        r.getLong(2),
                        r.getLong(3),
                        text(r.getObject(4, OffsetDateTime.class)),
                        text(r.getObject(5, OffsetDateTime.class))));
              }
            }
          }
          return new AppBalances(account, root, list);
        });
  }

  private static String text(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }

  private void heartbeat() {
    for (Follower f : followers) {
      try {
        f.client.sendComment("heartbeat");
      } catch (RuntimeException e) {
        followers.remove(f);
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    for (Follower f : followers) {
      try {
        f.client.close();
      } catch (RuntimeException e) {
        LOG.debug("closing an app stream: {}", e.toString());
      }
    }
  }
}
