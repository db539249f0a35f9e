package dev.sealant.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed hooks, through the real git binary: they never write to the index, the working tree
 * or refs; they block, naming the bypass, when Sealant cannot scan (bad configuration, no Java, a
 * corrupt jar, a missing or corrupt object) unless fail-open is explicitly on; and they work from a
 * linked worktree.
 */
class HookHardeningIT {

  @TempDir Path tmp;
  GitCli g;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
    assertEquals(0, g.sealant(repo, "install", "--pre-commit", "--pre-push").code());
  }

  /** Every file under the directory (the repository, .git included) with its bytes and mtime. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(
            root.relativize(p).toString(),
            Files.getLastModifiedTime(p) + " " + Arrays.hashCode(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  /** Fails naming the files that appeared, vanished or changed. */
  private static void assertUnchanged(Map<String, String> before, Path root, String what)
      throws IOException {
    Map<String, String> after = snapshot(root);
    Map<String, String> diff = new TreeMap<>();
    before.forEach(
        (k, v) -> {
          if (!v.equals(after.get(k))) {
            diff.put(k, v + " -> " + after.get(k));
          }
        });
    after.forEach((k, v) -> diff.putIfAbsent(k, before.containsKey(k) ? diff.get(k) : "new: " + v));
    diff.values().removeIf(Objects::isNull);
    assertEquals(Map.of(), diff, what);
  }

  private String gitState(Path r) {
    return g.ok(r, "--no-optional-locks", "status", "--porcelain")
        + g.ok(r, "diff", "--cached")
        + g.ok(r, "for-each-ref")
        + g.ok(r, "rev-parse", "HEAD");
  }

  private Result runHook(Path r, String hook, String stdin, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = r.resolve(".git/hooks/" + hook).toString();
    System.arraycopy(args, 0, command, 1, args.length);
    return g.run(r, stdin, Map.of(), command);
  }

  @Test
  void hooksWriteNothingWhetherTheyBlockOrAllow() throws Exception {
    GitCli.write(repo, "clean.txt", "fine\n");
    g.ok(repo, "add", "clean.txt");
    Map<String, String> before = snapshot(repo);
    String state = gitState(repo);
    Result allowed = runHook(repo, "pre-commit", "");
    assertEquals(0, allowed.code(), allowed.all());
    assertUnchanged(before, repo, "an allowing pre-commit hook changed files");
    assertEquals(state, gitState(repo));

    GitCli.write(repo, "leak.txt", "k=" + Planted.PAT + "\n");
    g.ok(repo, "add", "leak.txt");
    before = snapshot(repo);
    state = gitState(repo);
    Result blocked = runHook(repo, "pre-commit", "");
    assertEquals(1, blocked.code(), blocked.all());
    assertUnchanged(before, repo, "a blocking pre-commit hook changed files");
    assertEquals(state, gitState(repo));

    Result commit = g.git(repo, "commit", "-m", "leak");
    assertNotEquals(0, commit.code(), commit.all());
    assertEquals(state, gitState(repo), "index, working tree and refs after a blocked commit");
    g.ok(repo, "commit", "-q", "--no-verify", "-m", "leak, bypassed");
    String head = g.ok(repo, "rev-parse", "HEAD").trim();
    String zeros = "0".repeat(40);
    before = snapshot(repo);
    state = gitState(repo);
    Result push =
        runHook(
            repo,
            "pre-push",
            "refs/heads/main " + head + " refs/heads/main " + zeros + "\n",
            "origin",
            "/nowhere");
    assertEquals(1, push.code(), push.all());
    assertUnchanged(before, repo, "a blocking pre-push hook changed files");
    assertEquals(state, gitState(repo));
  }

  @Test
  void badConfigurationBlocksNamingTheBypassUnlessFailOpen() throws Exception {
    GitCli.write(repo, ".sealant.yaml", "disable: []\nalow:\n  paths: ['*.txt']\n");
    GitCli.write(repo, "a.txt", "fine\n");
    g.ok(repo, "add", "a.txt");
    String state = gitState(repo);
    Result r = g.git(repo, "commit", "-m", "x");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(
        r.err().contains(".sealant.yaml:2") && r.err().contains("unknown key 'alow'"), r.err());
    assertTrue(
        r.err().contains("pre-commit blocked") && r.err().contains("git commit --no-verify"),
        r.err());
    assertEquals(state, gitState(repo));

    Result open =
        g.run(repo, "", Map.of("SEALANT_FAIL_OPEN", "1"), "git", "commit", "-q", "-m", "x");
    assertEquals(0, open.code(), open.all());
    assertTrue(open.err().contains("SKIPPED"), open.err());
    GitCli.write(repo, "b.txt", "fine\n");
    g.ok(repo, "add", "b.txt");
    g.ok(repo, "config", "sealant.failOpen", "true");
    Result config = g.git(repo, "commit", "-q", "-m", "y");
    assertEquals(0, config.code(), config.all());
    assertTrue(config.err().contains("SKIPPED"), config.err());
  }

  @Test
  void missingJavaAndCorruptJarBlockNamingTheBypass() throws Exception {
    GitCli.write(repo, "a.txt", "fine\n");
    g.ok(repo, "add", "a.txt");
    Path noJava = tmp.resolve("no-java");
    Files.writeString(
        noJava, "#!/bin/sh\nexec /nonexistent/jdk/bin/java -jar /nonexistent/sealant.jar \"$@\"\n");
    noJava.toFile().setExecutable(true);
    Path jar = tmp.resolve("sealant.jar");
    Files.write(
        jar, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
    Path corrupt = tmp.resolve("corrupt-jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(corrupt, "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' \"$@\"\n");
    corrupt.toFile().setExecutable(true);
    for (Path launcher : new Path[] {noJava, corrupt}) {
      Result r =
          g.run(repo, "", Map.of("SEALANT", launcher.toString()), "git", "commit", "-m", "x");
      assertNotEquals(0, r.code(), r.all());
      assertTrue(
          r.err().contains("could not run") && r.err().contains("git commit --no-verify"), r.err());
    }
  }

  @Test
  void missingOrCorruptStagedBlobBlocksNamingTheObject() throws Exception {
    for (boolean corrupt : new boolean[] {false, true}) {
      String name = corrupt ? "corrupt.txt" : "missing.txt";
      GitCli.write(repo, name, "some content of " + name + "\n");
      g.ok(repo, "add", name);
      String blob = g.ok(repo, "rev-parse", ":" + name).trim();
      Path object = repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
      if (corrupt) {
        object.toFile().setWritable(true);
        Files.write(object, new byte[] {0x78, 0x01, 0x00, 0x01, 0x02, 0x03});
      } else {
        Files.delete(object);
      }
      Result r = g.git(repo, "commit", "-m", "x");
      assertNotEquals(0, r.code(), r.all());
      assertTrue(r.err().contains(blob), name + ": " + r.err());
      assertTrue(
          r.err().contains("pre-commit blocked") && r.err().contains("--no-verify"), r.err());
      g.ok(repo, "rm", "-q", "--cached", name);
    }
  }

  /**
   * A staged loose object damaged every way its header and stream can be (a size too small or too
   * large, another type, no size, a cut or bit-flipped stream; seeded) blocks the commit naming the
   * object (or the file, when its header claims more than the size limit), never as an internal
   * error.
   */
  @Test
  void everyDamagedLooseObjectBlocksNamingItNeverAsAnInternalError() throws Exception {
    Random random = new Random(23);
    byte[] content = "some staged content, line one\nand line two\n".getBytes(UTF_8);
    int n = content.length;
    List<byte[]> damaged = new ArrayList<>();
    for (String header :
        List.of(
            "blob " + (n - 5),
            "blob " + (n - 1),
            "blob " + (n + 1),
            "blob " + (n + 100),
            "blob 0",
            "blob 99999999999",
            "blob",
            "blob -3",
            "tree " + n,
            "commit " + n,
            "blobx " + n)) {
      damaged.add(deflate(concat((header + "\0").getBytes(UTF_8), content)));
    }
    byte[] good = deflate(concat(("blob " + n + "\0").getBytes(UTF_8), content));
    for (int i = 0; i < 6; i++) {
      damaged.add(Arrays.copyOf(good, 2 + random.nextInt(good.length - 3)));
      byte[] flipped = good.clone();
      flipped[2 + random.nextInt(good.length - 2)] ^= (byte) (1 + random.nextInt(255));
      damaged.add(flipped);
    }
    GitCli.write(repo, "damaged.txt", new String(content, UTF_8));
    g.ok(repo, "add", "damaged.txt");
    String blob = g.ok(repo, "rev-parse", ":damaged.txt").trim();
    Path object = repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
    object.toFile().setWritable(true);
    for (int i = 0; i < damaged.size(); i++) {
      Files.write(object, damaged.get(i));
      Result r = g.git(repo, "commit", "-m", "x");
      String what = "case " + i + " (seed 23): " + r.all();
      assertNotEquals(0, r.code(), what);
      assertTrue(r.err().contains(blob) || r.err().contains("damaged.txt"), what);
      assertFalse(r.err().contains("internal error"), what);
    }
  }

  /**
   * A size with a leading zero or a sign is not git's canonical header (git refuses it), but JGit
   * reads it: the content is scanned all the same, so a secret in it still blocks.
   */
  @Test
  void aLooseObjectWithANonCanonicalSizeIsStillScanned() throws Exception {
    byte[] content = ("key = " + Planted.PAT + "\n").getBytes(UTF_8);
    for (String sign : List.of("0", "+", "00")) {
      String name = "size" + sign.length() + (sign.startsWith("+") ? "p" : "z") + ".txt";
      GitCli.write(repo, name, new String(content, UTF_8));
      g.ok(repo, "add", name);
      String blob = g.ok(repo, "rev-parse", ":" + name).trim();
      Path object = repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
      object.toFile().setWritable(true);
      byte[] header = ("blob " + sign + content.length + "\0").getBytes(UTF_8);
      Files.write(object, deflate(concat(header, content)));
      Result r = g.git(repo, "commit", "-m", "x");
      assertNotEquals(0, r.code(), sign + ": " + r.all());
      assertTrue(r.err().contains(name), sign + ": " + r.all());
      assertFalse(r.all().contains(Planted.PAT), sign + ": " + r.all());
      g.ok(repo, "rm", "-q", "--cached", name);
    }
  }

  /**
   * git's empty blob is read like any object when a file holds it: a token written into that file
   * (a corrupt object, which git itself still shows) blocks, as any staged content does.
   */
  @Test
  void anEmptyFilesObjectHoldingATokenBlocks() throws Exception {
    GitCli.write(repo, "empty.txt", "");
    g.ok(repo, "add", "empty.txt");
    String blob = g.ok(repo, "rev-parse", ":empty.txt").trim();
    Path object = repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
    assertTrue(Files.isRegularFile(object), "git add wrote the empty blob");
    byte[] content = ("key = " + Planted.PAT + "\n").getBytes(UTF_8);
    object.toFile().setWritable(true);
    Files.write(
        object, deflate(concat(("blob " + content.length + "\0").getBytes(UTF_8), content)));
    Result r = g.git(repo, "commit", "-m", "x");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("empty.txt"), r.all());
    assertFalse(r.all().contains(Planted.PAT), r.all());
  }

  private static byte[] deflate(byte[] raw) {
    Deflater d = new Deflater();
    d.setInput(raw);
    d.finish();
    byte[] out = new byte[raw.length + 64];
    int len = d.deflate(out);
    d.end();
    return Arrays.copyOf(out, len);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void missingObjectInPushedHistoryBlocksThePushNamingIt() throws Exception {
    GitCli.write(repo, "pushed.txt", "some content\n");
    g.ok(repo, "add", "pushed.txt");
    g.ok(repo, "commit", "-q", "-m", "to push");
    String blob = g.ok(repo, "rev-parse", "HEAD:pushed.txt").trim();
    Files.delete(repo.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
    String head = g.ok(repo, "rev-parse", "HEAD").trim();
    Result r =
        runHook(
            repo,
            "pre-push",
            "refs/heads/main " + head + " refs/heads/main " + "0".repeat(40) + "\n",
            "origin",
            "/nowhere");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains(blob) && r.err().contains(head), r.err());
    assertTrue(
        r.err().contains("pre-push blocked") && r.err().contains("git push --no-verify"), r.err());
  }

  @Test
  void linkedWorktreeScansAndRunsThePreCommitHook() throws Exception {
    GitCli.write(repo, "old.txt", "k=" + Planted.PAT + "\n");
    g.ok(repo, "add", "old.txt");
    g.ok(repo, "commit", "-q", "--no-verify", "-m", "an old secret");
    Path wt = tmp.resolve("linked");
    g.ok(repo, "worktree", "add", "-q", "-b", "feature", wt.toString());
    Result history = g.sealant(wt, "scan", "-f", "json");
    assertEquals(1, history.code(), history.all());
    assertTrue(history.out().contains("old.txt"), history.out());
    GitCli.write(wt, "new.txt", "k=" + Planted.PAT + "\n");
    g.ok(wt, "add", "new.txt");
    Result staged = g.sealant(wt, "scan", "--staged", "-f", "json");
    assertEquals(1, staged.code(), staged.all());
    assertTrue(staged.out().contains("new.txt") && !staged.out().contains("old.txt"), staged.out());
    Result mainStaged = g.sealant(repo, "scan", "--staged");
    assertEquals(0, mainStaged.code(), "the main worktree's index is its own: " + mainStaged.all());
    Result blocked = g.git(wt, "commit", "-m", "leak from the worktree");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(
        blocked.err().contains("COMMIT BLOCKED") && blocked.err().contains("new.txt"),
        blocked.err());
    g.ok(wt, "rm", "-q", "--cached", "new.txt");
    GitCli.write(wt, "ok.txt", "fine\n");
    g.ok(wt, "add", "ok.txt");
    g.ok(wt, "commit", "-q", "-m", "clean from the worktree");
  }
}
