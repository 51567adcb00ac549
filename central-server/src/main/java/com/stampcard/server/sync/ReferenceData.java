package com.stampcard.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.program.Program;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.sync.WireReference;
import com.stampcard.server.db.ServerDatabase;
import com.stampcard.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Programs, staff and stores as a till of one store sees them, with a digest that changes when they
 * do. Small enough to send whole whenever it changed.
 */
public final class ReferenceData {
  private static final ObjectMapper JSON = Json.mapper();

  private final ServerDatabase db;

  public ReferenceData(ServerDatabase db) {
    this.db = db;
  }

  /** The ids of the programs that run at this store. */
  public Set<String> programsAt(StoreId store) {
    return db.store().inTransaction(tx -> tx.programs()).stream()
        .filter(p -> p.runsAt(store))
        .map(Program::id)
        .map(p -> p.value())
        .collect(Collectors.toSet());
  }

  public WireReference forStore(StoreId store) {
    Set<String> running = programsAt(store);
    return db.read(
        c -> {
          Map<String, WireReference.Program> programs = new LinkedHashMap<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, version, kind, definition FROM program ORDER BY id, version");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              if (running.contains(r.getString(1))) {
                programs.put(
                    r.getString(1),
                    new WireReference.Program(
                        r.getString(1), r.getInt(2), r.getString(3), r.getString(4)));
              }
            }
          }
          List<WireReference.Staff> staff = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, name, role, pin_hash, programs, active FROM staff ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              staff.add(
                  new WireReference.Staff(
                      r.getString(1),
                      r.getString(2),
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      r.getBoolean(6)));
            }
          }
          List<WireReference.Store> stores = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT id, name, zone FROM shop_store ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              stores.add(new WireReference.Store(r.getString(1), r.getString(2), r.getString(3)));
            }
          }
          List<WireReference.Program> list = List.copyOf(programs.values());
          return new WireReference(digest(list, staff, stores), list, staff, stores);
        });
  }

  private static String digest(Object... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Object part : parts) {
        sha.update(JSON.writeValueAsString(part).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
