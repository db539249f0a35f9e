package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.git.raw.ObjectStore;
import dev.sealant.git.raw.Oid;
import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PackReader} against JGit's own reader, on real packs written three ways: by {@code git
 * fast-import} (deltas on the previous object of the stream, oldest first), by {@code git repack
 * -f} (git's own choice, offset deltas) and with reference deltas.
 */
class PackReaderTest {

  @TempDir Path dir;

  /** A fast-import stream: files edited over many commits, so that packs hold delta chains. */
  static String history(long seed, int commits) {
    return history(seed, commits, false);
  }

  /**
   * The same, with {@code secrets}: a token added now and then (and sometimes removed again), and a
   * file renamed with an edit.
   */
  static String history(long seed, int commits, boolean secrets) {
    Random r = new Random(seed);
    List<List<String>> files = new ArrayList<>();
    for (int f = 0; f < 6; f++) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 40 + r.nextInt(80); i++) {
        lines.add("line " + i + " of file " + f + " value " + r.nextInt(100000));
      }
      files.add(lines);
    }
    StringBuilder s = new StringBuilder();
    for (int c = 1; c <= commits; c++) {
      s.append("commit refs/heads/main\nmark :").append(c).append('\n');
      s.append("committer Ada <ada@example.invalid> ")
          .append(1_700_000_000L + 60L * c)
          .append(" +0000\n");
      s.append("data 8\nchange ").append(c % 10).append('\n');
      if (c > 1) {
        s.append("from :").append(c - 1).append('\n');
      }
      for (int f = 0; f < files.size(); f++) {
        List<String> lines = files.get(f);
        if (c > 1 && r.nextInt(3) != 0) {
          continue;
        }
        for (int e = 0; e < 1 + r.nextInt(5); e++) {
          int at = r.nextInt(lines.size());
          if (secrets && r.nextInt(40) == 0) {
            lines.add(at, "token = \"" + GitCli.TOKEN + "\"");
          } else if (secrets && r.nextInt(20) == 0) {
            lines.removeIf(l -> l.contains(GitCli.TOKEN));
          } else if (r.nextBoolean()) {
            lines.add(at, "added " + c + " " + r.nextInt(100000));
          } else {
            lines.set(at, "changed " + c + " " + r.nextInt(100000));
          }
        }
        String text = String.join("\n", lines) + "\n";
        String path =
            (f % 2 == 0 ? "src/" : "docs/")
                + "file"
                + f
                + (secrets && c > commits / 2 && f == 1 ? "-moved" : "")
                + ".txt";
        if (secrets && c == commits / 2 + 1 && f == 1) {
          s.append("D docs/file1.txt\n");
        }
        s.append("M 100644 inline ")
            .append(path)
            .append("\ndata ")
            .append(text.length())
            .append('\n')
            .append(text)
            .append('\n');
      }
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * A repository with {@code history} in one pack, as {@code repack} (extra arguments, or none)
   * leaves it.
   */
  Path packed(String name, String... repack) throws Exception {
    return packed(name, false, repack);
  }

  Path packed(String name, boolean secrets, String... repack) throws Exception {
    GitCli git = new GitCli(dir);
    Path repo = git.repo(name, true);
    GitCli.Result r =
        git.run(repo, history(7, 80, secrets), Map.of(), "git", "fast-import", "--quiet");
    assertEquals(0, r.code(), r.all());
    if (repack.length > 0) {
      git.ok(repo, repack);
    }
    return repo;
  }

  private static List<PackIndex.MutableEntry> entries(Repository repo) throws Exception {
    List<PackIndex.MutableEntry> all = new ArrayList<>();
    for (Pack p : ((ObjectDirectory) repo.getObjectDatabase()).getPacks()) {
      for (PackIndex.MutableEntry e : p.getIndex()) {
        all.add(e.cloneEntry());
      }
    }
    all.sort(Comparator.comparingLong(PackIndex.MutableEntry::getOffset));
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast-import", "repack", "ref-delta"})
  void readsEveryTreeAndBlobAsJGitDoesInEitherOrder(String layout) throws Exception {
    Path path =
        switch (layout) {
          case "repack" -> packed(layout, "repack", "-a", "-d", "-f", "-q");
          case "ref-delta" ->
              packed(
                  layout,
                  "-c",
                  "repack.useDeltaBaseOffset=false",
                  "repack",
                  "-a",
                  "-d",
                  "-f",
                  "-q");
          default -> packed(layout);
        };
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(path.resolve(".git").toFile()).build();
        ObjectReader jgit = repo.newObjectReader()) {
      List<PackIndex.MutableEntry> entries = entries(repo);
      assertTrue(entries.size() > 100, "objects: " + entries.size());
      for (boolean reversed : new boolean[] {false, true}) {
        List<PackIndex.MutableEntry> order = new ArrayList<>(entries);
        if (reversed) {
          Collections.reverse(order);
        }
        // A tiny cache, so that resolving also goes through evicted bases.
        try (PackReader packs = PackReader.of(repo, 16 << 10)) {
          int read = 0;
          for (PackIndex.MutableEntry e : order) {
            ObjectId id = e.toObjectId();
            ObjectLoader ld = jgit.open(id);
            int type = ld.getType();
            if (type != Constants.OBJ_TREE && type != Constants.OBJ_BLOB) {
              continue;
            }
            byte[] ours = packs.read(id, type, Integer.MAX_VALUE - 8);
            assertNotNull(ours, layout + ": " + id.name());
            assertArrayEquals(ld.getCachedBytes(), ours, layout + ": " + id.name());
            read++;
          }
          assertTrue(read > 50, layout + ": read " + read);
        }
      }
    }
  }

  /**
   * Every tree and blob as the real {@code git cat-file --batch-all-objects --batch} prints it,
   * read back through {@link PackReader} (the raw pack index and delta code the hook shares), and
   * every commit, tree and blob through the hook's {@link ObjectStore}. "midx": several packs, a
   * multi-pack index over them and loose objects, as {@code git maintenance} leaves a repository;
   * the readers use each pack's own index, which git keeps beside the multi-pack one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fast-import", "repack", "ref-delta", "midx"})
  void readsEveryTreeAndBlobAsGitCatFileDoes(String layout) throws Exception {
    Path path =
        switch (layout) {
          case "midx" -> multiPack("cat-" + layout);
          case "repack" -> packed("cat-" + layout, true, "repack", "-a", "-d", "-f", "-q");
          case "ref-delta" ->
              packed(
                  "cat-" + layout,
                  true,
                  "-c",
                  "repack.useDeltaBaseOffset=false",
                  "repack",
                  "-a",
                  "-d",
                  "-f",
                  "-q");
          default -> packed("cat-" + layout, true);
        };
    GitCli git = new GitCli(dir);
    ProcessBuilder pb =
        new ProcessBuilder("git", "cat-file", "--batch-all-objects", "--batch")
            .directory(path.toFile());
    pb.environment().clear();
    pb.environment().putAll(git.env());
    Path out = dir.resolve("cat-" + layout + ".out");
    Process p =
        pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertEquals(0, p.waitFor(), layout);
    byte[] all = Files.readAllBytes(out);
    int checked = 0;
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(path.resolve(".git").toFile()).build();
        PackReader packs = PackReader.of(repo, 16 << 10);
        ObjectStore store = new ObjectStore(path.resolve(".git/objects"))) {
      int at = 0;
      while (at < all.length) {
        int eol = at;
        while (all[eol] != '\n') {
          eol++;
        }
        String[] head = new String(all, at, eol - at, StandardCharsets.US_ASCII).split(" ");
        int size = Integer.parseInt(head[2]);
        byte[] content = Arrays.copyOfRange(all, eol + 1, eol + 1 + size);
        at = eol + 1 + size + 1;
        int type =
            head[1].equals("tree")
                ? Constants.OBJ_TREE
                : head[1].equals("blob") ? Constants.OBJ_BLOB : -1;
        int rawType =
            head[1].equals("commit")
                ? ObjectStore.COMMIT
                : head[1].equals("tree")
                    ? ObjectStore.TREE
                    : head[1].equals("blob") ? ObjectStore.BLOB : -1;
        if (rawType > 0) {
          byte[] direct = store.read(Oid.hex(head[0]), rawType, Integer.MAX_VALUE - 8);
          assertArrayEquals(content, direct, layout + " (object store): " + head[0]);
        }
        if (type < 0) {
          continue;
        }
        byte[] ours = packs.read(ObjectId.fromString(head[0]), type, Integer.MAX_VALUE - 8);
        if (ours == null) {
          assertTrue(layout.equals("midx"), layout + ": " + head[0]); // a loose object
          continue;
        }
        assertArrayEquals(content, ours, layout + ": " + head[0]);
        checked++;
      }
    }
    assertTrue(checked > 100, layout + ": " + checked);
  }

  /**
   * Two packs (fast-import's, then one of later commits), loose objects on top, and a multi-pack
   * index over the packs, all written by the real git.
   */
  private Path multiPack(String name) throws Exception {
    Path repo = packed(name, true);
    GitCli git = new GitCli(dir);
    git.ok(repo, "checkout", "-q", "-f", "main");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3; i++) {
        GitCli.write(repo, "later/f" + i + ".txt", ("round " + round + " line\n").repeat(40 + i));
      }
      git.ok(repo, "add", "-A");
      git.ok(repo, "commit", "-q", "-m", "later " + round);
      if (round == 0) {
        git.ok(repo, "repack", "-d", "-q");
        git.ok(repo, "multi-pack-index", "write");
      }
    }
    assertTrue(Files.exists(repo.resolve(".git/objects/pack/multi-pack-index")), name);
    return repo;
  }

  @Test
  void historyScanFindsTheSameWhateverThePackLayoutAndThreads() throws Exception {
    Path fastImport = packed("a", true);
    Path repacked = packed("b", true, "repack", "-a", "-d", "-f", "-q");
    Path loose = packed("c", true);
    GitCli git = new GitCli(dir);
    git.ok(loose, "repack", "-a", "-d", "-q");
    for (Path p :
        List.of(
                loose
                    .resolve(".git/objects/pack")
                    .toFile()
                    .listFiles((d, n) -> n.endsWith(".pack")))
            .stream()
            .map(File::toPath)
            .toList()) {
      Files.move(p, dir.resolve("moved.pack"));
      git.run(loose, "", Map.of(), "sh", "-c", "git unpack-objects -q < ../moved.pack");
      Files.delete(
          loose
              .resolve(".git/objects/pack")
              .resolve(p.getFileName().toString().replace(".pack", ".idx")));
    }
    String expected = Cli.run(fastImport, "scan", "--format=json").out();
    assertTrue(count(expected, "\"ruleId\"") >= 3, expected);
    assertEquals(
        expected, Cli.run(repacked, "scan", "--format=json").out(), "git's own pack order");
    assertEquals(expected, Cli.run(loose, "scan", "--format=json").out(), "loose objects");
    assertEquals(
        expected, Cli.run(repacked, "scan", "--format=json", "--threads", "1").out(), "one thread");
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void leavesToJGitWhatItDoesNotHandle() throws Exception {
    Path path = packed("rest", "repack", "-a", "-d", "-f", "-q");
    GitCli git = new GitCli(dir);
    ObjectId loose =
        ObjectId.fromString(
            git.run(path, "a loose blob\n", Map.of(), "git", "hash-object", "-w", "--stdin")
                .out()
                .strip());
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(path.resolve(".git").toFile()).build();
        PackReader packs = PackReader.of(repo, 1 << 20)) {
      ObjectId blob = repo.resolve("main:src/file0.txt");
      ObjectId tree = repo.resolve("main^{tree}");
      assertNotNull(packs.read(blob, Constants.OBJ_BLOB, 1 << 20));
      assertTrue(packs.read(blob, Constants.OBJ_TREE, 1 << 20) == null, "wrong type");
      assertTrue(packs.read(blob, Constants.OBJ_BLOB, 10) == null, "larger than the bound");
      assertTrue(packs.read(loose, Constants.OBJ_BLOB, 1 << 20) == null, "loose object");
      assertNotNull(packs.read(tree, Constants.OBJ_TREE, 1 << 20));
      assertTrue(packs.position(tree) >= 0);
      assertEquals(-1, packs.position(loose));
    }
  }

  /**
   * The objects the reader takes for delta bases are exactly those {@code git verify-pack} names.
   */
  @ParameterizedTest
  @ValueSource(strings = {"fast-import", "repack", "ref-delta"})
  void deltaBasesAreThoseGitNames(String layout) throws Exception {
    Path path =
        switch (layout) {
          case "repack" -> packed("bases-" + layout, "repack", "-a", "-d", "-f", "-q");
          case "ref-delta" ->
              packed(
                  "bases-" + layout,
                  "-c",
                  "repack.useDeltaBaseOffset=false",
                  "repack",
                  "-a",
                  "-d",
                  "-f",
                  "-q");
          default -> packed("bases-" + layout);
        };
    GitCli git = new GitCli(dir);
    Set<String> all = new TreeSet<>();
    Set<String> bases = new TreeSet<>();
    for (Path idx : dev.sealant.git.raw.PackIndex.list(path.resolve(".git/objects"))) {
      for (String line : git.ok(path, "verify-pack", "-v", idx.toString()).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 5 && f[0].matches("[0-9a-f]{40}")) {
          all.add(f[0]);
          if (f.length >= 7) {
            bases.add(f[6]);
          }
        }
      }
    }
    assertTrue(!bases.isEmpty(), layout + ": the pack holds deltas");
    try (Repository repo =
            new FileRepositoryBuilder().setGitDir(path.resolve(".git").toFile()).build();
        PackReader reader = PackReader.of(repo, 1 << 20)) {
      for (String id : all) {
        assertEquals(
            bases.contains(id), reader.isDeltaBase(ObjectId.fromString(id)), layout + " " + id);
      }
    }
  }
}
