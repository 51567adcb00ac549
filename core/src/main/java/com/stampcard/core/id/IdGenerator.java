package com.stampcard.core.id;

import java.util.UUID;

/** Port: makes the ids of new accounts and events. */
@FunctionalInterface
public interface IdGenerator {
  UUID next();
}
