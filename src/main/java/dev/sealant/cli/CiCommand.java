package dev.sealant.cli;

import dev.sealant.allow.RepoConfig;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.error.GitException;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.git.CommitSet;
import dev.sealant.git.CommitSource;
import dev.sealant.git.Repos;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Limits;
import dev.sealant.report.Format;
import dev.sealant.report.GitHubActions;
import dev.sealant.report.ReportOptions;
import dev.sealant.scan.ScanResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sealant ci}: the pull-request gate; works out the commit range from the CI environment.
 */
@Command(
    name = "ci",
    mixinStandardHelpOptions = true,
    description = {
      "Scan what a CI pipeline brings in and fail (exit 1) on findings.",
      "",
      "The range comes from the environment: GitHub Actions pull requests and pushes (the event",
      "payload), GitLab merge requests and branch pipelines, or --base REV [--head REV]. A base",
      "missing from a shallow clone is an error (exit 2) that says what to change; a range with no",
      "commits is said, never reported as clean."
    },
    footer = {
      "",
      "Examples:",
      "  sealant ci                                   in GitHub Actions or GitLab CI",
      "  sealant ci --base origin/main --sarif out.sarif   any CI; SARIF for code scanning",
      "  sealant ci --sarif s.sarif -f junit -o junit.xml  SARIF plus a JUnit report, one scan",
      "  sealant ci --gitlab gl-secret-detection-report.json   GitLab's report, text in the log"
    })
public final class CiCommand implements Callable<Integer> {

  private final Env env;

  @Option(
      names = "--base",
      paramLabel = "REV",
      description = "Scan the commits not reachable from REV.")
  String base;

  @Option(
      names = "--head",
      paramLabel = "REV",
      description = "The revision under test (default: HEAD).")
  String head;

  @Option(
      names = "--sarif",
      paramLabel = "FILE",
      description = "Also write a SARIF report to FILE (mode 0600).")
  String sarif;

