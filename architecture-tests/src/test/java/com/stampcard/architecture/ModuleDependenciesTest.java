package com.stampcard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the dependency table of ARCHITECTURE.md: core depends on the JDK only; adapters (store,
 * reader-drivers) don't depend on each other; only the till app and the server wire things up.
 */
class ModuleDependenciesTest {
  private static final String CORE = "com.stampcard.core..";
  private static final String STORE = "com.stampcard.store..";
  private static final String READERS = "com.stampcard.readers..";
  private static final String SYNC = "com.stampcard.sync..";
  private static final String SERVER = "com.stampcard.server..";
  private static final String TILL_APP = "com.stampcard.pos..";

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.stampcard");
  }

  @Test
  void coreDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage(CORE)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(CORE, "java..", "javax.crypto..")
        .because("the domain knows nothing of JavaFX, SQL, drivers or frameworks")
        .check(classes);
  }

  @Test
  void coreUsesNoSqlOrDesktopPartsOfTheJdk() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "java.awt..", "javax.swing..", "java.net.http..")
        .check(classes);
  }

  @Test
  void theStoreKnowsNoReaderSyncServerOrTill() {
    noClasses()
        .that()
        .resideInAPackage(STORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(READERS, SYNC, SERVER, TILL_APP)
        .check(classes);
  }

  @Test
  void readersKnowNoStoreSyncServerOrTill() {
    noClasses()
        .that()
        .resideInAPackage(READERS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(STORE, SYNC, SERVER, TILL_APP)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theSyncAgentKnowsNoReaderServerOrTill() {
    noClasses()
        .that()
        .resideInAPackage(SYNC)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(READERS, SERVER, TILL_APP)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theServerKnowsNoReaderSyncOrTill() {
    noClasses()
        .that()
        .resideInAPackage(SERVER)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(READERS, SYNC, TILL_APP)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void nothingButTheTillAppUsesJavaFxOutsideReaderAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE, STORE, SYNC, SERVER)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..")
        .check(classes);
  }
}
