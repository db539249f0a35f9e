package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.error.ExitCodes;
import dev.sealant.error.ScanIoException;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Limits;
import dev.sealant.report.Format;
import dev.sealant.report.GitHubActions;
import dev.sealant.report.ReportOptions;
import dev.sealant.scan.ScanRequest;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    ScanRequest.CiRange request =
        new ScanRequest.CiRange(
            range.base(), range.head(), catalog.patterns().map(env::resolve), acceptPolicyChange);
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    Session session = suppression.session(env, () -> catalog.load(env), Limits.defaults(), n);
    Optional<Session.Outcome> scanned = session.run(request, new Watch(range.source()));
    if (scanned.isEmpty()) {
      env.out()
          .println(
              Messages.safe(
                  "sealant ci: " + request.what() + " adds no commits: nothing was scanned."));
      return ExitCodes.CLEAN;
    }
    Session.Outcome o = scanned.get();
    ScanResult result = o.result();
    Suppressions sup = o.suppressions();
    if (sarif != null) {
      write(sarif, Format.SARIF, result, sup);
    }
    if (gitlab != null) {
      write(gitlab, Format.GITLAB, result, sup);
    }
    if ("true".equals(env.vars().get("GITHUB_ACTIONS"))) {
      gitHub(result, request.what(), sup);
    }
    listSuppressed(result);
    int code = Verdict.conclude(env, o, output, suppression);
    return code == ExitCodes.CLEAN && o.policyRefused() ? ExitCodes.POLICY_WEAKENED : code;
  }

  /** What {@code sealant ci} says before it scans: the range, and a weakened policy. */
  private final class Watch extends Progress {
    private final String source;

    Watch(String source) {
      super(env, true);
      this.source = source;
    }

    @Override
    public void range(int commits, String what) {
      env.err()
          .println(
              Messages.safe(
                  "sealant ci: scanning "
                      + commits
                      + (commits == 1 ? " commit" : " commits")
                      + " ("
                      + what
                      + ", from "
                      + source
                      + ")"));
    }

    @Override
    public void policyWeakened(List<String> weak, boolean accepted) {
      env.err()
          .println(
              Messages.safe(
                  accepted
                      ? "sealant ci: accepted (--accept-policy-change): this change weakens the"
                          + " scan policy: "
                          + String.join("; ", weak)
                      : "sealant ci: refused: this change weakens the scan policy ("
                          + String.join("; ", weak)
                          + "); scanned with the base's policy instead;"
                          + " to accept the change's policy, rerun with --accept-policy-change"
                          + " (exit 4)"));
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
}
