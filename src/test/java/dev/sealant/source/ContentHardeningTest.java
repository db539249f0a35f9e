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

  @Test
  void nulBytesMakeAFileBinaryAndItIsReportedAsSkipped() throws Exception {
    bytes("blob.bin", ("t=" + TOKEN + "\0\0\0").getBytes(StandardCharsets.US_ASCII));
    Cli.Run r = scan();
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("skipped blob.bin: binary"), r.out());
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
  void oneGigabyteFileIsSkippedAndSaidSo() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.log").toFile(), "rw")) {
      f.setLength(1024L * 1024 * 1024);
    }
    Files.writeString(dir.resolve("small.txt"), "hello\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.err().contains("huge.log was not scanned") && r.err().contains("--max-file-size"), r.err());
    assertTrue(r.out().contains("1 skipped"), r.out());
  }

  @Test
  void maxFileSizeIsConfigurableAndValidated() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "t=" + TOKEN + "\n" + "x".repeat(2000));
    assertEquals(ExitCodes.CLEAN, scan("--max-file-size", "1k").code());
    assertEquals(ExitCodes.FINDINGS, scan("--max-file-size", "1m").code());
    Cli.Run bad = scan("--max-file-size", "lots");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("--max-file-size"), bad.err());
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
  void binaryStdinIsSkippedNotScanned() {
    Cli.Run r = Cli.run(dir, "\0\0\0t=" + TOKEN, java.util.Map.of(), "scan", "-v", "-");
    assertEquals(ExitCodes.CLEAN, r.code());
    assertTrue(r.out().contains("skipped stdin: binary"), r.out());
    assertFalse(r.all().contains(TOKEN));
  }
}
