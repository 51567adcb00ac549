package com.stampcard.readers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each device library is seen only by its adapter package (and the factory that wires it). */
class VendorTypesStayInAdaptersTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importReaders() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.stampcard.readers");
  }

  @ParameterizedTest
  @CsvSource({
    "jssc.., ..readers.serial.jssc..",
    "javax.smartcardio.., ..readers.nfc.pcsc..",
    "com.github.sarxos.., ..readers.camera.webcam..",
    "com.google.zxing.., ..readers.camera.zxing..",
    "javafx.., ..readers.wedge.fx.."
  })
  void vendorTypesOnlyInsideTheirAdapter(String vendor, String adapter) {
    noClasses()
        .that()
        .resideOutsideOfPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(vendor)
        .because(vendor + " belongs behind a port, in " + adapter)
        .check(classes);
  }
}
