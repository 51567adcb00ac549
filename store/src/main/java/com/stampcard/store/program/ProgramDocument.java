package com.stampcard.store.program;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.stampcard.core.program.Money;
import com.stampcard.core.program.PointsProgram;
import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import com.stampcard.core.program.ProgramKind;
import com.stampcard.core.program.RewardThreshold;
import com.stampcard.core.program.StampProgram;
import com.stampcard.core.program.TimeWindow;
import com.stampcard.core.shop.StoreId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A program version as a document: the form it is stored in (JSON, in {@code program.definition})
 * and the form a person writes it in (YAML, in {@code config/}). One shape for both, so a program
 * keeps its full rules whatever version of the code reads it. Durations are ISO-8601 ({@code
 * PT2H}), times of day {@code HH:mm}, amounts {@code "49.50 SEK"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgramDocument(
    String id,
    Integer version,
    String kind,
    String name,
    String reward,
    List<String> stores,
    String expiry,
    String minimumPurchase,
    List<Window> windows,
    Integer stampsRequired,
    String cooldown,
    Integer mostPerVisit,
    List<String> stampCategories,
    BigDecimal pointsPerUnit,
    String rounding,
    Map<String, BigDecimal> categoryMultipliers,
    Long capPerPurchase,
    List<Reward> rewards) {

  /** A time of the week with multiplied stamps or points. No days means every day. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Window(List<String> days, String from, String until, Integer multiplier) {
    TimeWindow toTimeWindow(Keys k) {
      Set<DayOfWeek> dayset = EnumSet.noneOf(DayOfWeek.class);
      List<String> names = orEmpty(days);
      for (int i = 0; i < names.size(); i++) {
        dayset.add(k.oneOf("days[" + i + "]", names.get(i), DayOfWeek.class, DayOfWeek::valueOf));
      }
      LocalTime start = k.time("from", required(k, "from", from));
      LocalTime end = k.time("until", required(k, "until", until));
      int times = required(k, "multiplier", multiplier);
      try {
        return new TimeWindow(dayset, start, end, times);
      } catch (IllegalArgumentException e) {
        throw new DocumentException(k.at(), e.getMessage(), e);
      }
    }
  }

  /** So many points buy this reward. */
  public record Reward(Long points, String reward) {
    RewardThreshold toThreshold(Keys k) {
      try {
        return new RewardThreshold(required(k, "points", points), reward);
      } catch (IllegalArgumentException e) {
        throw new DocumentException(k.at(), e.getMessage(), e);
      }
    }
  }

  /** The document of a program. */
  public static ProgramDocument of(Program program) {
    List<String> stores = program.stores().stream().map(StoreId::value).sorted().toList();
    String expiry = program.expiry().map(Duration::toString).orElse(null);
    if (program instanceof StampProgram s) {
      return new ProgramDocument(
          s.id().value(),
          s.version(),
          s.kind().name(),
          s.name(),
          s.reward(),
          stores,
          expiry,
          s.minimumPurchase().map(Money::toString).orElse(null),
          windows(s.windows()),
          s.stampsRequired(),
          s.cooldown().toString(),
          s.mostPerVisit(),
          s.stampCategories().stream().sorted().toList(),
          null,
          null,
          null,
          null,
          null);
    }
    PointsProgram p = (PointsProgram) program;
    return new ProgramDocument(
        p.id().value(),
        p.version(),
        p.kind().name(),
        p.name(),
        p.reward(),
        stores,
        expiry,
        p.minimumPurchase().map(Money::toString).orElse(null),
        windows(p.windows()),
        null,
        null,
        null,
        null,
        p.pointsPerUnit(),
        p.rounding().name(),
        new TreeMap<>(p.categoryMultipliers()),
        p.capPerPurchase(),
        p.rewards().stream().map(r -> new Reward(r.points(), r.reward())).toList());
  }

  /**
   * The program this document describes.
   *
   * @param at the document's key in its file, for messages, for example {@code programs[0]}; "" for
   *     a document of its own
   * @throws DocumentException naming the key that is wrong and what is allowed
   */
  public Program toProgram(String at) {
    Keys k = new Keys(at);
    ProgramKind programKind =
        k.oneOf("kind", required(k, "kind", kind), ProgramKind.class, ProgramKind::valueOf);
    ProgramId programId = k.parse("id", required(k, "id", id), ProgramId::new);
    int programVersion = required(k, "version", version);
    Set<StoreId> storeIds =
        k.parse(
            "stores",
            orEmpty(stores),
            l -> l.stream().map(StoreId::new).collect(Collectors.toSet()));
    Optional<Duration> expiryTime = Optional.ofNullable(expiry).map(e -> k.duration("expiry", e));
    Optional<Money> minimum =
        Optional.ofNullable(minimumPurchase).map(m -> k.money("minimumPurchase", m));
    List<TimeWindow> timeWindows = new ArrayList<>();
    List<Window> given = orEmpty(windows);
    for (int i = 0; i < given.size(); i++) {
      timeWindows.add(given.get(i).toTimeWindow(k.child("windows[" + i + "]")));
    }
    try {
      if (programKind == ProgramKind.STAMPS) {
        k.onlyFor("POINTS", "pointsPerUnit", pointsPerUnit);
        k.onlyFor("POINTS", "rounding", rounding);
        k.onlyFor("POINTS", "categoryMultipliers", categoryMultipliers);
        k.onlyFor("POINTS", "capPerPurchase", capPerPurchase);
        k.onlyFor("POINTS", "rewards", rewards);
        return new StampProgram(
            programId,
            programVersion,
            name,
            reward,
            storeIds,
            required(k, "stampsRequired", stampsRequired),
            minimum,
            cooldown == null ? Duration.ZERO : k.duration("cooldown", cooldown),
            mostPerVisit == null ? 1 : mostPerVisit,
            Set.copyOf(orEmpty(stampCategories)),
            timeWindows,
            expiryTime);
      }
      k.onlyFor("STAMPS", "stampsRequired", stampsRequired);
      k.onlyFor("STAMPS", "cooldown", cooldown);
      k.onlyFor("STAMPS", "mostPerVisit", mostPerVisit);
      k.onlyFor("STAMPS", "stampCategories", stampCategories);
      List<RewardThreshold> thresholds = new ArrayList<>();
      List<Reward> givenRewards = orEmpty(rewards);
      for (int i = 0; i < givenRewards.size(); i++) {
        thresholds.add(givenRewards.get(i).toThreshold(k.child("rewards[" + i + "]")));
      }
      return new PointsProgram(
          programId,
          programVersion,
          name,
          reward,
          storeIds,
          required(k, "pointsPerUnit", pointsPerUnit),
          rounding == null
              ? RoundingMode.DOWN
              : k.oneOf("rounding", rounding, RoundingMode.class, RoundingMode::valueOf),
          categoryMultipliers == null ? Map.of() : new LinkedHashMap<>(categoryMultipliers),
          capPerPurchase == null ? 0 : capPerPurchase,
          minimum,
          thresholds,
          timeWindows,
          expiryTime);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DocumentException(at, "program " + id + ": " + e.getMessage(), e);
    }
  }

  private static List<Window> windows(List<TimeWindow> windows) {
    return windows.stream()
        .map(
            w ->
                new Window(
                    w.days().size() == 7
                        ? List.of()
                        : w.days().stream().sorted().map(DayOfWeek::name).toList(),
                    w.from().toString(),
                    w.until().toString(),
                    w.multiplier()))
        .toList();
  }

  private static <T> T required(Keys k, String key, T value) {
    if (value == null) {
      throw new DocumentException(k.key(key), "is required");
    }
    return value;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Builds keys and messages for one document. */
  static final class Keys {
    private final String at;

    Keys(String at) {
      this.at = at;
    }

    String key(String name) {
      return at.isEmpty() ? name : at + "." + name;
    }

    Keys child(String name) {
      return new Keys(key(name));
    }

    String at() {
      return at;
    }

    <T, S> T parse(String name, S value, Function<S, T> parser) {
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw new DocumentException(key(name), e.getMessage(), e);
      }
    }

    <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, Function<String, E> of) {
      try {
        return of.apply(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new DocumentException(
            key(name),
            "'"
                + value
                + "' is not allowed; use one of "
                + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.joining(", ")),
            e);
      }
    }

    Duration duration(String name, String value) {
      try {
        return Duration.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new DocumentException(
            key(name),
            "'"
                + value
                + "' is not a duration; write it in ISO-8601, for example PT0S, PT10M, P30D",
            e);
      }
    }

    LocalTime time(String name, String value) {
      try {
        return LocalTime.parse(Objects.requireNonNull(value).trim());
      } catch (DateTimeException | NullPointerException e) {
        throw new DocumentException(
            key(name),
            "'" + value + "' is not a time of day; write it as HH:mm, for example 07:30",
            e);
      }
    }

    Money money(String name, String value) {
      String[] parts = value.trim().split("\\s+");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("two parts expected");
        }
        return Money.of(parts[0], parts[1]);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new DocumentException(
            key(name),
            "'"
                + value
                + "' is not an amount; write the amount and an ISO 4217 currency, for"
                + " example \"49.50 SEK\"",
            e);
      }
    }

    void onlyFor(String kind, String name, Object value) {
      if (value != null) {
        throw new DocumentException(key(name), "is only allowed in a " + kind + " program");
      }
    }
  }
}
