package dev.sealant.scan;

import dev.sealant.allow.RepoConfig;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.error.ScanIoException;
import dev.sealant.git.CommitSet;
import dev.sealant.git.PullRange;
import dev.sealant.git.Repos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code sealant ci}'s case of {@link Session}: the range must be in the clone and not cross a
 * shallow boundary, and a change is scanned with its base's policy ({@link BasePolicy}, {@link
 * TrackedPolicy}), written to a temporary directory for the scan's length.
 */
final class CiScan {

  private CiScan() {}

  static Optional<Session.Outcome> run(
      Session session, ScanRequest.CiRange range, Session.Listener listener) {
    try (Repository repo = Repos.open(session.cwd(), session.env(), "the ci command")) {
      ObjectId headId = PullRange.commit(repo, range.head(), "head");
      Optional<ObjectId> baseId = range.base().map(b -> PullRange.commit(repo, b, "base"));
      CommitSet set = new CommitSet(List.of(headId), baseId.stream().toList(), range.what());
      int commits = PullRange.count(repo, set);
      listener.range(commits, set.what());
      if (commits == 0) {
        return Optional.empty();
      }
      Optional<BasePolicy> policy = baseId.map(b -> BasePolicy.of(repo, b, headId));
      Path staged = policy.isPresent() ? tempDir() : null;
      Policy chosen;
      try {
        chosen = policy(session, range, listener, repo, baseId, headId, policy, staged);
      } catch (RuntimeException e) {
        deleteQuietly(staged);
        throw e;
      }
      Suppressions sup = chosen.suppressions();
      boolean refused = chosen.refused();
      try {
        ScanResult result = Session.run(session.history(repo, set, sup), "commits", sup, listener);
        return Optional.of(new Session.Outcome(result, sup, Optional.empty(), refused));
      } finally {
        deleteQuietly(staged);
      }
    }
  }

  /** The configuration a range is scanned under, and whether the change's weakening was refused. */
  private record Policy(Suppressions suppressions, boolean refused) {}

  /**
   * The base's policy when there is a base (written under {@code staged}), unless the change
   * weakens it and {@code --accept-policy-change} was given; the repository's own otherwise.
   */
  private static Policy policy(
      Session session,
      ScanRequest.CiRange range,
      Session.Listener listener,
      Repository repo,
      Optional<ObjectId> baseId,
      ObjectId headId,
      Optional<BasePolicy> policy,
      Path staged) {
    if (policy.isEmpty()) {
      return new Policy(session.configuration(repo), false);
    }
    List<String> weak = new ArrayList<>(policy.get().weakenings());
    Path tracked = staged.resolve("tracked");
    Optional<Catalog> baseCatalog =
        range
            .patterns()
            .flatMap(p -> TrackedPolicy.catalog(repo, baseId.get(), headId, p, tracked, weak));
    Optional<Path> baseConfig =
        session
            .suppressions()
            .config()
            .flatMap(p -> TrackedPolicy.config(repo, baseId.get(), headId, p, tracked, weak));
    if (!weak.isEmpty() && range.acceptPolicyChange()) {
      listener.policyWeakened(weak, true);
      return new Policy(session.configuration(repo), false);
    }
    Path root = staged.resolve("root");
    List<Path> nested = policy.get().writeTo(root);
    Suppressions sup =
        BasePolicy.load(
            baseCatalog.orElseGet(session.catalog()),
            session.suppressions(),
            root,
            nested,
            baseConfig,
            Repos.workTree(repo),
            policy.get().configs().getOrDefault(RepoConfig.FILE_NAME, RepoConfig.none()));
    if (!weak.isEmpty()) {
      listener.policyWeakened(weak, false);
      return new Policy(sup, true);
    }
    return new Policy(sup, false);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sealant-policy");
    } catch (IOException e) {
      throw new ScanIoException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
