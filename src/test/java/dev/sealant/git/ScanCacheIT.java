package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import dev.sealant.testing.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-history scan's cache ({@code .git/sealant/history.cache}) on histories the real git
 * writes: the same report with and without it, work that grows with the new commits only, and a
 * damaged file never trusted. Work is counted in commits (the text report's count), never timed.
 */
class ScanCacheIT {

  private static final Pattern COMMITS = Pattern.compile("(\\d+) commits?");

  @TempDir Path dir;
  private GitCli git;
  private Path repo;

  @BeforeEach
  void history() throws Exception {
    git = new GitCli(dir);
    repo = git.repo("r", true);
    GitCli.Result r =
        git.run(
            repo, PackReaderTest.history(11, 120, true), Map.of(), "git", "fast-import", "--quiet");
    assertEquals(0, r.code(), r.all());
    git.ok(repo, "repack", "-a", "-d", "-q");
    git.ok(repo, "checkout", "-q", "main");
    // A tag of a tree, as git's own history has: a ref tip that is no commit.
    git.ok(repo, "tag", "tree-tag", "HEAD^{tree}");
  }

  private Path cacheFile() {
    return repo.resolve(".git/sealant/history.cache");
  }

  private String json(String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--format=json", "--no-progress"));
    args.addAll(List.of(extra));
    Cli.Run r = Cli.run(repo, args.toArray(String[]::new));
    assertTrue(r.code() <= 1, r.all());
    return r.out();
  }

  /** How many commits a scan read, from the text report's summary. */
  private int scanned(Cli.Run r) {
    Matcher m = COMMITS.matcher(r.all());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * The text report without its summary line (which counts the commits read, and times the scan).
   */
  private static String report(Cli.Run r) {
    String out = r.out().strip();
    return out.substring(0, out.lastIndexOf('\n') + 1)
        + out.substring(out.lastIndexOf('\n') + 1)
            .replaceAll(", \\d+ commits?", "")
            .replaceAll(", \\d+ skipped", "")
            .replaceAll(", [0-9.]+s\\)", ")");
  }

  private Cli.Run text(String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--no-progress"));
    args.addAll(List.of(extra));
    return Cli.run(repo, args.toArray(String[]::new));
  }

  @Test
  void aRescanReportsTheSameAndReadsOnlyTheCommitsWithFindings() throws Exception {
    String full = json("--no-cache");
    assertFalse(Files.exists(cacheFile()), "--no-cache writes no cache");
    assertTrue(full.contains("\"ruleId\""), full);
    Cli.Run first = text();
    assertTrue(Files.isRegularFile(cacheFile()));
    Cli.Run second = text();
    assertEquals(report(first), report(second));
    assertEquals(120, scanned(first), first.all());
    assertTrue(
        scanned(second) < 20, "rescan read " + scanned(second) + " commits: " + second.all());
    assertEquals(full, json());
    assertEquals(full, json("--no-cache"));
    assertEquals(
        json("--no-cache", "--show-secrets"),
        json("--show-secrets"),
        "cached findings show in full");
  }

  @Test
  void newCommitsAreScannedAndNothingElse() throws Exception {
    text();
    int again = scanned(text());
    for (int i = 0; i < 3; i++) {
      GitCli.write(repo, "new" + i + ".txt", "plain text " + i + "\n");
      git.ok(repo, "add", "-A");
      git.ok(repo, "commit", "-q", "-m", "new " + i);
    }
    GitCli.write(repo, "config.env", "TOKEN=\"" + GitCli.TOKEN + "\"\n");
    git.ok(repo, "add", "-A");
    git.ok(repo, "commit", "-q", "-m", "a secret");
    git.ok(repo, "checkout", "-q", "-b", "side", "HEAD~2");
    GitCli.write(repo, "side.txt", "side work\n");
    git.ok(repo, "add", "-A");
    git.ok(repo, "commit", "-q", "-m", "side");
    Cli.Run r = text();
    assertEquals(again + 5, scanned(r), r.all());
    assertEquals(json("--no-cache"), json());
    assertTrue(json().contains("config.env"));
  }

  @Test
  void findingsOnADeletedBranchAreNotReportedFromTheCache() throws Exception {
    git.ok(repo, "checkout", "-q", "-b", "leak");
    GitCli.write(repo, "leak.env", "TOKEN=\"" + GitCli.TOKEN + "\"\n");
    git.ok(repo, "add", "-A");
    git.ok(repo, "commit", "-q", "-m", "leak");
    git.ok(repo, "checkout", "-q", "main");
    assertTrue(json().contains("leak.env"));
    git.ok(repo, "branch", "-q", "-D", "leak");
    String cached = json();
    assertFalse(cached.contains("leak.env"), cached);
    assertEquals(json("--no-cache"), cached);
  }

  @Test
  void theCacheHoldsNoSecretAndOnlyItsOwnerReadsIt() throws Exception {
    text();
    byte[] bytes = Files.readAllBytes(cacheFile());
    String asText = new String(bytes, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains(GitCli.TOKEN));
    assertFalse(asText.contains("ghp_"));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFile())));
  }

  @Test
  void aDamagedOrForeignCacheIsIgnoredWithAWarningAndRebuilt() throws Exception {
    String full = json("--no-cache");
    text();
    byte[] good = Files.readAllBytes(cacheFile());
    List<byte[]> bad = new ArrayList<>();
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    bad.add(flipped);
    bad.add(Arrays.copyOf(good, good.length - 7));
    bad.add(Arrays.copyOf(good, 5));
    bad.add("[core]\n\tbare = false\n".getBytes(StandardCharsets.UTF_8));
    bad.add(new byte[0]);
    for (byte[] b : bad) {
      Files.write(cacheFile(), b);
      Cli.Run r = Cli.run(repo, "scan", "--format=json", "--no-progress");
      assertEquals(full, r.out(), "length " + b.length);
      assertTrue(r.err().contains("ignoring the scan cache"), r.err());
      assertFalse(r.err().contains(GitCli.TOKEN));
      Cli.Run after = text();
      assertFalse(after.err().contains("ignoring"), after.err());
      assertTrue(scanned(after) < 20, after.all());
    }
  }

  @Test
  void anotherConfigurationScansEverythingAgain() throws Exception {
    text();
    Cli.Run r = text("--no-inline-allow");
    assertEquals(120, scanned(r), r.all());
    assertTrue(scanned(text("--no-inline-allow")) < 20);
    assertEquals(120, scanned(text("--max-file-size", "1m")));
  }

  /**
   * The built-in catalog is keyed by the compiled form it was read from; a user's catalog by its
   * every field, so that changing one rule (here one stopword) scans everything again.
   */
  @Test
  void anotherCatalogScansEverythingAgain() throws Exception {
    text();
    assertTrue(scanned(text()) < 20);
    Path patterns = dir.resolve("patterns");
    Files.createDirectories(patterns);
    try (var files = Files.list(Paths.patterns())) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, patterns.resolve(f.getFileName()));
      }
    }
    assertEquals(120, scanned(text("--patterns", patterns.toString())));
    assertTrue(scanned(text("--patterns", patterns.toString())) < 20);
    Path allow = patterns.resolve("allow.yaml");
    Files.writeString(
        allow,
        Files.readString(allow).replaceFirst("stopwords:\\n", "stopwords:\n    - zzzunusedzzz\n"));
    assertEquals(120, scanned(text("--patterns", patterns.toString())));
    assertEquals(120, scanned(text()), "back to the built-in catalog: another key");
    assertTrue(scanned(text()) < 20);
  }

  @Test
  void concurrentScansLeaveAValidCache() throws Exception {
    String full = json("--no-cache");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> json()));
      }
      for (Future<String> f : runs) {
        assertEquals(full, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    Cli.Run r = text();
    assertFalse(r.err().contains("ignoring"), r.err());
    assertTrue(scanned(r) < 20, r.all());
    try (var s = Files.list(cacheFile().getParent())) {
      assertEquals(List.of(cacheFile()), s.toList(), "no temporary file is left behind");
    }
  }
}
