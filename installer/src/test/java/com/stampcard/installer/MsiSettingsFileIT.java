package com.stampcard.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the MSI puts in %ProgramData%\Stampcard (decision 0505), tried here as far as Linux allows:
 * the till reads the commented till.yaml as the machine's file (found through {@code ProgramData},
 * as on Windows), both as installed and with its examples switched on; and the WiX include that
 * installs it is well-formed and says what the decision says.
 */
class MsiSettingsFileIT {
  private static final Path MSI = Packages.root().resolve("installer/src/main/packaging/msi");

  @TempDir Path programData;

  @Test
  void theTillReadsTheInstalledFileAsTheMachinesSettings() throws IOException {
    Path file = install(Files.readString(MSI.resolve("till.yaml")));

    Commands.Result check = checkConfig();

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("store: my-store    # from built-in defaults")
        .doesNotContain("# from " + file);
  }

  @Test
  void itsExamplesAreValidSettingsOnceSwitchedOn() throws IOException {
    String switchedOn =
        Files.readString(MSI.resolve("till.yaml"))
            .lines()
            .map(l -> l.matches("# ( *[A-Za-z]+:( .*)?)") ? l.substring(2) : l)
            .collect(Collectors.joining("\n", "", "\n"));
    Path file = install(switchedOn);

    Commands.Result check = checkConfig();

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("store: cafe-norr    # from " + file)
        .contains("till: cafe-norr-1    # from " + file)
        .contains("readers.serialPort: COM3    # from " + file)
        .contains("server.url: https://stampcard.example    # from " + file)
        .contains("# from " + file);
  }

  @Test
  void theWixIncludeInstallsTheFileOnceAndKeepsIt() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document wxi = factory.newDocumentBuilder().parse(MSI.resolve("programdata.wxi").toFile());

    Element root = wxi.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("Include");
    assertThat(root.getNamespaceURI()).isEqualTo("http://schemas.microsoft.com/wix/2006/wi");
    Element component = (Element) wxi.getElementsByTagNameNS("*", "Component").item(0);
    assertThat(component.getAttribute("Id")).isEqualTo("StampcardMachineSettings");
    assertThat(component.getAttribute("Guid")).matches("\\{[0-9A-F-]{36}\\}");
    assertThat(component.getAttribute("Permanent")).isEqualTo("yes");
    assertThat(component.getAttribute("NeverOverwrite")).isEqualTo("yes");
    Element folder = (Element) component.getParentNode();
    assertThat(folder.getAttribute("Name")).isEqualTo("Stampcard");
    assertThat(((Element) folder.getParentNode()).getAttribute("Id"))
        .isEqualTo("CommonAppDataFolder");
    Element file = (Element) component.getElementsByTagNameNS("*", "File").item(0);
    assertThat(file.getAttribute("Name")).isEqualTo("till.yaml");
    assertThat(file.getAttribute("KeyPath")).isEqualTo("yes");
    assertThat(file.getAttribute("Source")).isEqualTo("$(var.StampcardTillYaml)");
  }

  private Path install(String content) throws IOException {
    Path folder = Files.createDirectories(programData.resolve("Stampcard"));
    return Files.writeString(folder.resolve("till.yaml"), content);
  }

  private Commands.Result checkConfig() throws IOException {
    return Commands.run(
        List.of(
            Path.of(Packages.javaHome(), "bin", "java").toString(),
            "-cp",
            Packages.tillClassPath(),
            "com.stampcard.pos.Main",
            "--check-config"),
        programData,
        "",
        Map.of(
            "ProgramData", programData.toString(),
            "XDG_CONFIG_HOME", programData.resolve("no-user-config").toString(),
            "XDG_STATE_HOME", programData.resolve("state").toString()));
  }
}
