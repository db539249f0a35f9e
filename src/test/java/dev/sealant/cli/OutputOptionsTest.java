package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are written where the user said, never through a link, and never lost silently. */
class OutputOptionsTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  @Test
  void outputThatIsASymlinkIsRefusedAndItsTargetUntouched() throws IOException {
    Files.writeString(dir.resolve("app.env"), "t=" + TOKEN + "\n");
    Path target = Files.writeString(dir.resolve("victim.txt"), "keep\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(dir.resolve("out.json"), target);
    for (String[] args :
        new String[][] {
          {"scan", "--no-git", "app.env", "-o", "out.json"},
          {"baseline", "--no-git", "app.env", "-o", "out.json"}
        }) {
      Cli.Run r = Cli.run(dir, args);
      assertEquals(ExitCodes.USAGE, r.code(), r.all());
      assertTrue(r.err().contains("symbolic link"), r.err());
    }
    assertEquals("keep\n", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void aLinkPlantedAfterTheCheckIsNotFollowedEither() throws IOException {
    Path target = Files.writeString(dir.resolve("victim.txt"), "keep\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve("out.txt"), target);
    assertThrows(IOException.class, () -> OutputOptions.writePrivate(link, "report"));
    Path dangling =
        Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("created-through-link"));
    assertThrows(IOException.class, () -> OutputOptions.writePrivate(dangling, "report"));
    assertEquals("keep\n", Files.readString(target));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertTrue(Files.notExists(dir.resolve("created-through-link")));
  }

  @Test
  void existingFileIsTruncatedAndMadePrivate() throws IOException {
    Path p = Files.writeString(dir.resolve("r.txt"), "a much longer previous report\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    OutputOptions.writePrivate(p, "new\n");
    assertEquals("new\n", Files.readString(p));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
  }

  @Test
  void reportToAFullDeviceExitsThreeWithOneLine() throws IOException {
    Files.writeString(dir.resolve("app.env"), "t=" + TOKEN + "\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream full =
        new PrintStream(new FileOutputStream("/dev/full"), false, StandardCharsets.UTF_8)) {
      Env env =
          new Env(
              new ByteArrayInputStream(new byte[0]),
              full,
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of("NO_COLOR", "1"),
              dir);
      assertEquals(ExitCodes.ERROR, Main.run(env, "scan", "--no-git", "app.env"));
    }
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.startsWith("sealant: cannot write the report to standard output"), e);

    Cli.Run dev = Cli.run(dir, "scan", "--no-git", "app.env", "-o", "/dev/full");
    assertEquals(ExitCodes.ERROR, dev.code(), dev.all());
    assertTrue(dev.err().contains("cannot write /dev/full"), dev.err());
  }
}
