package com.stampcard.readers.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.UnaryOperator;

/**
 * A contactless card or phone for vsmartcard's virtual reader, in plain Java. vpcd listens on a TCP
 * port; the card connects to be "in the field" and disconnects to be taken away. Each message is a
 * 2-byte big-endian length and a payload; a 1-byte payload is a control code (0 power off, 1 power
 * on, 2 reset, 4 send the ATR), anything longer a command APDU to answer with data and a status
 * word. The card is a function from command to response; {@code null} means "taken away now".
 */
public final class VpcdCard implements AutoCloseable {
  /** ATR of an ISO 14443-4 card as PC/SC part 3 builds it (historical bytes empty). */
  public static final byte[] ATR = {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};

  private final int port;
  private final UnaryOperator<byte[]> card;
  private Socket socket;
  private Thread thread;

  public VpcdCard(int port, UnaryOperator<byte[]> card) {
    this.port = port;
    this.card = card;
  }

  /** Puts the card on the reader. */
  public VpcdCard insert() throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    Socket s = socket;
    thread = new Thread(() -> serve(s), "vpcd-card");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Takes the card away. */
  public void remove() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // closing is all we wanted
    }
  }

  public boolean inField() {
    return socket != null && !socket.isClosed();
  }

  private void serve(Socket s) {
    try (s;
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
      while (true) {
        int length = in.readUnsignedShort();
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
          return;
        }
        byte[] answer;
        if (length == 1) {
          if (payload[0] != 4) {
            continue; // power off, power on, reset: nothing to answer
          }
          answer = ATR;
        } else {
          answer = card.apply(payload);
          if (answer == null) {
            return; // taken away mid-read
          }
        }
        out.writeShort(answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) {
      // vpcd or the test closed the connection: the card is gone
    }
  }

  @Override
  public void close() {
    remove();
  }
}
