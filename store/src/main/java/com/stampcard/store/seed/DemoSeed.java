package com.stampcard.store.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.stampcard.core.account.Account;
import com.stampcard.core.account.AccountId;
import com.stampcard.core.account.Identifier;
import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.id.IdGenerator;
import com.stampcard.core.port.TillStore;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.shop.StoreId;
import com.stampcard.core.staff.PinHash;
import com.stampcard.core.staff.Role;
import com.stampcard.core.staff.StaffId;
import com.stampcard.core.staff.StaffMember;
import com.stampcard.store.program.DocumentException;
import com.stampcard.store.program.JacksonProblems;
import com.stampcard.store.program.ProgramDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Loads the demo programs, staff and printed cards of a folder such as {@code config/demo} into a
 * till store: {@code programs.yaml}, {@code staff.yaml} and {@code cards.txt}. Idempotent: what is
 * there already (a program at that version or later, a staff member, a card) is left as it is, so
 * loading twice changes nothing. Every file is read and checked before anything is written; a bad
 * file stops the load with a message that names the file, the key and what is allowed.
 */
public final class DemoSeed {
  public static final String PROGRAMS_FILE = "programs.yaml";
  public static final String STAFF_FILE = "staff.yaml";
  public static final String CARDS_FILE = "cards.txt";

  private static final Pattern PIN = Pattern.compile("[0-9]{4,12}");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Clock clock;
  private final IdGenerator ids;
  private final int pinIterations;

  /** What a load added. All zero on a second load. */
  public record Result(int programsSaved, int staffAdded, int cardsIssued) {}

  public DemoSeed(Clock clock, IdGenerator ids) {
    this(clock, ids, PinHash.DEFAULT_ITERATIONS);
  }

  /**
   * @param pinIterations PBKDF2 iterations for the PIN hashes; tests may lower it
   */
  public DemoSeed(Clock clock, IdGenerator ids, int pinIterations) {
    this.clock = clock;
    this.ids = ids;
    this.pinIterations = pinIterations;
  }

  /**
   * Loads the folder's files into the store; cards are issued to new accounts opened at {@code
   * store}.
   *
   * @throws SeedFileException if a file is missing or wrong; then nothing was loaded
   */
  public Result load(TillStore tillStore, Path folder, StoreId store) {
    List<Program> programs = readPrograms(folder.resolve(PROGRAMS_FILE));
    List<StaffEntry> staff = readStaff(folder.resolve(STAFF_FILE));
    List<PrintedCard> cards = readCards(folder.resolve(CARDS_FILE));

    Set<StaffId> missing =
        tillStore.inTransaction(
            tx ->
                staff.stream()
                    .map(StaffEntry::id)
                    .filter(id -> tx.staffMember(id).isEmpty())
                    .collect(Collectors.toSet()));
    // PBKDF2 is slow on purpose: hash outside the transaction, and only for who is missing.
    List<StaffMember> newStaff =
        staff.stream().filter(s -> missing.contains(s.id())).map(this::member).toList();

    Instant now = clock.instant();
    return tillStore.inTransaction(
        tx -> {
          int programsSaved = 0;
          for (Program p : programs) {
            Optional<Program> stored = tx.program(p.id());
            if (stored.isEmpty() || stored.get().version() < p.version()) {
              tx.saveProgram(p);
              programsSaved++;
            }
          }
          int staffAdded = 0;
          for (StaffMember m : newStaff) {
            if (tx.staffMember(m.id()).isEmpty()) {
              tx.saveStaffMember(m);
              staffAdded++;
            }
          }
          int cardsIssued = 0;
          for (PrintedCard card : cards) {
            if (tx.findIdentifier(IdentifierKind.PRINTED_CARD, card.number()).isEmpty()) {
              Account account = Account.opened(new AccountId(ids.next()), now, store);
              tx.addAccount(account);
              tx.addIdentifier(
                  Identifier.linked(IdentifierKind.PRINTED_CARD, card.number(), account.id(), now));
              cardsIssued++;
            }
          }
          return new Result(programsSaved, staffAdded, cardsIssued);
        });
  }

  // --- programs.yaml ---

  /** The file's top level. */
  record ProgramsFile(List<ProgramDocument> programs) {}

