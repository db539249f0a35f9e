package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed or staged blob over the in-memory bound (within --max-file-size) is scanned as it
 * streams by, in fragments, not skipped: here the bound is 64 KiB and the blob about 1 MiB.
 */
class BigBlobStreamTest {

  private static final Limits SMALL = new Limits(8L << 20, 64L << 10);

  @TempDir Path dir;

  private static String big(String marker) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      s.append("ordinary line number ").append(i).append(" of a large generated file\n");
    }
    return s.append(marker).append('\n').toString();
  }

  private static final class Collect implements Sink {
    final ConcurrentLinkedQueue<Fragment> got = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(Fragment f) {
      got.add(f);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    /** The line number the marker was reported at, from the fragment that holds it. */
    int lineOf(String marker) {
      for (Fragment f : got) {
        int at = f.text().indexOf(marker);
        if (at >= 0) {
          return f.firstLine()
              + (int) f.text().substring(0, at).chars().filter(c -> c == '\n').count();
        }
      }
      return -1;
    }
  }

  @Test
  void aCommittedBlobOverTheBoundIsStreamedWithItsCommit() throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir)) {
      repo.write("small.txt", "hello\n");
      repo.commit("first");
      repo.write("big.txt", big("MARKER-ONE"));
      String id = repo.commit("big").name();
      Repository r = repo.git().getRepository();
      Collect sink = new Collect();
      new CommitSource(r, CommitSets.all(r, false), SMALL, 2, p -> false).run(sink);
      assertEquals(20_001, sink.lineOf("MARKER-ONE"), sink.warnings.toString());
      assertTrue(
          sink.got.stream()
              .filter(f -> f.path().equals("big.txt"))
              .allMatch(f -> f.commit().map(c -> c.id().equals(id)).orElse(false)));
      assertEquals(List.of(), List.copyOf(sink.warnings));
    }
  }

  @Test
  void aStagedBlobOverTheBoundIsStreamed() throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir)) {
      repo.write("small.txt", "hello\n");
      repo.commit("first");
      repo.write("big.txt", big("MARKER-TWO"));
      repo.git().add().addFilepattern("big.txt").call();
      Collect sink = new Collect();
      new StagedSource(repo.git().getRepository(), SMALL, p -> false).run(sink);
      assertEquals(20_001, sink.lineOf("MARKER-TWO"), sink.warnings.toString());
      assertTrue(sink.got.stream().allMatch(f -> f.commit().equals(Optional.empty())));
    }
  }
}
