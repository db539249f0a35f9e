package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.cli.ExitCodes;
import dev.sealant.testing.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hostile round's inputs that passed unscanned or leaked, one test each, named after the
 * input: wide encodings, lone-CR key blocks, links and pipes named on the command line, an ignore
 * reason holding a token, a user catalog's description holding escapes and a token, and control
 * characters in the CSV report.
 */
class SurfaceAttackTest {

  static final String TOKEN = SurfaceAttackIT.TOKEN;
  static final String BODY = TOKEN.substring(4);
  static final String LINE = "token = \"" + TOKEN + "\"\n";

  @TempDir Path dir;

  @Test
  void utf32WithAndWithoutByteOrderMarkIsDecodedAndScanned() throws IOException {
    List<Charset> charsets =
        List.of(
            Charset.forName("UTF-32"), Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"));
    for (Charset cs : charsets) {
      Path f = dir.resolve(cs.name() + ".txt");
      Files.write(f, ("# settings\n" + LINE).getBytes(cs));
      Cli.Run r = Cli.run(dir, "scan", "--no-git", f.toString());
      assertEquals(ExitCodes.FINDINGS, r.code(), cs + ": " + r.all());
      assertTrue(r.out().contains(":2:10"), cs + ": " + r.out());
    }
    // with a byte-order mark, little-endian (FF FE 00 00: UTF-16's mark and a NUL)
    byte[] body = LINE.getBytes(Charset.forName("UTF-32LE"));
    byte[] withBom = new byte[body.length + 4];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 4, body.length);
    Files.write(dir.resolve("le-bom.txt"), withBom);
    assertEquals(ExitCodes.FINDINGS, Cli.run(dir, "scan", "--no-git", "le-bom.txt").code());
  }

