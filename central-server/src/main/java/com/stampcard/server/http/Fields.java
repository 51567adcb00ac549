package com.stampcard.server.http;

import com.stampcard.core.sync.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Validates the fields of one request and collects every problem, so a till's developer sees all of
 * them in one answer rather than one per try.
 */
public final class Fields {
  private final List<Problem.FieldError> errors = new ArrayList<>();

  /** Parses a required value; records a field error and answers null when it is bad. */
  public <T> T parse(String field, String value, Function<String, T> parser) {
    if (value == null) {
      errors.add(new Problem.FieldError(field, "is required"));
      return null;
    }
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      errors.add(
          new Problem.FieldError(field, e.getMessage() == null ? "is not valid" : e.getMessage()));
      return null;
    }
  }

  /** Parses an optional value: null stays null. */
  public <T> T optional(String field, String value, Function<String, T> parser) {
    return value == null ? null : parse(field, value, parser);
  }

  public <T> T required(String field, T value) {
    if (value == null) {
      errors.add(new Problem.FieldError(field, "is required"));
    }
    return value;
  }

  public void check(boolean ok, String field, String message) {
    if (!ok) {
      errors.add(new Problem.FieldError(field, message));
    }
  }

  /** Checks a rule that throws IllegalArgumentException (a core constructor, say). */
  public <T> T build(String field, java.util.function.Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(new Problem.FieldError(field, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /**
   * The fields under {@code prefix} ("events[3]"), named relative to it (".event_id"). The full
   * name is built only for a field that is bad: a push of a thousand events names tens of thousands
   * of fields, nearly all of them good.
   */
  public Scope in(String prefix) {
    return new Scope(prefix);
  }

  /** Fields under one prefix; see {@link #in}. */
  public final class Scope {
    private final String prefix;

    private Scope(String prefix) {
      this.prefix = prefix;
    }

    public <T> T parse(String name, String value, Function<String, T> parser) {
      if (value == null) {
        errors.add(new Problem.FieldError(prefix + name, "is required"));
        return null;
      }
      try {
        return parser.apply(value);
      } catch (RuntimeException e) {
        errors.add(
            new Problem.FieldError(
                prefix + name, e.getMessage() == null ? "is not valid" : e.getMessage()));
        return null;
      }
    }

    public <T> T optional(String name, String value, Function<String, T> parser) {
      return value == null ? null : parse(name, value, parser);
    }

    public <T> T required(String name, T value) {
      if (value == null) {
        errors.add(new Problem.FieldError(prefix + name, "is required"));
      }
      return value;
    }

    public void check(boolean ok, String name, String message) {
      if (!ok) {
        errors.add(new Problem.FieldError(prefix + name, message));
      }
    }
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Throws a 400 problem listing every bad field, if there is one. */
  public void throwIfAny(String what) {
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(
          what
              + " has "
              + errors.size()
              + (errors.size() == 1 ? " invalid field" : " invalid fields")
              + ": "
              + errors.get(0).field()
              + " "
              + errors.get(0).message()
              + (errors.size() > 1 ? " (and more, see errors)" : "")
              + ". Nothing was stored.",
          List.copyOf(errors.subList(0, Math.min(errors.size(), 50))));
    }
  }
}
