package com.stampcard.store.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stampcard.core.program.Program;

/** A program version as the JSON text stored in {@code program.definition}. Thread-safe. */
public final class ProgramJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgramJson() {}

  public static String write(Program program) {
    try {
      return JSON.writeValueAsString(ProgramDocument.of(program));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a program document always writes", e);
    }
  }

  /**
   * @throws DocumentException if the text is not a program document
   */
  public static Program read(String json) {
    try {
      return JSON.readValue(json, ProgramDocument.class).toProgram("");
    } catch (JsonProcessingException e) {
      throw JacksonProblems.toDocumentException(e);
    }
  }
}
