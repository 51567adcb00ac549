package com.stampcard.readers.nfc.pcsc;

import com.stampcard.readers.nfc.CardGoneException;
import com.stampcard.readers.nfc.NfcServiceException;
import com.stampcard.readers.nfc.NfcTerminalException;
import com.stampcard.readers.nfc.NfcTerminals;
import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

/**
 * NFC readers through the JDK's PC/SC provider (javax.smartcardio over pcsc-lite or WinSCard). The
 * only class that sees javax.smartcardio.
 *
 * <p>{@code TerminalFactory.getDefault()} is never used: when the service is not running on its
 * first call it quietly returns an empty provider for the life of the JVM. {@code
 * getInstance("PC/SC", null)} fails instead, which is reported, and is tried again later.
 *
 * <p>The JDK keeps one PC/SC context for the whole JVM. When the service restarts, that context is
 * dead; if the JVM was started with {@code --add-opens java.smartcardio/sun.security.smartcardio=
 * ALL-UNNAMED} it is dropped so the next call makes a fresh one, otherwise the till must restart.
 */
public final class PcscTerminals implements NfcTerminals {
  private static final System.Logger LOG = System.getLogger(PcscTerminals.class.getName());
  static final String NOT_RUNNING =
      "PC/SC service not running: install pcscd and start it (systemctl enable --now pcscd.socket)";

  private TerminalFactory factory;

  @Override
  public synchronized List<String> names() throws NfcServiceException {
    try {
      List<String> out = new ArrayList<>();
      for (CardTerminal t : factory().terminals().list()) {
        out.add(t.getName());
      }
      return out;
    } catch (CardException e) {
      throw serviceFailure(e);
    }
  }

  @Override
  public synchronized Terminal terminal(String name) throws NfcServiceException {
    CardTerminal t = factory().terminals().getTerminal(name);
    if (t == null) {
      throw new NfcServiceException("no NFC reader called " + name, null);
    }
    return new PcscTerminal(t);
  }

  private TerminalFactory factory() throws NfcServiceException {
    if (factory == null) {
      try {
        factory = TerminalFactory.getInstance("PC/SC", null);
      } catch (NoSuchAlgorithmException e) {
        throw new NfcServiceException(describe(e), e);
      }
    }
    return factory;
  }

  private NfcServiceException serviceFailure(CardException e) {
    String what = describe(e);
    if (what.equals(NOT_RUNNING) || what.contains("SCARD_E_INVALID_HANDLE")) {
      factory = null;
      if (!forgetContext()) {
        return new NfcServiceException(
            "the PC/SC service was restarted: restart the till to use the NFC reader again", e);
      }
      return new NfcServiceException(NOT_RUNNING, e);
    }
    return new NfcServiceException(what, e);
  }

  /** Turns the JDK's chain of PC/SC errors into one line IT can act on. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("SCARD_E_NO_SERVICE") || m.contains("SCARD_E_SERVICE_STOPPED")) {
        return NOT_RUNNING;
      }
      if (t instanceof UnsatisfiedLinkError || m.contains("libpcsclite")) {
        return "PC/SC library not found: install libpcsclite1 (or set"
            + " sun.security.smartcardio.library)";
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "PC/SC error: " + root.getMessage();
  }

  /** Drops the JDK's dead PC/SC context so the next call makes a new one. */
  private static boolean forgetContext() {
    try {
      Class<?> c = Class.forName("sun.security.smartcardio.PCSCTerminals");
      Field context = c.getDeclaredField("contextId");
      Field cache = c.getDeclaredField("terminals"); // terminals by name, holding the old context
      context.setAccessible(true);
      cache.setAccessible(true);
      synchronized (c) {
        context.setLong(null, 0L);
        ((Map<?, ?>) cache.get(null)).clear();
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Cannot reset the PC/SC context (start Java with --add-opens"
              + " java.smartcardio/sun.security.smartcardio=ALL-UNNAMED): {0}",
          e.toString());
      return false;
    }
  }

  private static final class PcscTerminal implements Terminal {
    private final CardTerminal terminal;

    PcscTerminal(CardTerminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public String name() {
      return terminal.getName();
    }

    @Override
    public boolean waitForCard(Duration wait) throws NfcTerminalException {
      try {
        return terminal.waitForCardPresent(Math.max(1, wait.toMillis()));
      } catch (CardException e) {
        throw new NfcTerminalException(describe(e), e);
      }
    }

    @Override
    public boolean waitForRemoval(Duration wait) throws NfcTerminalException {
      try {
        return terminal.waitForCardAbsent(Math.max(1, wait.toMillis()));
      } catch (CardException e) {
        throw new NfcTerminalException(describe(e), e);
      }
    }

    @Override
    public Session connect() throws NfcTerminalException, CardGoneException {
      Card card;
      try {
        card = terminal.connect("*");
      } catch (CardNotPresentException e) {
        throw new CardGoneException("the card left before it could be read", e);
      } catch (CardException e) {
        String what = describe(e);
        if (String.valueOf(e.getMessage()).contains("SCARD_W_REMOVED_CARD")
            || what.contains("SCARD_E_NO_SMARTCARD")) {
          throw new CardGoneException("the card left before it could be read", e);
        }
        throw new NfcTerminalException(what, e);
      }
      return new PcscSession(card);
    }
  }

  private static final class PcscSession implements Session {
    private final Card card;

    PcscSession(Card card) {
      this.card = card;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardGoneException {
      try {
        return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
      } catch (CardException | RuntimeException e) {
        // an empty answer (IllegalArgumentException from ResponseAPDU) also means the card went
        throw new CardGoneException("the card left before it could be read", e);
      }
    }

    @Override
    public void close() {
      try {
        card.disconnect(false);
      } catch (CardException | IllegalStateException e) {
        // already gone with the card
      }
    }
  }
}
