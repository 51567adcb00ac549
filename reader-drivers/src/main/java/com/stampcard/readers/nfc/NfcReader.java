package com.stampcard.readers.nfc;

import com.stampcard.core.code.CodeProblem;
import com.stampcard.core.code.CustomerCodes;
import com.stampcard.core.code.InputMethod;
import com.stampcard.readers.RawInput;
import com.stampcard.readers.Read;
import com.stampcard.readers.Rejections;
import com.stampcard.readers.ThreadedReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An NFC reader on PC/SC. Its thread finds the reader, waits for a tap, reads it (a phone's token
 * or a card's UID), delivers one read and then waits for the card to leave, so one tap is one read
 * however long the card is held. A reader unplugged, or the PC/SC service stopping, is reported and
 * waited out.
 */
public final class NfcReader extends ThreadedReader {
  private static final System.Logger LOG = System.getLogger(NfcReader.class.getName());
  private static final Duration POLL = Duration.ofMillis(250);

  private final NfcReaderConfig config;
  private final NfcTerminals terminals;
  private final TapProtocol protocol;

  public NfcReader(NfcReaderConfig config, NfcTerminals terminals, Clock clock) {
    super(
        "nfc:" + (config.terminalName().isEmpty() ? "first reader" : config.terminalName()), clock);
    this.config = Objects.requireNonNull(config, "config");
    this.terminals = Objects.requireNonNull(terminals, "terminals");
    this.protocol = new TapProtocol(config.aid());
  }

  @Override
  protected String threadName() {
    return "nfc-reader " + id();
  }

  @Override
  protected void runLoop() {
    while (running()) {
      Optional<NfcTerminals.Terminal> terminal = find();
      if (terminal.isEmpty()) {
        pause(config.retryInterval());
        continue;
      }
      connected("");
      try {
        serve(terminal.get());
      } catch (NfcTerminalException e) {
        // the reader was unplugged or the service went away: find() says which
        pause(Duration.ofMillis(100));
      } catch (RuntimeException e) {
        // a reader thread must not die quietly: say so, and start over
        LOG.log(System.Logger.Level.ERROR, id() + " failed", e);
        error("NFC reader failed: " + e + "; retrying");
        pause(config.retryInterval());
      }
    }
  }

  private Optional<NfcTerminals.Terminal> find() {
    try {
      Optional<String> name = match(terminals.names());
      if (name.isEmpty()) {
        disconnected(
            config.terminalName().isEmpty()
                ? "no NFC reader connected: plug it in"
                : "NFC reader \"" + config.terminalName() + "\" not connected: plug it in");
        return Optional.empty();
      }
      return Optional.of(terminals.terminal(name.get()));
    } catch (NfcServiceException e) {
      error(e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<String> match(List<String> names) {
    String wanted = config.terminalName().toLowerCase(Locale.ROOT);
    return names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(wanted)).findFirst();
  }

  private boolean stillThere(NfcTerminals.Terminal terminal) {
    try {
      return terminals.names().contains(terminal.name());
    } catch (NfcServiceException e) {
      return false;
    }
  }

  private void serve(NfcTerminals.Terminal terminal) throws NfcTerminalException {
    while (running()) {
      if (!terminal.waitForCard(POLL)) {
        if (!stillThere(terminal)) {
          return;
        }
        continue;
      }
      publish(readTap(terminal));
      while (running() && !terminal.waitForRemoval(POLL)) {
        if (!stillThere(terminal)) {
          return;
        }
      }
    }
  }

  private Read readTap(NfcTerminals.Terminal terminal) throws NfcTerminalException {
    TapResult result;
    try (NfcTerminals.Session session = terminal.connect()) {
      result = protocol.read(session);
    } catch (CardGoneException e) {
      return new Read(
          id(),
          InputMethod.NFC,
          clock.instant(),
          new RawInput.Bytes(new byte[0]),
          Rejections.notACode(
              CodeProblem.EMPTY,
              "the card or phone was taken away before it was read: hold it still until the beep"));
    }
    return toRead(result);
  }

  private Read toRead(TapResult result) {
    if (result instanceof TapResult.PhoneToken p) {
      return new Read(
          id(),
          InputMethod.NFC,
          clock.instant(),
          new RawInput.Bytes(p.token()),
          CustomerCodes.fromPhoneToken(p.token()));
    }
    if (result instanceof TapResult.CardUid c) {
      return new Read(
          id(),
          InputMethod.NFC,
          clock.instant(),
          new RawInput.Bytes(c.uid()),
          CustomerCodes.fromNfcUid(c.uid()));
    }
    TapResult.Failed f = (TapResult.Failed) result;
    return new Read(
        id(),
        InputMethod.NFC,
        clock.instant(),
        new RawInput.Bytes(f.received()),
        Rejections.notACode(CodeProblem.NOT_A_STAMPCARD_CODE, f.detail()));
  }

  private void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      // stop() interrupts; the loop condition ends the thread
    }
  }
}
