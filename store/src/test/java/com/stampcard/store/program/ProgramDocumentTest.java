package com.stampcard.store.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stampcard.core.program.Program;
import com.stampcard.store.TestData;
import org.junit.jupiter.api.Test;

class ProgramDocumentTest {
  @Test
  void aStampProgramKeepsEveryRuleThroughJson() {
    Program program = TestData.everyStampRule(4);
    assertThat(ProgramJson.read(ProgramJson.write(program))).isEqualTo(program);
  }

  @Test
  void aPointsProgramKeepsEveryRuleThroughJson() {
    Program program = TestData.everyPointsRule();
    assertThat(ProgramJson.read(ProgramJson.write(program))).isEqualTo(program);
  }

  @Test
  void theJsonIsPlainAndReadable() {
    String json = ProgramJson.write(TestData.everyStampRule(4));
    assertThat(json)
        .contains("\"kind\":\"STAMPS\"")
        .contains("\"cooldown\":\"PT10M\"")
        .contains("\"minimumPurchase\":\"25.00 SEK\"")
        .contains("\"from\":\"06:30\"")
        .doesNotContain("pointsPerUnit");
  }

  @Test
  void anUnknownKindNamesTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(
            () ->
                ProgramJson.read("{\"id\":\"x\",\"version\":1,\"kind\":\"STAMP\",\"name\":\"n\"}"))
        .isInstanceOf(DocumentException.class)
        .hasMessage("kind: 'STAMP' is not allowed; use one of STAMPS, POINTS");
  }

  @Test
  void aRuleOfTheOtherKindIsRefused() {
    assertThatThrownBy(
            () ->
                ProgramJson.read(
                    "{\"id\":\"x\",\"version\":1,\"kind\":\"STAMPS\",\"name\":\"n\",\"reward\":\"r\","
                        + "\"stampsRequired\":5,\"pointsPerUnit\":1}"))
        .isInstanceOf(DocumentException.class)
        .hasMessage("pointsPerUnit: is only allowed in a POINTS program");
  }

  @Test
  void aBadTimeInAWindowNamesTheWindow() {
    assertThatThrownBy(
            () ->
                ProgramJson.read(
                    "{\"id\":\"x\",\"version\":1,\"kind\":\"STAMPS\",\"name\":\"n\",\"reward\":\"r\","
                        + "\"stampsRequired\":5,\"windows\":[{\"from\":\"7\",\"until\":\"10:00\","
                        + "\"multiplier\":2}]}"))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("windows[0].from: '7' is not a time of day; write it as HH:mm");
  }
}
