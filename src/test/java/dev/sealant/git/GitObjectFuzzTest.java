package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sealant.error.SealantException;
import dev.sealant.fuzz.FuzzAccess;
import dev.sealant.git.raw.IndexFile;
import dev.sealant.git.raw.StepAside;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile git objects through Sealant's own readers, seeded: raw trees (odd modes, names, ids,
 * ordering, truncation) through {@link TreeDiff}; commit headers (huge or missing timestamps, no
 * author, no {@code <>}, junk lines) through {@link Authors}; index files (mutated real ones, odd
 * versions and extensions) through {@link IndexFile}; {@code git ls-files} listings through {@link
 * Indexes}. Each either yields a result or fails the way its caller turns into one clean line (an
 * {@link IOException}, a {@link StepAside} to JGit, a {@link SealantException}); any other
 * exception or error is a crash and fails with the seed and input number.
 */
class GitObjectFuzzTest {

  static final AtomicLong TREES = new AtomicLong();
  static final AtomicLong COMMITS = new AtomicLong();
  static final AtomicLong INDEXES = new AtomicLong();
  static final AtomicLong REJECTED = new AtomicLong();

  @TempDir Path dir;

  static int iterations() {
    return Integer.getInteger("sealant.fuzz.iterations", 150);
  }

  static final String[] MODES = {
    "100644",
    "100755",
    "120000",
    "160000",
    "40000",
    "040000",
    "644",
    "0",
    "",
    "1000000",
    "100644 ",
    "4000x",
    "777777777777",
    "-1"
  };
  static final String[] NAMES = {
    "a",
    "b",
    ".",
    "..",
    ".git",
    "",
    "a/b",
    "é",
    "\u00ff",
    "x".repeat(300),
    "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",
    "\t",
    " ",
    "a.txt",
    "z"
  };

  private static byte[] id(Random r, Map<ObjectId, byte[]> trees) {
    byte[] id = new byte[20];
    if (!trees.isEmpty() && r.nextInt(3) == 0) {
      ObjectId known =
          trees.keySet().stream().skip(r.nextInt(trees.size())).findFirst().orElseThrow();
      known.copyRawTo(id, 0);
    } else {
      r.nextBytes(id);
    }
    return id;
  }

