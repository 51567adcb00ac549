package com.stampcard.core.port;

import com.stampcard.core.program.Program;
import com.stampcard.core.program.ProgramId;
import java.util.List;
import java.util.Optional;

/** Port: loyalty programs, each at its latest version. */
public interface ProgramPort {
  /** Every program at its latest version. */
  List<Program> programs();

  /** The program at its latest version. */
  Optional<Program> program(ProgramId id);

  /** Saves a new version; the version must be higher than the stored one. */
  void saveProgram(Program program);
}
