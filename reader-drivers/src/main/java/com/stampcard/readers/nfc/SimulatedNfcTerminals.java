package com.stampcard.readers.nfc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * NFC readers in memory, for tests and demos: readers are plugged and unplugged, cards are tapped
 * and taken away, the PC/SC service is stopped and started. A card is a function from command APDU
 * to response APDU ({@code null} means the card left mid-exchange). Thread-safe.
 */
public final class SimulatedNfcTerminals implements NfcTerminals {
  private final Map<String, UnaryOperator<byte[]>> readers = new LinkedHashMap<>();
  private boolean serviceRunning = true;

  public synchronized void plug(String name) {
    readers.putIfAbsent(name, null);
    notifyAll();
  }

  public synchronized void unplug(String name) {
    readers.remove(name);
    notifyAll();
  }

  /** Puts {@code card} on reader {@code name} until {@link #removeCard}. */
  public synchronized void tap(String name, UnaryOperator<byte[]> card) {
    if (!readers.containsKey(name)) {
      throw new IllegalStateException("no reader " + name);
    }
    readers.put(name, card);
    notifyAll();
  }

  public synchronized void removeCard(String name) {
    if (readers.containsKey(name)) {
      readers.put(name, null);
    }
    notifyAll();
  }

  public synchronized void serviceRunning(boolean running) {
    serviceRunning = running;
    notifyAll();
  }

  @Override
  public synchronized List<String> names() throws NfcServiceException {
    checkService();
    return new ArrayList<>(readers.keySet());
  }

  @Override
  public synchronized Terminal terminal(String name) throws NfcServiceException {
    checkService();
    if (!readers.containsKey(name)) {
      throw new NfcServiceException("no NFC reader called " + name, null);
    }
    return new SimulatedTerminal(name);
  }

  private void checkService() throws NfcServiceException {
    if (!serviceRunning) {
      throw new NfcServiceException("PC/SC service not running (simulated)", null);
    }
  }

  private final class SimulatedTerminal implements Terminal {
    private final String name;

    SimulatedTerminal(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean waitForCard(Duration wait) throws NfcTerminalException {
      return await(wait, true);
    }

    @Override
    public boolean waitForRemoval(Duration wait) throws NfcTerminalException {
      return await(wait, false);
    }

    private boolean await(Duration wait, boolean present) throws NfcTerminalException {
      synchronized (SimulatedNfcTerminals.this) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
          if (!serviceRunning || !readers.containsKey(name)) {
            throw new NfcTerminalException(name + " has gone", null);
          }
          if ((readers.get(name) != null) == present) {
            return true;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          try {
            SimulatedNfcTerminals.this.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
      }
    }

    @Override
    public Session connect() throws CardGoneException {
      UnaryOperator<byte[]> card;
      synchronized (SimulatedNfcTerminals.this) {
        card = readers.get(name);
      }
      if (card == null) {
        throw new CardGoneException("the card left before it could be read", null);
      }
      return new Session() {
        @Override
        public byte[] transmit(byte[] command) throws CardGoneException {
          byte[] answer = card.apply(command);
          if (answer == null) {
            removeCard(name);
            throw new CardGoneException("the card left before it could be read", null);
          }
          return answer;
        }

        @Override
        public void close() {}
      };
    }
  }
}
