package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reading thread and the detecting threads of a history scan: results and failures. */
class CommitSourceTest {

  @TempDir Path dir;

  private JGitRepo history(int commits) throws Exception {
    JGitRepo repo = JGitRepo.init(dir);
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < commits; c++) {
      text.append("line ").append(c).append('\n');
      repo.write("a.txt", text.toString());
      repo.write("dir/b" + (c % 3) + ".txt", "b " + c + "\n");
      repo.commit("c" + c);
    }
    return repo;
  }

  private static CommitSource source(JGitRepo repo, int threads) {
    return new CommitSource(
        repo.git().getRepository(),
        CommitSets.all(repo.git().getRepository(), false),
        Limits.defaults(),
        threads,
        p -> false);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void everyAddedLineReachesTheSinkOnceWhateverTheThreads(int threads) throws Exception {
    try (JGitRepo repo = history(30)) {
      ConcurrentLinkedQueue<Fragment> got = new ConcurrentLinkedQueue<>();
      AtomicInteger commits = new AtomicInteger();
      source(repo, threads)
          .run(
              new Sink() {
                @Override
                public void accept(Fragment f) {
                  if (!f.path().equals(Fragment.COMMIT_MESSAGE)) {
                    got.add(f);
                  }
                }

                @Override
                public void scannedCommit(String id) {
                  commits.incrementAndGet();
                }
              });
      assertEquals(30, commits.get());
      // a.txt adds one line per commit; each dir/bN.txt is new or rewritten in every commit.
      assertEquals(60, got.size(), got.toString());
      assertEquals(30, got.stream().filter(f -> f.path().equals("a.txt")).count());
    }
  }

  /** Which commit each path's added text is reported at. */
  private static Map<String, String> attribution(JGitRepo repo, int threads) {
    Map<String, String> at = new ConcurrentSkipListMap<>();
    source(repo, threads)
        .run(
            new Sink() {
              @Override
              public void accept(Fragment f) {
                if (!f.path().equals(Fragment.COMMIT_MESSAGE)) {
                  String id = f.commit().map(c -> c.id()).orElse("");
                  String was = at.put(f.path() + ": " + f.text(), id);
                  assertTrue(was == null, f.path() + " reported at " + was + " and " + id);
                }
              }
            });
    return at;
  }

  /**
   * Two commits on two branches make the very same change to each of many files: with any number of
   * threads, each change is reported once, at the commit listed first, as one thread does.
   */
  @Test
  void anIdenticalChangeInTwoCommitsIsReportedAtTheFirstListedWhateverTheThreads()
      throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir)) {
      for (int k = 0; k < 12; k++) {
        repo.write("f" + k + ".txt", "base " + k + "\n");
      }
      RevCommit base = repo.commit("base");
      for (String branch : List.of("left", "right")) {
        repo.git().checkout().setCreateBranch(true).setName(branch).setStartPoint(base).call();
        for (int k = 0; k < 12; k++) {
          // One commit per file, so the two branches' commits interleave in the listing.
          repo.write("f" + k + ".txt", "base " + k + "\nadded " + k + "\n");
          repo.commit(branch + " " + k);
        }
      }
      Map<String, String> one = attribution(repo, 1);
      assertEquals(24, one.size(), one.toString());
      for (int run = 0; run < 10; run++) {
        assertEquals(one, attribution(repo, 2), "run " + run);
      }
    }
  }

  @Test
  void aVersionComingBackIsReadAgainForItsText() throws Exception {
    // Oldest first, the cache keeps only line hashes of versions already scanned: when a commit
    // restores an earlier version, its added lines still need that version's text.
    try (JGitRepo repo = JGitRepo.init(dir)) {
      repo.write("a.txt", "one\n");
      repo.commit("one");
      repo.write("a.txt", "one\ntwo\n");
      repo.commit("two");
      repo.write("a.txt", "zero\n");
      repo.commit("zero");
      repo.write("a.txt", "one\ntwo\n");
      repo.commit("one and two again");
      ConcurrentLinkedQueue<Fragment> got = new ConcurrentLinkedQueue<>();
      source(repo, 1)
          .run(
              f -> {
                if (!f.path().equals(Fragment.COMMIT_MESSAGE)) {
                  got.add(f);
                }
              });
      assertEquals(
          List.of("one\n", "two\n", "zero\n", "one\ntwo\n"),
          got.stream().map(Fragment::text).toList());
    }
  }

  @Test
  void aBlobOverTheInMemoryBoundIsStreamedNotSkipped() throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir)) {
      repo.write("big.txt", "x".repeat(5000) + "\n");
      repo.write("small.txt", "small\n");
      repo.commit("one");
      List<Fragment> got = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      // --max-file-size allows it; the heap-derived bound (here 1 KiB) does not.
      new CommitSource(
              repo.git().getRepository(),
              CommitSets.all(repo.git().getRepository(), false),
              new Limits(1 << 20, 1024),
              1,
              p -> false)
          .run(
              new Sink() {
                @Override
                public void accept(Fragment f) {
                  if (!f.path().equals(Fragment.COMMIT_MESSAGE)) {
                    got.add(f);
                  }
                }

                @Override
                public void skipped(Skipped s) {
                  skipped.add(s.path() + ": " + s.reason());
                }

                @Override
                public void warn(String message) {
                  warnings.add(message);
                }
              });
      // Scanned as it streams out of the object store (see BigBlobStreamTest), never read whole.
      assertEquals(
          List.of("big.txt", "small.txt"), got.stream().map(Fragment::path).sorted().toList());
      assertEquals(
          "x".repeat(5000) + "\n",
          got.stream().filter(f -> f.path().equals("big.txt")).findFirst().orElseThrow().text());
      assertEquals(List.of(), skipped);
      assertEquals(List.of(), warnings);
    }
  }

  @Test
  void aFailingDetectorStopsTheScanWithItsOwnError() throws Exception {
    try (JGitRepo repo = history(40)) {
      IllegalStateException boom = new IllegalStateException("detector failed");
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  source(repo, 2)
                      .run(
                          f -> {
                            throw boom;
                          }));
      assertSame(boom, thrown);
    }
  }

  @Test
  void noCommitsMeansNoWork() throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir)) {
      List<Fragment> got = new ArrayList<>();
      source(repo, 2).run(got::add);
      assertEquals(List.of(), got);
    }
  }

  @Test
  void eachCommitsOwnTextReachesTheSinkOnceAtTheCommitMessagePath() throws Exception {
    try (JGitRepo repo = history(5)) {
      ConcurrentLinkedQueue<Fragment> got = new ConcurrentLinkedQueue<>();
      source(repo, 2)
          .run(
              f -> {
                if (f.path().equals(Fragment.COMMIT_MESSAGE)) {
                  got.add(f);
                }
              });
      assertEquals(5, got.stream().map(f -> f.commit().orElseThrow().id()).distinct().count());
      assertTrue(
          got.stream()
              .allMatch(f -> f.text().startsWith("author ") && f.text().contains("\ncommitter ")),
          got.toString());
    }
  }
}
