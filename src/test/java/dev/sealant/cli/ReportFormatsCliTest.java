package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code --format} from the command line: the exit code, redaction, {@code --output}. */
class ReportFormatsCliTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  @Test
  void everyFormatReportsAndRedacts() throws Exception {
    Files.writeString(dir.resolve("my app.env"), "token=" + TOKEN + "\n");
    String[][] expect = {
      {"sarif", "\"uri\": \"my%20app.env\""},
      {"junit", "<failure type=\"github-pat-classic\""},
      {"csv", "github-pat-classic,"},
      {"json", "\"path\": \"my app.env\""},
      {"text", "my app.env:1:7"},
    };
    for (String[] e : expect) {
      Cli.Run r = Cli.run(dir, "scan", "--no-git", "--format", e[0], ".");
      assertEquals(ExitCodes.FINDINGS, r.code(), e[0] + ": " + r.all());
      assertTrue(r.out().contains(e[1]), e[0] + ": " + r.out());
      assertFalse(r.all().contains(TOKEN), e[0] + " leaked the secret");
    }
  }

  @Test
  void outputFileIsPrivate() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "-f", "sarif", "-o", "out.sarif", ".");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    Path out = dir.resolve("out.sarif");
    assertTrue(Files.readString(out).contains("\"version\": \"2.1.0\""));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  @Test
  void unknownFormatIsAUsageErrorListingTheFormats() {
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "--format", "xml", ".");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(
        r.err().contains("sarif") && r.err().contains("junit") && r.err().contains("csv"), r.err());
  }
}
