package dev.sealant.report;

import com.google.re2j.Pattern;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.LazyPattern;
import dev.sealant.catalog.Origin;
import dev.sealant.catalog.Rule;
import dev.sealant.catalog.RuleAllow;
import dev.sealant.detect.Fingerprints;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Severity;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Suppression;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built scan results for the report tests: fixed stats, fixed commits, synthetic secrets only
 * (made for this project; none was ever a live credential).
 */
final class ReportFixtures {

  /** A synthetic GitHub classic PAT with a valid checksum. */
  static final String GITHUB_PAT = "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";

  /** A made-up AWS-style access key id (AWS's documentation prefix shape, random tail). */
  static final String AWS_KEY = "AKIAQX7SEALANTTEST42";

  /** A made-up password. */
  static final String PASSWORD = "s3aLant-Fixture!pw";

  /** A synthetic PEM block: the body is base64 of a sentence, not a key. */
  static final String PEM =
      "-----BEGIN OPENSSH PRIVATE KEY-----\n"
          + "c2VhbGFudCB0ZXN0IGZpeHR1cmUsIG5vdCBhIHJlYWwga2V5LCBqdXN0IGJ5dGVzIGZvciByZXBvcnRz\n"
          + "-----END OPENSSH PRIVATE KEY-----";

  static final List<String> RAW_SECRETS =
      List.of(
          GITHUB_PAT,
          AWS_KEY,
          PASSWORD,
          PEM,
          "c2VhbGFudCB0ZXN0IGZpeHR1cmUsIG5vdCBhIHJlYWwga2V5LCBqdXN0IGJ5dGVzIGZvciByZXBvcnRz");

  static final Rule GITHUB =
      rule(
          "github-pat-classic",
          "GitHub personal access token (classic)",
          Severity.CRITICAL,
          List.of("vcs", "github"),
          Optional.of("github-checksum"));
  static final Rule AWS =
      rule(
          "aws-access-key-id",
          "AWS access key ID",
          Severity.HIGH,
          List.of("cloud", "aws"),
          Optional.empty());
  static final Rule KEY =
      rule(
          "private-key-openssh",
          "OpenSSH private key",
          Severity.HIGH,
          List.of("key"),
          Optional.empty());
  static final Rule GENERIC =
      rule(
          "generic-password",
          "Password in an assignment",
          Severity.MEDIUM,
          List.of("generic"),
          Optional.empty());
  static final Rule LOW =
      rule(
          "internal-hostname-token",
          "Internal test token",
          Severity.LOW,
          List.of(),
          Optional.empty());

  static final CommitInfo NEWER =
      new CommitInfo(
          "9f2c4e1a7b3d5f60718293a4b5c6d7e8f9012345",
          "Dana O'Neil <&> \u0007",
          "dana@example.com",
          Instant.parse("2026-03-04T05:06:07Z"));
  static final CommitInfo OLDER =
      new CommitInfo(
          "1a2b3c4d5e6f708192a3b4c5d6e7f80912345678",
          "Lee Chen",
          "lee@example.org",
          Instant.parse("2025-12-31T23:59:59Z"));

  private ReportFixtures() {}

  static Rule rule(
      String id,
      String description,
      Severity severity,
      List<String> tags,
      Optional<String> validate) {
    return new Rule(
        id,
        description,
        List.of("x"),
        "x",
        LazyPattern.of(Pattern.compile("x")),
        0,
        0.0,
        Optional.empty(),
        RuleAllow.NONE,
        severity,
        tags,
        false,
        validate,
        false,
        new Examples(List.of(), List.of()),
        new Origin("fixtures.yaml", 1),
        Optional.empty());
  }

  static Finding finding(
      Rule r, String path, int line, int column, String secret, Optional<CommitInfo> commit) {
    Optional<Boolean> validated = r.validate().isPresent() ? Optional.of(true) : Optional.empty();
    return new Finding(
        r.ref(),
        path,
        line,
        column,
        secret,
        4.25,
        Fingerprints.of(r.id(), secret),
        commit,
        validated,
        Optional.empty(),
        Optional.empty());
  }