  static List<Program> readPrograms(Path file) {
    ProgramsFile parsed = readYaml(file, ProgramsFile.class);
    if (parsed.programs() == null || parsed.programs().isEmpty()) {
      throw new SeedFileException(file, "programs: is required; list at least one program", null);
    }
    List<Program> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < parsed.programs().size(); i++) {
      String key = "programs[" + i + "]";
      ProgramDocument doc = parsed.programs().get(i);
      if (doc == null) {
        throw new SeedFileException(file, key + ": is empty; give the program's keys", null);
      }
      try {
        Program program = doc.toProgram(key);
        if (!seen.add(program.id() + "@" + program.version())) {
          throw new SeedFileException(
              file,
              key
                  + ".id: program "
                  + program.id()
                  + " version "
                  + program.version()
                  + " is listed twice; give each version once",
              null);
        }
        out.add(program);
      } catch (DocumentException e) {
        throw new SeedFileException(file, e.getMessage(), e);
      }
    }
    return out;
  }

  // --- staff.yaml ---

  /** The file's top level. */
  record StaffFile(List<StaffDocument> staff) {}

  /** One member of staff as written in the file. */
  record StaffDocument(
      String id, String name, String role, String pin, List<String> programs, Boolean active) {}

  /** A checked entry, before its PIN is hashed. */
  private record StaffEntry(
      StaffId id, String name, Role role, char[] pin, Set<ProgramId> programs, boolean active) {}

  private StaffMember member(StaffEntry s) {
    StaffMember m =
        StaffMember.of(
            s.id(), s.name(), s.role(), PinHash.of(s.pin(), pinIterations), s.programs());
    return s.active()
        ? m
        : new StaffMember(
            m.id(), m.name(), m.role(), m.pin(), m.programs(), false, 0, Optional.empty());
  }

  private static List<StaffEntry> readStaff(Path file) {
    StaffFile parsed = readYaml(file, StaffFile.class);
    if (parsed.staff() == null || parsed.staff().isEmpty()) {
      throw new SeedFileException(
          file, "staff: is required; list at least one member of staff", null);
    }
    List<StaffEntry> out = new ArrayList<>();
    Set<StaffId> seen = new HashSet<>();
    for (int i = 0; i < parsed.staff().size(); i++) {
      String key = "staff[" + i + "]";
      StaffDocument doc = parsed.staff().get(i);
      if (doc == null) {
        throw new SeedFileException(file, key + ": is empty; give id, name, role and pin", null);
      }
      StaffId id = parse(file, key + ".id", required(file, key + ".id", doc.id()), StaffId::new);
      if (!seen.add(id)) {
        throw new SeedFileException(file, key + ".id: '" + id + "' is listed twice", null);
      }
      String name = required(file, key + ".name", doc.name());
      if (name.isBlank()) {
        throw new SeedFileException(file, key + ".name: can't be blank", null);
      }
      Role role = parseRole(file, key + ".role", required(file, key + ".role", doc.role()));
      String pin = required(file, key + ".pin", doc.pin());
      if (!PIN.matcher(pin).matches()) {
        throw new SeedFileException(
            file,
            key
                + ".pin: must be 4 to 12 digits, written in quotes (\"0123\": unquoted, YAML"
                + " reads a leading 0 as an octal number)",
            null);
      }
      List<String> programIds = doc.programs() == null ? List.of() : doc.programs();
      Set<ProgramId> programs = new HashSet<>();
      for (int p = 0; p < programIds.size(); p++) {
        programs.add(parse(file, key + ".programs[" + p + "]", programIds.get(p), ProgramId::new));
      }
      out.add(
          new StaffEntry(
              id, name, role, pin.toCharArray(), programs, doc.active() == null || doc.active()));
    }
    return out;
  }

  private static Role parseRole(Path file, String key, String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SeedFileException(
          file, key + ": '" + value + "' is not allowed; use CASHIER or MANAGER", e);
    }
  }

  // --- cards.txt ---

  static List<PrintedCard> readCards(Path file) {
    List<String> lines = readLines(file);
    Map<String, PrintedCard> cards = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        PrintedCard card = new PrintedCard(line);
        if (cards.putIfAbsent(card.number(), card) != null) {
          throw new SeedFileException(
              file, "line " + (i + 1) + ": " + line + " is listed twice", null);
        }
      } catch (IllegalArgumentException e) {
        throw new SeedFileException(
            file,
            "line "
                + (i + 1)
                + ": '"
                + line
                + "' is not a printed card number; write 13 digits:"
                + " 29, a ten-digit serial and the GS1 check digit",
            e);
      }
    }
    return List.copyOf(cards.values());
  }

  // --- reading ---

  private static <T> T readYaml(Path file, Class<T> type) {
    String text = String.join("\n", readLines(file));
    try {
      T parsed = YAML.readValue(text, type);
      if (parsed == null) {
        throw new SeedFileException(file, "is empty", null);
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new SeedFileException(file, JacksonProblems.toDocumentException(e).getMessage(), e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SeedFileException(file, "is missing", e);
    } catch (IOException e) {
      throw new SeedFileException(file, "can't be read: " + e.getMessage(), e);
    }
  }

  private static <T> T required(Path file, String key, T value) {
    if (value == null) {
      throw new SeedFileException(file, key + ": is required", null);
    }
    return value;
  }

  private static <T> T parse(
      Path file, String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new SeedFileException(file, key + ": " + e.getMessage(), e);
    }
  }
}
