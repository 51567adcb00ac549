package com.stampcard.store;

import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.till.MutableClock;
import com.stampcard.core.till.StampOutcome;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A till in a child JVM, for the tests that kill one: {@code stamp FILE} stamps printed cards in a
 * loop (undoing every seventh) and prints {@code committed EVENT_ID} after each commit; {@code hold
 * FILE} opens the database, prints {@code open} and waits to be killed.
 */
public final class StampLoop {
  private StampLoop() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path file = Path.of(args[1]);
    StoreDatabase database = StoreDatabase.h2File(file);
    if (args[0].equals("hold")) {
      System.out.println("open");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    HibernateTillStore store = database.tillStore();
    store.inTransaction(
        tx -> {
          if (tx.program(TestData.COFFEE).isEmpty()) {
            tx.saveProgram(TestData.coffeeCard());
            tx.saveStaffMember(TestData.cashierAnna());
          }
          return null;
        });
    TestTill till = new TestTill(store, MutableClock.tuesdayAfternoon());
    for (long i = 0; ; i++) {
      StampOutcome outcome = till.stamp(PrintedCard.fromSerial(1 + i % 40), TestData.COFFEE);
      if (outcome instanceof StampOutcome.Given given) {
        System.out.println("committed " + given.event().eventId());
      }
      if (i % 7 == 6) {
        var undone = till.corrections.undoLastStamp(TestData.ANNA, "crash test undo");
        if (undone instanceof com.stampcard.core.till.CorrectionOutcome.Done done) {
          System.out.println("committed " + done.event().eventId());
        }
      }
      System.out.flush();
    }
  }

  /** Starts this class in a child JVM with the test class path. */
  static Process start(String mode, Path file) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-cp",
            classPath,
            StampLoop.class.getName(),
            mode,
            file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
