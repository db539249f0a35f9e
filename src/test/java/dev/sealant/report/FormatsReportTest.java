package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sealant.kernel.Severity;
import org.junit.jupiter.api.Test;

/** Small pieces shared by the formats: URIs, severity levels, terminal-safe text. */
class FormatsReportTest {

  @Test
  void urisArePercentEncodedPerSegment() {
    assertEquals("src/a%20b/c.txt", Uris.relative("src/a b/c.txt"));
    assertEquals("d%C3%A9j%C3%A0/%F0%9F%94%91.env", Uris.relative("déjà/\ud83d\udd11.env"));
    assertEquals("100%25/a%23b%3Fc", Uris.relative("100%/a#b?c"));
    assertEquals("c%3Aproject/x", Uris.relative("c:project/x"));
    assertEquals("keep-._~!$&'()*+,;=@", Uris.relative("keep-._~!$&'()*+,;=@"));
  }

  @Test
  void backslashInFileNameIsPercentEncodedInSarif() {
    // On POSIX a backslash is a file name character: a\b is one file, not a/b.
    assertEquals("a%5Cb", Uris.relative("/a\\b"));
    assertEquals("dir/x%5C..%5Cy.txt", Uris.relative("dir/x\\..\\y.txt"));
  }

  @Test
  void severitiesMapToSarifLevels() {
    assertEquals("error", Levels.sarif(Severity.CRITICAL));
    assertEquals("error", Levels.sarif(Severity.HIGH));
    assertEquals("warning", Levels.sarif(Severity.MEDIUM));
    assertEquals("note", Levels.sarif(Severity.LOW));
    assertEquals("note", Levels.sarif(Severity.INFO));
  }

  @Test
  void textReportNeutralisesTerminalEscapes() {
    assertEquals("plain ünïcode", TextReporter.clean("plain ünïcode"));
    assertEquals("\\u001b[2Jwiped", TextReporter.clean("\u001b[2Jwiped"));
    assertEquals("a\\nb\\tc", TextReporter.clean("a\nb\tc"));
    assertEquals("abc\\u202etxt.exe", TextReporter.clean("abc\u202etxt.exe"));
  }

  @Test
  void ruleNamesArePascalCase() {
    assertEquals("GithubPatClassic", SarifRules.name("github-pat-classic"));
  }

  @Test
  void everyFormatHasAnExtension() {
    assertEquals("txt", Format.TEXT.extension());
    assertEquals("xml", Format.JUNIT.extension());
    assertEquals("sarif", Format.SARIF.extension());
    assertEquals("csv", Format.CSV.extension());
  }
}