  @Option(
      names = "--gitlab",
      paramLabel = "FILE",
      description =
          "Also write GitLab's secret-detection report to FILE (for artifacts:reports:secret_detection).")
  String gitlab;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--accept-policy-change",
      description =
          "Scan with the change's own .sealant.yaml even when it weakens the base's policy"
              + " (by default the base's policy applies and such a change is refused, exit 4).")
  boolean acceptPolicyChange;

  @Mixin CatalogOptions catalog;

  @Mixin SuppressionOptions suppression;

  @Mixin OutputOptions output;

  public CiCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.checkOutput(env);
    if (sarif != null) {
      OutputOptions.checkWritable("--sarif", sarif, env.resolve(sarif));
    }
    if (gitlab != null) {
      OutputOptions.checkWritable("--gitlab", gitlab, env.resolve(gitlab));
    }
    CiEnvironment.Range range =
        CiEnvironment.detect(
            env.vars(),
            p -> Files.readString(Path.of(p)),
            Optional.ofNullable(base),
            Optional.ofNullable(head));
    try (Repository repo = Repos.open(env.cwd(), env.vars(), "sealant ci")) {
      ObjectId headId = resolve(repo, range.head(), "head");
      Optional<ObjectId> baseId = range.base().map(b -> resolve(repo, b, "base"));
      CommitSet set =
          new CommitSet(
              List.of(headId),
              baseId.stream().toList(),
              range.base().map(b -> b + "..").orElse("") + range.head());
      int commits = checkRange(repo, set);
      env.err()
          .println(
              Messages.safe(
                  "sealant ci: scanning "
                      + commits
                      + (commits == 1 ? " commit" : " commits")
                      + " ("
                      + set.what()
                      + ", from "
                      + range.source()
                      + ")"));
      if (commits == 0) {
        env.out()
            .println(
                Messages.safe(
                    "sealant ci: " + set.what() + " adds no commits: nothing was scanned."));
        return ExitCodes.CLEAN;
      }
      Optional<BasePolicy> policy = baseId.map(b -> BasePolicy.of(repo, b, headId));
      Path staged = policy.isPresent() ? tempDir() : null;
      boolean refused = false;
      Suppressions sup;
      try {
        List<String> weak = new ArrayList<>(policy.map(BasePolicy::weakenings).orElse(List.of()));
        Optional<Catalog> baseCatalog = Optional.empty();
        Optional<Path> baseConfig = Optional.empty();
        if (policy.isPresent()) {
          Path tracked = staged.resolve("tracked");
          baseCatalog =
              catalog
                  .patterns()
                  .flatMap(
                      p ->
                          TrackedPolicy.catalog(
                              repo, baseId.get(), headId, env.resolve(p), tracked, weak));
          baseConfig =
              suppression
                  .configPath(env)
                  .flatMap(p -> TrackedPolicy.config(repo, baseId.get(), headId, p, tracked, weak));
        }
        if (policy.isPresent() && !weak.isEmpty() && acceptPolicyChange) {
          env.err()
              .println(
                  Messages.safe(
                      "sealant ci: accepted (--accept-policy-change): this change weakens the"
                          + " scan policy: "
                          + String.join("; ", weak)));
          sup = suppression.load(env, catalog.load(env), repo);
        } else if (policy.isPresent()) {
          Path root = staged.resolve("root");
          List<Path> nested = policy.get().writeTo(root);
          sup =
              suppression.loadFrom(
                  env,
                  baseCatalog.orElseGet(() -> catalog.load(env)),
                  root,
                  nested,
                  baseConfig,
                  ScanTarget.workTree(repo),
                  policy.get().configs().getOrDefault(RepoConfig.FILE_NAME, RepoConfig.none()));
          if (!weak.isEmpty()) {
            refused = true;
            env.err()
                .println(
                    Messages.safe(
                        "sealant ci: refused: this change weakens the scan policy ("
                            + String.join("; ", weak)
                            + "); scanned with the base's policy instead;"
                            + " to accept the change's policy, rerun with --accept-policy-change (exit 4)"));
          }
        } else {
          sup = suppression.load(env, catalog.load(env), repo);
        }
      } catch (RuntimeException e) {
        deleteQuietly(staged);
        throw e;
      }
      try {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
        CommitSource source =
            new CommitSource(repo, set, Limits.defaults(), n, sup.engine()::pathAllowed);
        ScanResult result = ScanRun.run(env, source, "commits", sup, true);
        if (sarif != null) {
          write(sarif, Format.SARIF, result, sup);
        }
        if (gitlab != null) {
          write(gitlab, Format.GITLAB, result, sup);
        }
        if ("true".equals(env.vars().get("GITHUB_ACTIONS"))) {
          gitHub(result, set.what(), sup);
        }
        listSuppressed(result);
        int code = ScanRun.conclude(env, new ScanRun.Outcome(result, sup), output, suppression);
        return code == ExitCodes.CLEAN && refused ? ExitCodes.POLICY_WEAKENED : code;
      } finally {
        deleteQuietly(staged);
      }
    }
  }

  /**
   * Every finding an allow (inline, ignore file, baseline) suppressed on the lines this change
   * adds, so review sees what the change lets through; rule, fingerprint and commit, never the
   * value.
   */
  private void listSuppressed(ScanResult result) {
    for (Finding f : result.suppressed()) {
      String how =
          f.suppression()
              .map(s -> s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .orElse("allow");
      env.err()
          .println(
              "sealant ci: allowed by "
                  + how
                  + ", added by this change: "
                  + f.ruleId()
                  + " "
                  + f.fingerprint()
                  + f.commit().map(c -> " in commit " + c.id().substring(0, 12)).orElse(""));
    }
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

  /**
   * In GitHub Actions: an annotation per finding on standard output (GitHub reads workflow commands
   * there) and a table appended to the step summary file.
   */
  private void gitHub(ScanResult result, String what, Suppressions sup) {
    ReportOptions options = output.reportOptions(env, sup.engine());
    // A machine-readable report on standard output must stay parseable: annotations go to stderr
    // then.
    PrintStream to =
        output.outputPath(env).isEmpty() && output.format() != Format.TEXT ? env.err() : env.out();
    to.print(GitHubActions.annotations(result, options));
    to.flush();
    Optional<String> summary = env.var("GITHUB_STEP_SUMMARY").filter(s -> !s.isBlank());
    if (summary.isPresent()) {
      Path p = env.resolve(summary.get());
      try {
        Files.writeString(
            p,
            GitHubActions.summary(result, what, options),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new ScanIoException(
            "cannot append to $GITHUB_STEP_SUMMARY: " + OutputOptions.reason(e), e);
      }
    }
  }

  private void write(String file, Format format, ScanResult result, Suppressions sup) {
    Path p = env.resolve(file);
    try {
      OutputOptions.writePrivate(
          p, format.reporter().render(result, output.reportOptions(env, sup.engine())));
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + p + ": " + OutputOptions.reason(e), e);
    }
  }

  private static ObjectId resolve(Repository repo, String rev, String which) {
    try {
      ObjectId id = repo.resolve(rev + "^{commit}");
      if (id != null) {
        return id;
      }
    } catch (IOException | RuntimeException e) {
      // reported below with the remedy
    }
    throw new UsageException(
        "the "
            + which
            + " revision '"
            + rev
            + "' is not in this clone. Fetch it: on GitHub"
            + " set 'fetch-depth: 0' on actions/checkout; on GitLab set GIT_DEPTH: \"0\"; elsewhere run"
            + " 'git fetch origin "
            + rev
            + "' (or 'git fetch --unshallow') before 'sealant ci'");
  }

  /**
   * Counts the commits in the range and refuses one that crosses a shallow boundary: the scan would
   * take the boundary commit's whole tree for new and report old secrets as added.
   */
  private static int checkRange(Repository repo, CommitSet set) {
    try (RevWalk walk = new RevWalk(repo)) {
      Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
      for (ObjectId id : set.include()) {
        walk.markStart(walk.parseCommit(id));
      }
      for (ObjectId id : set.exclude()) {
        walk.markUninteresting(walk.parseCommit(id));
      }
      int n = 0;
      for (RevCommit c : walk) {
        n++;
        if (shallow.contains(c) && !set.exclude().isEmpty()) {
          throw new UsageException(
              "the range "
                  + set.what()
                  + " reaches the shallow clone's boundary at "
                  + c.name()
                  + ", so its base history is missing. Fetch more history: on GitHub set 'fetch-depth: 0'"
                  + " on actions/checkout; on GitLab set GIT_DEPTH: \"0\"; elsewhere 'git fetch --unshallow'");
        }
      }
      return n;
    } catch (IOException e) {
      throw new GitException("cannot walk " + set.what() + ": " + e.getMessage(), e);
    }
  }
}
