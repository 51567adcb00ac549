package com.stampcard.pos.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.stampcard.core.code.IdentifierKind;
import com.stampcard.core.code.PrintedCard;
import com.stampcard.core.ledger.EventType;
import com.stampcard.core.program.ProgramId;
import com.stampcard.pos.cards.CardSheetTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Printed cards from the manager's area: a batch as a PDF sheet, and linking a card. */
class ManagerCardsFlowTest extends TillUiTest {
  private static final String CARD = "2900000000018";

  @Test
  void aManagerIssuesABatchAsAPdfAndOnlyIssuedCardsAreStamped() throws Exception {
    start("--printedCardsMustBeIssued=true");
    Path folder = dir.resolve("cards");
    WaitForAsyncUtils.asyncFx(() -> rig.window().manager().cardsFolder(folder)).get();
    logInAndChoose("anna", "1234", "coffee-card");
    openManagerArea();
    robot.clickOn("#section-cards");
    until(() -> visible("#cards-count"));
    robot.doubleClickOn("#cards-count").eraseText(3).write("12");
    robot.clickOn("#issue-cards");
    until(() -> visible("#cards-message") && text("#cards-message").startsWith("12 cards issued"));
    screenshot("23-manager-cards-issued");

    Path pdf;
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      pdf = all.get(0);
    }
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
    }
    List<String> numbers = CardSheetTest.readBack(Files.readAllBytes(pdf));
    assertThat(numbers).hasSize(12).doesNotHaveDuplicates().allMatch(n -> n.startsWith("29"));

    robot.clickOn("#manager-area-close");
    until(() -> visible("#counter-program"));
    // a card number nobody issued is refused; one from the sheet is stamped
    rig.scanLater(PrintedCard.fromSerial(77).number());
    until(() -> text("#banner").startsWith("This card number was never issued."));
    assertThat(rig.count(EventType.STAMP)).isZero();
    rig.scanLater(numbers.get(0));
    until(() -> rig.count(EventType.STAMP) == 1);
  }

  @Test
  void aManagerLinksANewCardToACustomersAccount() throws Exception {
    start();
    logInAndChoose("anna", "1234", "coffee-card");
    rig.scanLater(CARD);
    until(() -> rig.count(EventType.STAMP) == 1);
    String newCard = PrintedCard.fromSerial(77).number();

    openManagerArea();
    robot.clickOn("#section-cards");
    until(() -> visible("#link-card"));
    rig.scanLater(newCard);
    until(() -> !robot.lookup("#link-card").queryTextInputControl().getText().isEmpty());
    rig.scanLater(CARD);
    until(() -> !robot.lookup("#link-customer").queryTextInputControl().getText().isEmpty());
    assertThat(rig.count(EventType.STAMP)).isEqualTo(1);
    robot.clickOn("#link-cards");
    until(() -> visible("#cards-message") && text("#cards-message").startsWith("Linked."));
    screenshot("24-manager-card-linked");

    robot.clickOn("#manager-area-close");
    until(() -> visible("#counter-program"));
    rig.scanLater(newCard);
    until(() -> rig.count(EventType.STAMP) == 2);
    long stamps =
        rig.till
            .services()
            .store()
            .inTransaction(
                tx ->
                    tx.balance(
                            tx.findIdentifier(IdentifierKind.PRINTED_CARD, CARD)
                                .orElseThrow()
                                .account(),
                            new ProgramId("coffee-card"))
                        .units());
    assertThat(stamps).isEqualTo(2);
  }

  private void openManagerArea() {
    robot.clickOn("#open-manager");
    until(() -> visible("#manager-area-pin"));
    robot.clickOn("#manager-area-id").write("maria");
    robot.clickOn("#manager-area-pin").write("9999");
    robot.clickOn("#manager-area-log-in");
    until(() -> visible("#section-cards"));
  }
}