  static Stats stats(long files, long commits, long millis) {
    return new Stats(files, commits, 123_456L, Duration.ofMillis(millis));
  }

  /** No findings at all. */
  static ScanResult empty() {
    return new ScanResult(List.of(), List.of(), List.of(), List.of(), stats(12, 0, 250));
  }

  /** Files on disk: a path with a space and unicode, a multi-line PEM, hostile CSV/XML text. */
  static ScanResult files() {
    Finding pat =
        finding(GITHUB, "config/dév settings/ключ.env", 3, 14, GITHUB_PAT, Optional.empty());
    Finding pem = finding(KEY, "deploy/id_ed25519", 1, 1, PEM, Optional.empty());
    Finding odd = finding(GENERIC, "=1+2 \"odd\", name.ini", 7, 10, PASSWORD, Optional.empty());
    Finding encoded =
        new Finding(
            AWS.ref(),
            "src/app/Main.java",
            42,
            21,
            AWS_KEY,
            3.9,
            Fingerprints.of(AWS.id(), AWS_KEY),
            Optional.empty(),
            Optional.empty(),
            Optional.of("base64"),
            Optional.empty());
    return new ScanResult(
        List.of(pat, pem, odd, encoded),
        List.of(),
        List.of(Skipped.of("assets/logo.png", "binary")),
        List.of(),
        stats(5, 0, 1_234));
  }

  /** A history scan: findings grouped under two commits, newest first, and a coverage warning. */
  static ScanResult history() {
    Optional<CommitInfo> n = Optional.of(NEWER);
    Optional<CommitInfo> o = Optional.of(OLDER);
    List<Finding> found =
        List.of(
            finding(AWS, "infra/main.tf", 8, 16, AWS_KEY, n),
            finding(GITHUB, "scripts/release.sh", 2, 14, GITHUB_PAT, n),
            finding(GITHUB, "scripts/release.sh", 9, 7, GITHUB_PAT, n),
            finding(LOW, "README.md", 30, 5, "tok_internal_0000", o));
    return new ScanResult(
        found,
        List.of(),
        List.of(),
        List.of("history is shallow (grafted at 1a2b3c4d5e6f): older commits were not scanned"),
        stats(41, 17, 2_500));
  }

  /** Suppressed findings of every kind (reported only with --include-suppressed). */
  static ScanResult suppressed() {
    Optional<CommitInfo> n = Optional.of(NEWER);
    Finding real = finding(GITHUB, "app/settings.py", 4, 9, GITHUB_PAT, n);
    Finding inline =
        finding(GENERIC, "tests/fixtures/login.py", 12, 14, PASSWORD, n)
            .withSuppression(new Suppression(Suppression.Kind.INLINE, Optional.of("test fixture")));
    Finding ignored =
        finding(AWS, "docs/setup.md", 20, 3, AWS_KEY, n)
            .withSuppression(
                new Suppression(
                    Suppression.Kind.IGNORE_FILE, Optional.of("documented example, rotated")));
    Finding baseline =
        finding(KEY, "legacy/key.pem", 1, 1, PEM, n)
            .withSuppression(new Suppression(Suppression.Kind.BASELINE, Optional.empty()));
    return new ScanResult(
        List.of(real), List.of(inline, ignored, baseline), List.of(), List.of(), stats(9, 3, 640));
  }

  /** The scenarios, by golden-file name, each with the options it is rendered with. */
  static Map<String, Scenario> scenarios() {
    ReportOptions plain = ReportOptions.defaults();
    ReportOptions withSuppressed = new ReportOptions(false, true, false, true);
    return Map.of(
        "empty", new Scenario(empty(), plain),
        "files", new Scenario(files(), new ReportOptions(false, false, false, true)),
        "history", new Scenario(history(), plain),
        "suppressed", new Scenario(suppressed(), withSuppressed));
  }

  /** A scan result and the options to render it with. */
  record Scenario(ScanResult result, ReportOptions options) {}
}
