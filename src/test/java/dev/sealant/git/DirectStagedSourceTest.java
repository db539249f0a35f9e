package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.git.raw.RawRepo;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import dev.sealant.testing.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct reader against the JGit one, on repositories the real git binary builds: for every
 * staged state, both must deliver exactly the same fragments and skips in the same order. States
 * the direct reader does not handle must send it to JGit (never to a wrong answer).
 */
class DirectStagedSourceTest {

  @TempDir Path tmp;
  GitCli g;

  @BeforeEach
  void init() throws IOException {
    g = new GitCli(tmp);
  }

  @Test
  void everyKindOfStagedChangeMatchesJGit() throws IOException {
    Path r = g.repo("kinds", false);
    write(r, "src/app/config.py", lines("setting_", 40));
    write(r, "src/app/old_name.txt", lines("moved line ", 30));
    write(r, "gone.txt", "deleted soon\n");
    write(r, "mode.sh", "echo hi\n");
    write(r, "ünïcode dir/file name.txt", "first\n");
    write(r, "file-then-dir", "was a file\n");
    g.ok(r, "add", "-A");
    g.ok(r, "commit", "-q", "-m", "base");
    write(r, "src/app/config.py", lines("setting_", 40) + "password = \"n0tR3alButL0ng3nough\"\n");
    Files.createDirectories(r.resolve("src/lib"));
    g.ok(r, "mv", "src/app/old_name.txt", "src/lib/new_name.txt");
    write(r, "src/lib/new_name.txt", lines("moved line ", 30) + "one new line\n");
    g.ok(r, "rm", "-q", "gone.txt");
    g.ok(r, "update-index", "--chmod=+x", "mode.sh");
    write(r, "ünïcode dir/file name.txt", "first\r\nsecond\r\n");
    write(r, "bin.dat", "\0\1\2binary\0");
    write(r, "big.txt", "x".repeat(5000) + "\n");
    write(r, "empty.txt", "");
    g.ok(r, "rm", "-q", "file-then-dir");
    write(r, "file-then-dir/inner.txt", "now a dir\n");
    Files.createSymbolicLink(r.resolve("link"), Path.of("src/app/config.py"));
    g.ok(r, "add", "-A");
    g.ok(
        r,
        "update-index",
        "--add",
        "--cacheinfo",
        "160000,1234567890123456789012345678901234567890,sub");
    write(r, "intent.txt", "added with -N\n");
    g.ok(r, "add", "-N", "intent.txt");
    assertSame(r, new Limits(1000), p -> false);
    assertSame(r, new Limits(1000), p -> p.startsWith("src/lib/"));
  }

  @Test
  void packedDeltasIndexV4WorktreesAndPackedRefsMatchJGit() throws IOException {
    Path r = g.repo("packed", false);
    StringBuilder big = new StringBuilder();
    for (int round = 0; round < 6; round++) {
      big.append(lines("round " + round + " line ", 50));
      write(r, "deep/a/b/c/big.txt", big.toString());
      write(r, "deep/a/other" + round + ".txt", "other " + round + "\n");
      g.ok(r, "add", "-A");
      g.ok(r, "commit", "-q", "-m", "round " + round);
    }
    g.ok(r, "gc", "-q", "--aggressive");
    g.ok(r, "pack-refs", "--all");
    write(r, "deep/a/b/c/big.txt", big + "token = \"zP9qR7sT5vX3yA1bC8dE6fG4hJ2k\"\n");
    write(r, "top.txt", "new at the top\n");
    g.ok(r, "add", "-A");
    assertSame(r, Limits.defaults(), p -> false);
    g.ok(r, "update-index", "--index-version", "4");
    assertSame(r, Limits.defaults(), p -> false);

    g.ok(r, "worktree", "add", "-q", "../wt", "-b", "side");
    Path wt = r.resolveSibling("wt");
    write(wt, "deep/a/b/c/big.txt", "replaced in the worktree\n");
    g.ok(wt, "add", "-A");
    assertSame(wt, Limits.defaults(), p -> false);

    g.ok(r, "checkout", "-q", "--detach");
    assertSame(r, Limits.defaults(), p -> false);
  }

  @Test
  void beforeTheFirstCommitEverythingStagedIsNew() throws IOException {
    Path r = g.repo("unborn", true);
    write(r, "a.txt", "one\ntwo\n");
    write(r, "dir/b.txt", "three\n");
    g.ok(r, "add", "-A");
    assertSame(r, Limits.defaults(), p -> false);
  }

