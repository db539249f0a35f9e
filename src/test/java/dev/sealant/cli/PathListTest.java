package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealant scan --no-git FILE...}, as the pre-commit framework calls it. */
class PathListTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  @Test
  void everyPathIsScannedAndReportedAsGiven() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a.py"), "x = 1\n");
    Files.writeString(dir.resolve("src/b.env"), "T=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "src/a.py", "src/b.env");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("src/b.env:1:3"), r.out());
    assertTrue(r.out().contains("2 files"), r.out());
  }

  @Test
  void aMissingPathIsAnErrorNotClean() throws Exception {
    Files.writeString(dir.resolve("a.py"), "x = 1\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "a.py", "gone.py");
    assertEquals(ExitCodes.ERROR, r.code(), r.all());
    assertTrue(r.err().contains("gone.py"), r.err());
  }

  @Test
  void preCommitManifestRunsTheScanOnTheGivenFiles() throws Exception {
    String manifest = Files.readString(Paths.basedir().resolve(".pre-commit-hooks.yaml"));
    assertTrue(manifest.contains("entry: scripts/pre-commit-framework"), manifest);
    assertTrue(manifest.contains("pass_filenames: true"), manifest);
    String wrapper = Files.readString(Paths.basedir().resolve("scripts/pre-commit-framework"));
    assertTrue(wrapper.contains("exec \"$sealant\" scan --no-git --no-progress \"$@\""), wrapper);
  }
}
