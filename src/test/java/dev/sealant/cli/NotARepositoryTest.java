package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every mode that needs a repository, run outside one: one line, exit 3, advice it can take. */
class NotARepositoryTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "scan --staged|true",
        "scan --range HEAD~1..HEAD|true",
        "scan --since HEAD|true",
        "hook pre-commit|false",
        "hook pre-push origin|false",
        "hook pre-receive|false",
        "ci --base HEAD~1 --head HEAD|false",
      })
  void saysSoInOneLineAndOffersOnlyAnOptionTheCommandTakes(String line, boolean offersNoGit) {
    Cli.Run r =
        Cli.run(dir, "", Map.of("GIT_CEILING_DIRECTORIES", dir.toString()), line.split(" "));
    assertEquals(ExitCodes.ERROR, r.code(), r.all());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("needs a git repository"), r.err());
    assertFalse(r.err().contains("sealant: sealant"), r.err());
    assertEquals(offersNoGit, r.err().contains("--no-git"), r.err());
  }
}
