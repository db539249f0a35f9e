package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.detect.Fingerprints;
import dev.sealant.testing.Cli;
import dev.sealant.testing.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sealant explain}: golden traces over a small catalog of its own (so they do not move when
 * the shipped rules do), redaction, and the shipped quiet paths.
 */
class ExplainCommandTest {

  static final String CATALOG =
      """
      rules:
        - id: demo-token
          description: Demo token
          keywords: [demo_]
          regex: '\\b(demo_[a-z0-9]{12})\\b'
          tags: [demo]
          examples:
            match: [{text: 'demo_abcd1234wxyz', secret: demo_abcd1234wxyz}, {text: 'x demo_abcd1234wxyq', secret: demo_abcd1234wxyq}]
            noMatch: ['demo_', 'demo_short']
        - id: demo-password
          description: Demo password assignment
          keywords: [password]
          regex: '(?i)password\\s*[:=]\\s*"?([^\\s"]{6,})'
          tags: [generic]
          allow:
            stopwords: [example]
          entropy: 2.5
          examples:
            match: [{text: 'password = "s3cr3tValue"', secret: s3cr3tValue}, {text: 'password: Zq9xLm2v', secret: Zq9xLm2v}]
            noMatch: ['password = aaaaaaaa', 'password = example1']
      allow:
        paths: ['*.png']
        quietPaths: ['*.min.js']
        stopwords: [changeme]
      """;

  static final String APP_ENV =
      """
      # service settings
      password = "demo_k3v9x2m8q7w1"
      password = "changeme-later"
      password = "aaaaaaaa"
      password = "Hq7!vLx2Rz9w"  # sealant:allow -- fixture
      retries = 3
      """;

  @TempDir Path dir;

  @BeforeEach
  void plant() throws Exception {
    Files.createDirectories(dir.resolve("patterns"));
    Files.writeString(dir.resolve("patterns/demo.yaml"), CATALOG);
    Files.createDirectories(dir.resolve("app/dist"));
    Files.writeString(dir.resolve("app/config.env"), APP_ENV);
    Files.writeString(
        dir.resolve("app/dist/bundle.min.js"),
        "var c={password:\"Hq7vLx2Rz9wP\",t:\"demo_p4w8z1x6c3v9\"};\n");
  }

  Cli.Run explain(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "explain";
    all[1] = "--patterns";
    all[2] = "patterns";
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(dir, all);
  }

  @Test
  void aGenericRuleStepsAsideForASpecificOne() {
    Cli.Run r = explain("app/config.env:2");
    assertEquals(0, r.code(), r.err());
    GoldenFiles.assertMatches("explain/steps-aside.txt", r.out());
  }

  @Test
  void allowlistsEntropyAndInlineAnnotationsAreShownWithTheirVerdicts() {
    StringBuilder all = new StringBuilder();
    for (int line = 3; line <= 6; line++) {
      Cli.Run r = explain("app/config.env:" + line);
      assertEquals(0, r.code(), r.err());
      all.append(r.out());
    }
    GoldenFiles.assertMatches("explain/checks.txt", all.toString());
  }

  @Test
  void aQuietPathRunsOnlyHighConfidenceRules() {
    Cli.Run r = explain("app/dist/bundle.min.js:1");
    GoldenFiles.assertMatches("explain/quiet-path.txt", r.out());
  }

  @Test
  void theIgnoreFileAndBaselineAreConsultedAndAFingerprintFindsItsLines() throws Exception {
    String fp = Fingerprints.of("demo-token", "demo_k3v9x2m8q7w1");
    Files.writeString(dir.resolve(".sealantignore"), fp + " -- fixture for the demo\n");
    Cli.Run r = explain(fp);
    assertEquals(0, r.code(), r.err());
    GoldenFiles.assertMatches("explain/fingerprint.txt", r.out());
  }

  @Test
  void secretsAreRedactedUnlessAskedFor() {
    Cli.Run r = explain("app/config.env:2");
    assertFalse(r.all().contains("k3v9x2m8q7w1"), r.all());
    Cli.Run shown = explain("--show-secrets", "app/config.env:2");
    assertTrue(shown.out().contains("demo_k3v9x2m8q7w1"), shown.out());
  }

