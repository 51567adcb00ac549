package com.stampcard.store.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns Jackson's complaints into a {@link DocumentException} that names the key. */
public final class JacksonProblems {
  private JacksonProblems() {}

  public static DocumentException toDocumentException(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return new DocumentException(
          "", "not valid YAML or JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    String key = keyOf(mapping);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new DocumentException(
          key, "is not a known key; allowed here: " + names(unknown.getKnownPropertyIds()), e);
    }
    if (e instanceof InvalidFormatException format) {
      return new DocumentException(
          key,
          "'"
              + format.getValue()
              + "' is not allowed; expected "
              + describe(format.getTargetType()),
          e);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new DocumentException(
          key, "has the wrong form; expected " + describe(mismatch.getTargetType()), e);
    }
    return new DocumentException(key, e.getOriginalMessage(), e);
  }

  /** The path of the failing value: {@code programs[0].stampsRequired}. */
  static String keyOf(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        key.append('[').append(ref.getIndex()).append(']');
      }
    }
    return key.toString();
  }

  private static String names(Collection<Object> ids) {
    return ids.stream().map(Objects::toString).sorted().collect(Collectors.joining(", "));
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == java.math.BigDecimal.class) {
      return "a number";
    }
    if (type == String.class) {
      return "text";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "a map of keys to values";
    }
    return "a " + type.getSimpleName();
  }
}
