package dev.sealant.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.cli.ExitCodes;
import dev.sealant.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or unusual file content: each case has a defined, tested outcome. */
class ContentHardeningTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  Cli.Run scan(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "scan";
    args[1] = "--no-git";
    args[2] = "-v";
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = ".";
    return Cli.run(dir, args);
  }

  void bytes(String name, byte[] b) throws Exception {
    Files.write(dir.resolve(name), b);
  }

  @Test
  void invalidUtf8AroundASecretDoesNotHideIt() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' '});
    b.write(("t=" + TOKEN + " ").getBytes(StandardCharsets.US_ASCII));
    b.write(new byte[] {(byte) 0xE2, (byte) 0x82, '\n'});
    bytes("latin.txt", b.toByteArray());
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("latin.txt:1:"), r.out());
  }

  @Test
  void utf16WithByteOrderMarkIsDecoded() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    b.write(("x\r\nt=" + TOKEN + "\r\n").getBytes(StandardCharsets.UTF_16LE));
    bytes("wide.txt", b.toByteArray());
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("wide.txt:2:3"), r.out());
  }

  /**
   * A PNG: its magic number, then compressed-looking bytes (seeded), with a token in the middle.
   */
  static byte[] png(String planted) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(
        new byte[] {
          (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        });
    byte[] noise = new byte[4096];
    new Random(17).nextBytes(noise);
    b.writeBytes(noise);
    b.writeBytes(planted.getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(noise);
    return b.toByteArray();
  }

  @Test
  void textWithOneStrayNulIsScannedAsText() throws Exception {
    bytes("stray.txt", ("a = 1\n\0\nt=" + TOKEN + "\n").getBytes(StandardCharsets.US_ASCII));
    bytes("padded.txt", ("t=" + TOKEN + "\0\0\0").getBytes(StandardCharsets.US_ASCII));
    bytes(
        "nul-block.txt",
        ("header\n" + "\0".repeat(3000) + "\nt=" + TOKEN + "\n")
            .getBytes(StandardCharsets.US_ASCII));
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(
        r.out().contains("stray.txt:3:3")
            && r.out().contains("padded.txt:1:3")
            && r.out().contains("nul-block.txt:3:3"),
        r.out());
    assertFalse(r.out().contains(": binary"), r.out());
  }

  @Test
  void utf16WithoutByteOrderMarkIsDecoded() throws Exception {
    bytes("wide-le.txt", ("x\nt=" + TOKEN + "\n").getBytes(StandardCharsets.UTF_16LE));
    bytes("wide-be.txt", ("x\nt=" + TOKEN + "\n").getBytes(StandardCharsets.UTF_16BE));
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("wide-le.txt:2:3") && r.out().contains("wide-be.txt:2:3"), r.out());
  }

  @Test
  void imagesArchivesAndClassFilesAreSkippedAsTextButTheTokensInThemAreFound() throws Exception {
    bytes("logo.img", png("t=" + TOKEN)); // *.png paths are allowlisted by the catalog
    byte[] zip = png("t=" + TOKEN);
    zip[0] = 'P';
    zip[1] = 'K';
    zip[2] = 3;
    zip[3] = 4;
    bytes("bundle.zip", zip);
    try (var in = ContentHardeningTest.class.getResourceAsStream("ContentHardeningTest.class")) {
      bytes("Compiled.class", in.readAllBytes());
    }
    bytes(
        "blob.bin",
        ("\0\1\2\3\4\5\6\u0010\u0011\u0012t=" + TOKEN).getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    for (String name : List.of("logo.img", "bundle.zip", "Compiled.class", "blob.bin")) {
      assertTrue(r.out().contains("skipped " + name + ": binary"), name + ": " + r.out());
    }
    // Their text runs are read by the high-confidence rules: a token stored whole in a binary (a
    // class file's constant, a string at the end) is found; one glued to printable noise is not.
    for (String name : List.of("Compiled.class", "blob.bin")) {
      assertTrue(r.out().contains("Location:    " + name + ":"), name + ": " + r.out());
    }
  }

  @Test
  void aForgedMagicNumberInFrontOfTextDoesNotHideIt() throws Exception {
    bytes(
        "fake.png",
        ("\u0089PNG\r\n\u001a\nt=" + TOKEN + "\n").getBytes(StandardCharsets.ISO_8859_1));
    bytes("fake.gz", ("\u001f\u008bt=" + TOKEN + "\n").getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("fake.png:") && r.out().contains("fake.gz:"), r.out());
  }

  @Test
  void crlfAndLoneCrLineEndsGiveTheRightLine() throws Exception {
    Files.writeString(dir.resolve("crlf.txt"), "a\r\nb\r\nt=" + TOKEN + "\r\n");
    Files.writeString(dir.resolve("cr.txt"), "a\rb\rc\rt=" + TOKEN);
    Cli.Run r = scan();
    assertTrue(r.out().contains("crlf.txt:3:3"), r.out());
    assertTrue(r.out().contains("cr.txt:4:3"), r.out());
  }

  @Test
  void noTrailingNewlineStillScansTheLastLine() throws Exception {
    Files.writeString(dir.resolve("last.txt"), "a\nt=" + TOKEN);
    assertTrue(scan().out().contains("last.txt:2:3"));
  }

  @Test
  void tenMegabyteMinifiedLineIsScanned() throws Exception {
    String filler = "var a=1;".repeat(10 * 1024 * 1024 / 8 / 2);
    Files.writeString(dir.resolve("app.bundle.js"), filler + "t=\"" + TOKEN + "\";" + filler);
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("app.bundle.js:1:" + (filler.length() + 4)), r.out());
  }

  @Test
  void oneGigabyteFileFailsTheScanUnlessUnscannedContentIsAllowed() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.log").toFile(), "rw")) {
      f.setLength(1024L * 1024 * 1024);
    }
    Files.writeString(dir.resolve("small.txt"), "hello\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(
        r.err().contains("huge.log was not scanned")
            && r.err().contains("--max-file-size")
            && r.err().contains("--allow-unscanned"),
        r.err());
    assertEquals(1, r.err().lines().filter(l -> l.contains("huge.log")).count(), r.err());
    assertTrue(r.out().contains("1 skipped"), r.out());
    Cli.Run allowed = Cli.run(dir, "scan", "--no-git", "--allow-unscanned", ".");
    assertEquals(ExitCodes.CLEAN, allowed.code(), allowed.all());
    assertTrue(allowed.err().contains("warning: huge.log was not scanned"), allowed.err());
    Cli.Run byEnv =
        Cli.run(dir, "", Map.of("SEALANT_ALLOW_UNSCANNED", "1"), "scan", "--no-git", ".");
    assertEquals(ExitCodes.CLEAN, byEnv.code(), byEnv.all());
  }

  @Test
  void maxFileSizeIsConfigurableAndValidated() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "t=" + TOKEN + "\n" + "x".repeat(2000));
    Cli.Run small = scan("--max-file-size", "1k");
    assertEquals(ExitCodes.FINDINGS, small.code(), small.all());
    assertTrue(small.err().contains("a.txt was not scanned"), small.err());
    assertEquals(ExitCodes.CLEAN, scan("--max-file-size", "1k", "--allow-unscanned").code());
    assertEquals(ExitCodes.FINDINGS, scan("--max-file-size", "1m").code());
    Cli.Run bad = scan("--max-file-size", "lots");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("--max-file-size"), bad.err());
  }

  @Test
  void pathBeyondPathMaxIsNotSilentlySkipped() throws Exception {
    // Directories created one step at a time (each a short relative path, as a shell's cd makes
    // them) until the full path passes Linux's PATH_MAX of 4096 bytes.
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "i=0; while [ $i -lt 24 ]; do d="
                    + "d".repeat(200)
                    + "; mkdir $d 2>/dev/null && cd $d || break; i=$((i+1)); done")
            .directory(dir.toFile())
            .start();
    assertEquals(0, p.waitFor());
    Files.writeString(dir.resolve("ok.txt"), "hello\n");
    try {
      Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
      assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
      assertTrue(r.err().contains("was not scanned (unreadable: name too long"), r.err());
    } finally {
      // JUnit cannot delete what it cannot name; rm works relative to each directory.
      assertEquals(
          0,
          new ProcessBuilder("rm", "-rf", "d".repeat(200))
              .directory(dir.toFile())
              .start()
              .waitFor());
    }
  }

  @Test
  void unreadableFileAndDirectoryAreNotSilentlySkipped() throws Exception {
    Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads files whatever their mode");
    Files.writeString(dir.resolve("locked.txt"), "t=" + TOKEN + "\n");
    Path lockedDir = Files.createDirectory(dir.resolve("locked-dir"));
    Files.writeString(lockedDir.resolve("inner.txt"), "t=" + TOKEN + "\n");
    Files.setPosixFilePermissions(
        dir.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));
    try {
      Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
      assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
      assertTrue(
          r.err().contains("locked.txt was not scanned (unreadable: permission denied)")
              && r.err().contains("locked-dir was not scanned (unreadable"),
          r.err());
    } finally {
      Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void fileNameWithTerminalEscapesIsEscapedInEveryMessage() throws Exception {
    Files.writeString(
        dir.resolve("x\u001b]0;pwned\u0007\u001b[2J.txt"), "t=" + TOKEN + "\n" + "x".repeat(2000));
    Cli.Run r = scan("--max-file-size", "1k");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.err().contains("x\\u001b]0;pwned\\u0007\\u001b[2J.txt was not scanned"), r.err());
    assertFalse(r.all().contains("\u001b") || r.all().contains("\u0007"), r.all());
  }

  @Test
  void symlinksAreNeverFollowed(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "t=" + TOKEN + "\n");
    Files.createSymbolicLink(dir.resolve("link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(dir.resolve("linkdir"), outside);
    Cli.Run r = scan();
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("skipped link.txt: symbolic link (not followed)"), r.out());
  }

  @Test
  void oddPathsAreReportedFaithfully() throws Exception {
    Path p = Files.createDirectories(dir.resolve("dir with space/ünïcödé"));
    Files.writeString(p.resolve("new\nline.txt"), "t=" + TOKEN + "\n");
    Cli.Run r = scan("-f", "json");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("\"path\": \"dir with space/ünïcödé/new\\nline.txt\""), r.out());
  }

  @Test
  void emptyFileAndEmptyStdinAreClean() throws Exception {
    Files.writeString(dir.resolve("empty.txt"), "");
    assertEquals(ExitCodes.CLEAN, scan().code());
    assertEquals(ExitCodes.CLEAN, Cli.run(dir, "scan", "-").code());
  }

  @Test
  void binaryStdinIsSkippedAsText() {
    Cli.Run r = Cli.run(dir, png("t=" + TOKEN), Map.of(), "scan", "-v", "-");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("skipped stdin: binary"), r.out());
    assertFalse(r.all().contains(TOKEN));
  }

  @Test
  void stdinWithAStrayNulIsScanned() {
    Cli.Run r = Cli.run(dir, "\0\0\0t=" + TOKEN, Map.of(), "scan", "-");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertFalse(r.all().contains(TOKEN));
  }
}