  /** A raw tree of random entries; sometimes truncated or with bytes flipped. */
  private static byte[] tree(Random r, Map<ObjectId, byte[]> trees) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int k = r.nextInt(8); k > 0; k--) {
      String mode =
          r.nextInt(8) == 0
              ? MODES[r.nextInt(MODES.length)]
              : (r.nextBoolean() ? "40000" : "100644");
      String name = NAMES[r.nextInt(NAMES.length)];
      b.writeBytes((mode + " " + name).getBytes(StandardCharsets.UTF_8));
      if (r.nextInt(20) != 0) {
        b.write(0);
      }
      byte[] id = id(r, trees);
      b.write(id, 0, r.nextInt(25) == 0 ? r.nextInt(20) : 20);
    }
    byte[] raw = b.toByteArray();
    for (int m = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0; m > 0 && raw.length > 0; m--) {
      raw[r.nextInt(raw.length)] = (byte) r.nextInt(256);
    }
    return raw;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24})
  void hostileTreesDiffOrFailCleanly(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < iterations(); i++) {
      Map<ObjectId, byte[]> trees = new HashMap<>();
      for (int t = 1 + r.nextInt(6); t > 0; t--) {
        byte[] raw = tree(r, trees);
        trees.put(ObjectId.fromRaw(Constants.newMessageDigest().digest(raw)), raw);
      }
      ObjectId[] ids = trees.keySet().toArray(new ObjectId[0]);
      ObjectId[] roots = new ObjectId[1 + r.nextInt(3)];
      for (int k = 0; k < roots.length; k++) {
        roots[k] = r.nextInt(6) == 0 ? null : ids[r.nextInt(ids.length)];
      }
      TREES.incrementAndGet();
      try {
        TreeDiff.diff(
            id -> {
              byte[] raw = trees.get(id);
              if (raw == null) {
                throw new MissingObjectException(id, Constants.OBJ_TREE);
              }
              return raw;
            },
            roots);
      } catch (IOException e) {
        REJECTED.incrementAndGet(); // CommitSource turns it into "commit X: cannot read: ..."
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " input " + i + ": " + e, e);
      }
    }
  }

  static final String[] IDENTS = {
    "A <a@b> 1 +0000",
    "A <a@b> 99999999999999999999 +0000",
    "A <a@b>",
    "Alice alice-at-example 1 +0000",
    "<> 0 +0000",
    "A <a@b> -5 +0000",
    "A <a@b> 1 +99999",
    "A <a@b 1 +0000",
    "A a@b> 1 +0000",
    "",
    " ",
    "<<>> 1",
    "A <a@b> 1",
    "A <a@b> x +0000",
    "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"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33, 34})
  void hostileCommitHeadersGiveAnAuthorOrFailCleanly(long seed) {
    Random r = new Random(seed);
    String tree = "tree " + ObjectId.zeroId().name() + "\n";
    for (int i = 0; i < iterations(); i++) {
      StringBuilder h = new StringBuilder(r.nextInt(10) == 0 ? "" : tree);
      for (int k = r.nextInt(5); k > 0; k--) {
        String key =
            new String[] {"author ", "committer ", "parent ", "encoding ", "gpgsig ", "x ", ""}
                [r.nextInt(7)];
        String ident = IDENTS[r.nextInt(IDENTS.length)];
        if (r.nextInt(4) == 0) {
          ident = FuzzAccess.mutate(r, ident);
        }
        h.append(key).append(ident).append(r.nextInt(10) == 0 ? "" : "\n");
      }
      h.append(r.nextBoolean() ? "\nmessage\n" : "");
      COMMITS.incrementAndGet();
      RevCommit c;
      try {
        c = RevCommit.parse(h.toString().getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        REJECTED
            .incrementAndGet(); // CommitSource turns JGit's refusal into "commit X: corrupt ..."
        continue;
      }
      try {
        Authors.info(c);
        Authors.parse("0", IDENTS[r.nextInt(IDENTS.length)] + FuzzAccess.text(r, 20));
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " input " + i + ": " + e, e);
      }
    }
  }

  private byte[] realIndex(Random r) throws IOException {
    Path f = dir.resolve("written-index");
    Files.deleteIfExists(f);
    DirCache dc = DirCache.lock(f.toFile(), FS.DETECTED);
    DirCacheBuilder b = dc.builder();
    int n = 1 + r.nextInt(6);
    String[] paths = new String[n];
    for (int k = 0; k < n; k++) {
      paths[k] = "d" + r.nextInt(3) + "/f" + k + (r.nextBoolean() ? ".txt" : "");
    }
    Arrays.sort(paths);
    String last = null;
    for (String p : paths) {
      if (p.equals(last)) {
        continue;
      }
      last = p;
      DirCacheEntry e = new DirCacheEntry(p);
      e.setFileMode(r.nextInt(5) == 0 ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
      byte[] id = new byte[20];
      r.nextBytes(id);
      e.setObjectId(ObjectId.fromRaw(id));
      b.add(e);
    }
    if (!b.commit()) {
      throw new IOException("cannot write the seed index");
    }
    return Files.readAllBytes(f);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {41, 42, 43, 44})
  void hostileIndexFilesReadOrStepAside(long seed) throws Exception {
    Random r = new Random(seed);
    Path file = dir.resolve("index");
    for (int i = 0; i < iterations(); i++) {
      byte[] raw = realIndex(r);
      for (int m = 1 + r.nextInt(4); m > 0; m--) {
        int at = r.nextInt(raw.length);
        switch (r.nextInt(4)) {
          case 0 -> raw[at] = (byte) r.nextInt(256);
          case 1 -> raw = Arrays.copyOf(raw, at);
          case 2 ->
              raw[Math.min(raw.length - 1, 4 + r.nextInt(4))] = (byte) r.nextInt(5); // version
          default -> {
            byte[] ext = "linksdirTREEREUCUNTR".getBytes(StandardCharsets.US_ASCII);
            int e = r.nextInt(5) * 4;
            System.arraycopy(
                ext, e, raw, Math.min(at, Math.max(0, raw.length - 4)), Math.min(4, raw.length));
          }
        }
        if (raw.length == 0) {
          break;
        }
      }
      Files.write(file, raw);
      INDEXES.incrementAndGet();
      try {
        IndexFile.read(file);
      } catch (StepAside e) {
        REJECTED.incrementAndGet(); // the JGit reader (then git ls-files) takes over
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " input " + i + ": " + e, e);
      }
      try {
        Indexes.parse(
            FuzzAccess.text(r, 200).replace('\n', '\0').getBytes(StandardCharsets.UTF_8), "index");
      } catch (SealantException e) {
        REJECTED.incrementAndGet();
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " input " + i + " (ls-files listing): " + e, e);
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println(
        "GitObjectFuzzTest: "
            + (TREES.get() + COMMITS.get() + INDEXES.get())
            + " inputs tried ("
            + TREES.get()
            + " trees, "
            + COMMITS.get()
            + " commit headers, "
            + INDEXES.get()
            + " index files), "
            + REJECTED.get()
            + " cleanly rejected, 0 crashes");
  }
}