  @Test
  void pemKeyWithLoneCrLineEndsIsFound() throws IOException {
    Files.writeString(dir.resolve("key.pem"), Planted.PEM.replace('\n', '\r'));
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "key.pem");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("private-key-pem") && r.out().contains("key.pem:1:1"), r.out());
    Planted.assertNoLeak("lone CR key block", r.all());
  }

  @Test
  void symlinkNamedOnTheCommandLineIsFollowed() throws IOException {
    Files.writeString(dir.resolve("real.env"), LINE);
    Files.createSymbolicLink(dir.resolve("link.env"), Path.of("real.env"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/app.env"), LINE);
    Files.createSymbolicLink(dir.resolve("conf-link"), Path.of("conf"));
    Cli.Run one = Cli.run(dir, "scan", "--no-git", "link.env");
    assertEquals(ExitCodes.FINDINGS, one.code(), one.all());
    assertTrue(one.out().contains("link.env:1:10"), one.out());
    Cli.Run two = Cli.run(dir, "scan", "--no-git", "link.env", "conf-link");
    assertEquals(ExitCodes.FINDINGS, two.code(), two.all());
    assertTrue(
        two.out().contains("link.env:1:10") && two.out().contains("conf-link/app.env:1:10"),
        two.out());
    Cli.Run walked = Cli.run(dir, "scan", "--no-git", "-v", "conf-link");
    assertTrue(walked.out().contains("app.env:1:10"), walked.out());
  }

  @Test
  void danglingSymlinkNamedOnTheCommandLineIsNotClean() throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.env"), Path.of("nowhere.env"));
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "gone.env");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(
        r.err().contains("gone.env was not scanned") && r.err().contains("--allow-unscanned"),
        r.err());
    assertEquals(
        ExitCodes.CLEAN, Cli.run(dir, "scan", "--no-git", "--allow-unscanned", "gone.env").code());
  }

  @Test
  void pipeNamedOnTheCommandLineIsReadAsAStream() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mk.waitFor());
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.writeString(fifo, LINE);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    writer.start();
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "pipe");
    writer.join(10_000);
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("pipe:1:10"), r.out());
  }

  @Test
  void ignoreReasonHoldingATokenOrControlCharactersIsRefused() throws IOException {
    String fp = "62430c0fa57264a51b853995b379a6f4";
    for (String reason :
        List.of("fixture " + TOKEN, "fixture \u001b]0;title\u0007", "rtl \u202e")) {
      Cli.Run r = Cli.run(dir, "ignore", fp, "--reason", reason);
      assertEquals(ExitCodes.USAGE, r.code(), r.all());
      assertTrue(r.err().contains("--reason holds"), r.err());
      assertFalse(r.all().contains(BODY) || r.all().contains("\u001b"), r.all());
    }
    assertFalse(Files.exists(dir.resolve(".sealantignore")));
    Cli.Run glob = Cli.run(dir, "ignore", fp, "--reason", "x", "--path", "dir_" + TOKEN + "/*");
    assertEquals(ExitCodes.USAGE, glob.code(), glob.all());
    Cli.Run ok =
        Cli.run(
            dir,
            "ignore",
            fp,
            "--reason",
            "test fixture",
            "--path",
            "dist/app.3f9a8c7d2e1b4a6f.js");
    assertEquals(ExitCodes.CLEAN, ok.code(), ok.all());
    assertTrue(
        Files.readString(dir.resolve(".sealantignore"))
            .contains("dist/app.3f9a8c7d2e1b4a6f.js -- test fixture"));
  }

  @Test
  void catalogDescriptionAndTagsWithEscapesAndATokenAreRedactedAndEscaped() throws IOException {
    Path cat = Files.createDirectories(dir.resolve("cat"));
    String esc = "\\e]0;pwned\\a\\e[2J\\x9b31m\\u202e";
    Files.writeString(
        cat.resolve("r.yaml"),
        "rules:\n"
            + "  - id: my-token\n"
            + "    description: \"Evil "
            + esc
            + " "
            + TOKEN
            + "\"\n"
            + "    keywords: ['zzk_']\n"
            + "    regex: '(zzk_[a-z]{8})'\n"
            + "    severity: high\n"
            + "    tags: [\"t"
            + esc
            + "\", \""
            + TOKEN
            + "\"]\n"
            + "    examples:\n"
            + "      match:\n"
            + "        - text: 'a = zzk_abcdefgh'\n"
            + "          secret: 'zzk_abcdefgh'\n"
            + "      noMatch:\n"
            + "        - 'zzk_'\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("z.txt"), "a = zzk_qwertyui\n");
    Cli.Run list = Cli.run(dir, "rules", "list", "--patterns", "cat");
    assertEquals(ExitCodes.CLEAN, list.code(), list.all());
    assertTerminalSafe("rules list", list.all());
    for (String format : List.of("text", "json", "sarif", "junit", "csv")) {
      Cli.Run r = Cli.run(dir, "scan", "--no-git", "--patterns", "cat", "-f", format, "z.txt");
      assertEquals(ExitCodes.FINDINGS, r.code(), format + ": " + r.all());
      assertFalse(r.all().contains(BODY), format + ": " + r.all());
      if (format.equals("text") || format.equals("csv")) {
        assertTerminalSafe(format, r.all());
      }
    }
  }

  @Test
  void csvEscapesControlCharactersInFileNames() throws IOException {
    String name = "esc\u001b]8;;x\u001b\\link\u0007 \u009b31m \u202eRTL.env";
    Files.writeString(dir.resolve(name), LINE);
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "-f", "csv", ".");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTerminalSafe("csv", r.out());
    assertTrue(
        r.out().contains("esc\\u001b]8;;x\\u001b\\link\\u0007 \\u009b31m \\u202eRTL.env"), r.out());
  }

  /**
   * Bytes that make content binary (controls, NULs, bytes that are not UTF-8), then {@code tail}.
   */
  private static byte[] behindBinaryBytes(int junk, String tail) {
    byte[] head = new byte[junk];
    for (int k = 0; k < junk; k++) {
      head[k] = (byte) (k % 4 == 0 ? 0 : k % 2 == 0 ? 0x01 : 0x90);
    }
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, junk + t.length);
    System.arraycopy(t, 0, all, junk, t.length);
    return all;
  }

  @Test
  void tokenInOrBehindBinaryBytesIsFoundByHighConfidenceRules() throws IOException {
    Files.write(dir.resolve("prefixed.txt"), behindBinaryBytes(9_000, "\n" + LINE));
    Files.write(
        dir.resolve("inside.bin"),
        behindBinaryBytes(20_000, LINE + new String(new char[200]).replace('\0', 'x')));
    Files.write(
        dir.resolve("prose.bin"),
        behindBinaryBytes(9_000, "\npassword = \"" + Planted.PASSWORD + "\"\n"));
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "-v", ".");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("prefixed.txt:2:10") && r.out().contains("inside.bin:1:"), r.out());
    assertFalse(r.out().contains("Location:    prose.bin"), r.out());
    assertTrue(r.all().contains("prefixed.txt: binary"), r.all());
    assertFalse(r.all().contains(BODY), r.all());
    Cli.Run stdin = Cli.run(dir, behindBinaryBytes(9_000, LINE), Map.of(), "scan", "-");
    assertEquals(1, stdin.code(), stdin.all());
  }

  /** No escape, bell, C1 control or bidirectional override, and no piece of the token's body. */
  private static void assertTerminalSafe(String what, String s) {
    for (char c : s.toCharArray()) {
      boolean control =
          (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069);
      assertFalse(control, what + ": raw U+" + Integer.toHexString(c) + " in " + s);
    }
    assertFalse(s.contains(BODY.substring(0, 8)), what + ": token in " + s);
  }
}