  @Test
  void randomHistoriesMatchJGit() throws IOException {
    Path r = g.repo("random", false);
    Random rnd = new Random(20261123);
    List<String> files = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      for (int k = 0; k < 8; k++) {
        int op = rnd.nextInt(10);
        if (op < 4 || files.isEmpty()) {
          String f =
              "d" + rnd.nextInt(4) + "/e" + rnd.nextInt(3) + "/f" + rnd.nextInt(1000) + ".txt";
          write(r, f, lines("l" + rnd.nextInt(50) + " ", 1 + rnd.nextInt(60)));
          files.add(f);
        } else if (op < 8) {
          String f = files.get(rnd.nextInt(files.size()));
          String text = Files.exists(r.resolve(f)) ? Files.readString(r.resolve(f)) : "";
          int cut = text.isEmpty() ? 0 : rnd.nextInt(text.length());
          write(
              r, f, text.substring(0, cut) + "edit " + rnd.nextInt() + "\n" + text.substring(cut));
        } else if (op < 9) {
          String f = files.remove(rnd.nextInt(files.size()));
          Files.deleteIfExists(r.resolve(f));
        } else {
          String f = files.remove(rnd.nextInt(files.size()));
          String to = "moved/" + f.replace('/', '_');
          if (Files.exists(r.resolve(f))) {
            Files.createDirectories(r.resolve("moved"));
            Files.move(r.resolve(f), r.resolve(to));
            files.add(to);
          }
        }
      }
      g.ok(r, "add", "-A");
      assertSame(r, Limits.defaults(), p -> false);
      g.ok(r, "commit", "-q", "--allow-empty", "-m", "round " + round);
      if (round % 4 == 3) {
        g.ok(r, "gc", "-q");
      }
    }
  }

  @Test
  void unusualRepositoriesAreLeftToJGit() throws IOException {
    Path split = g.repo("split", false);
    write(split, "a.txt", "a\n");
    g.ok(split, "add", "a.txt");
    g.ok(split, "update-index", "--split-index");
    assertTrue(direct(split).isEmpty(), "a split index is JGit's");

    Path sha256 = tmp.resolve("sha256");
    g.ok(tmp, "init", "-q", "--object-format=sha256", sha256.toString());
    assertTrue(RawRepo.open(sha256, Map.of()).isEmpty(), "SHA-256 repositories are JGit's");

    Path plain = g.repo("plain", false);
    assertTrue(RawRepo.open(plain, Map.of("GIT_DIR", plain.resolve(".git").toString())).isEmpty());
    assertTrue(RawRepo.open(plain, Map.of("GIT_QUARANTINE_PATH", "x")).isEmpty());
    assertTrue(RawRepo.open(tmp.resolve("home"), Map.of()).isEmpty(), "no repository at all");

    Path conflict = g.repo("conflict", false);
    write(conflict, "c.txt", "base\n");
    g.ok(conflict, "add", "c.txt");
    g.ok(conflict, "commit", "-q", "-m", "c");
    g.ok(conflict, "checkout", "-q", "-b", "other");
    write(conflict, "c.txt", "other\n");
    g.ok(conflict, "commit", "-q", "-am", "other");
    g.ok(conflict, "checkout", "-q", "main");
    write(conflict, "c.txt", "main\n");
    g.ok(conflict, "commit", "-q", "-am", "main");
    g.git(conflict, "merge", "-q", "other");
    assertTrue(direct(conflict).isEmpty(), "a conflicted index is JGit's (which names the paths)");
  }

  @Test
  void aMissingObjectStepsAsideToJGit() throws IOException {
    Path r = g.repo("missing", false);
    write(r, "a.txt", "content that will vanish\n");
    g.ok(r, "add", "a.txt");
    String id = g.ok(r, "rev-parse", ":a.txt").strip();
    Files.delete(r.resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2)));
    DirectStagedSource.Opened staged = direct(r).orElseThrow();
    boolean[] fellBack = {false};
    Source s =
        staged.source(
            Limits.defaults(),
            p -> false,
            () ->
                new Source() {
                  @Override
                  public void run(Sink sink) {
                    fellBack[0] = true;
                  }

                  @Override
                  public String describe() {
                    return "fallback";
                  }
                });
    List<String> events = record(s);
    assertTrue(fellBack[0]);
    assertEquals(List.of(), events, "nothing is delivered before the fallback");
  }

  private static Optional<DirectStagedSource.Opened> direct(Path r) {
    return RawRepo.open(r, Map.of()).flatMap(DirectStagedSource::open);
  }

  private void assertSame(Path r, Limits limits, Predicate<String> allowed) {
    DirectStagedSource.Opened staged =
        direct(r).orElseThrow(() -> new AssertionError("not read directly: " + r));
    List<String> fast =
        record(
            staged.source(
                limits,
                allowed,
                () -> {
                  throw new AssertionError("the direct reader stepped aside in " + r);
                }));
    List<String> jgit;
    Map<String, String> env = new HashMap<>();
    try (Repository repo = Repos.open(r, env, "test")) {
      jgit = record(new StagedSource(repo, limits, allowed));
    }
    assertEquals(jgit, fast);
  }

  private static List<String> record(Source s) {
    List<String> out = new ArrayList<>();
    s.run(
        new Sink() {
          @Override
          public void accept(Fragment f) {
            out.add("F " + f.path() + ":" + f.firstLine() + " " + f.text());
          }

          @Override
          public void skipped(Skipped k) {
            out.add("S " + k.path() + " " + k.reason());
          }
        });
    return out;
  }

  private static String lines(String prefix, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(prefix).append(i).append('\n');
    }
    return b.toString();
  }

  private static void write(Path repo, String path, String text) throws IOException {
    GitCli.write(repo, path, text);
  }
}
