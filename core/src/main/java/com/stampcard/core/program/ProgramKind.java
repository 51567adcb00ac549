package com.stampcard.core.program;

/** Stamp cards count stamps to a reward; points programs count points to reward thresholds. */
public enum ProgramKind {
  STAMPS,
  POINTS
}