  @Test
  void aDecodedValueAndANotebookAreExplainedWithTheShippedCatalog() throws Exception {
    Files.copy(Path.of("src/test/resources/formats/secret.yaml"), dir.resolve("app/secret.yaml"));
    Files.copy(Path.of("src/test/resources/formats/deploy.ipynb"), dir.resolve("app/deploy.ipynb"));
    Cli.Run r = Cli.run(dir, "explain", "app/secret.yaml:9");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("base64 value at column 13 decoded in place"), r.out());
    assertTrue(r.out().contains("verdict: reported"), r.out());
    assertFalse(r.out().contains("Rq7vTz2Lm9Xc"), r.out());
    Cli.Run nb = Cli.run(dir, "explain", "app/deploy.ipynb:18");
    assertTrue(nb.out().contains("finding   private-key-pem at column 18"), nb.out());
    assertTrue(nb.out().contains("notebook: cell sources and outputs decoded"), nb.out());
    assertFalse(nb.out().contains("MIICXAIBAAKBgQDNvopPFcQ3"), nb.out());
  }

  @Test
  void aBadTargetIsAUsageError() {
    assertEquals(2, explain("app/config.env").code());
    assertEquals(2, explain("app/config.env:0").code());
    assertEquals(2, explain("app/config.env:99").code());
  }

  @Test
  void aLineOfManyCandidatesShowsTheFirstStepsAndCountsTheRest() throws Exception {
    Files.writeString(dir.resolve("app/rep.env"), "demo_abcd1234wxyz ".repeat(3000) + "\n");
    Cli.Run r = explain("app/rep.env:1");
    assertEquals(0, r.code(), r.err());
    long lines = r.out().lines().count();
    assertTrue(
        lines < ExplainSteps.MAX_SHOWN + ExplainRender.MAX_FINDINGS * 5 + 10, "lines: " + lines);
    assertTrue(
        r.out().matches("(?s).*\\.\\.\\. \\d+ more steps not shown \\(the first 200 are\\).*"),
        r.out());
    assertTrue(r.out().contains("... 2980 more findings on line 1 not shown"), r.out());
  }

  @Test
  void aSyntaxRuleSaysItsReaderRanAndWhenItReadNothing() throws Exception {
    Files.writeString(
        dir.resolve("app/db.env"),
        "DB_PASSWORD=${VAULT_DB_PASSWORD}\nAPI_TOKEN=Hq7vLx2Rz9wPq4Zt\n");
    Cli.Run quiet = Cli.run(dir, "explain", "app/db.env:1");
    assertEquals(0, quiet.code(), quiet.err());
    assertTrue(
        quiet
            .out()
            .contains(
                "generic-assignment (generic): keyword 'pass' found: the assignment reader runs"),
        quiet.out());
    assertTrue(
        quiet
            .out()
            .contains(
                "generic-assignment (generic) column 1 no literal credential value read on this"
                    + " line"),
        quiet.out());
    Cli.Run read = Cli.run(dir, "explain", "app/db.env:2");
    assertTrue(read.out().contains("the assignment reader read a value"), read.out());
    assertFalse(
        read.out().contains("generic-assignment (generic) column 11 'Hq7v***' regex matched"),
        read.out());
  }

  @Test
  void aMissingLineOrFingerprintFailsBeforePrintingAnything() {
    Cli.Run line = explain("app/config.env:99999");
    assertEquals(2, line.code());
    assertEquals("", line.out());
    assertTrue(
        line.err().contains("app/config.env has 6 lines; there is no line 99999"), line.err());
    Cli.Run fp = explain("0123456789abcdef0123456789abcdef");
    assertEquals(2, fp.code());
    assertEquals("", fp.out());
    assertTrue(
        fp.err().contains("no finding with fingerprint 0123456789abcdef0123456789abcdef"),
        fp.err());
  }

  /** README's example is a real run: the file it explains, planted, gives exactly its output. */
  @Test
  void theReadmeExampleIsARealRun() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String command = "$ sealant explain config/app.env:2     # password = \"ghp_...\"\n";
    int from = readme.indexOf(command);
    assertTrue(from >= 0, "README has no explain example");
    String shown = readme.substring(from + command.length(), readme.indexOf("```", from));
    Files.createDirectories(dir.resolve("readme/config"));
    Files.writeString(
        dir.resolve("readme/config/app.env"),
        "# service settings\npassword = \"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\"\n"); // synthetic, checksummed
    Cli.Run r = Cli.run(dir.resolve("readme"), "explain", "config/app.env:2");
    assertEquals(0, r.code(), r.err());
    assertEquals(r.out(), shown, "README's explain example (regenerate it from this output)");
  }
}
