package com.stampcard.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.stampcard.core.sync.Problem;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The API's JSON: snake_case names, unknown fields refused, no trailing data, bounded nesting. A
 * body that does not parse becomes a 400 problem naming the field.
 */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addMixIn(Problem.class, ProblemWritten.class);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build());
    return mapper;
  }

  /** A problem is written without its empty parts: no {@code errors: []}, no null key. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private interface ProblemWritten {}

  /** Reads {@code body} as {@code type}, or throws a 400 problem that says what is wrong where. */
  public static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw ApiException.badRequest("The request has no body; send a JSON object.");
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw ApiException.badRequest("The body is JSON null; send a JSON object.");
      }
      return value;
    } catch (JsonMappingException e) {
      String field = path(e.getPath());
      throw ApiException.badRequest(
          "The field "
              + (field.isEmpty() ? "(body)" : field)
              + " is not valid: "
              + e.getOriginalMessage(),
          List.of(new Problem.FieldError(field, e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("The body could not be read: " + e.getMessage());
    }
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    return refs.stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
