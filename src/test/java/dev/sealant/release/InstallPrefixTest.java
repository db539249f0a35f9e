package dev.sealant.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prefix Java cannot load a whole jar from (a directory name ending in '!': jar URLs end the
 * jar's path at "!/") is refused by install.sh before it builds or writes anything.
 */
class InstallPrefixTest {

  @TempDir Path tmp;

  @Test
  void aPrefixWithBangSlashIsRefusedBeforeAnythingIsWritten() throws Exception {
    for (String prefix : List.of("bang!/p", "a/b!", "x!/y!/z")) {
      Path target = tmp.resolve(prefix);
      Process p =
          new ProcessBuilder(
                  "sh",
                  Paths.basedir().resolve("install.sh").toString(),
                  "--prefix",
                  target.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, p.waitFor(), prefix + ": " + err);
      assertTrue(err.contains("'!/'") && err.lines().count() == 1, prefix + ": " + err);
      try (var left = Files.list(tmp)) {
        assertFalse(left.findAny().isPresent(), prefix + ": install.sh wrote something");
      }
    }
  }
}
