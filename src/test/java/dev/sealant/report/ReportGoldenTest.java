package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GoldenFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every format, every scenario, against {@code golden/<format>/<scenario>.<ext>}. */
class ReportGoldenTest {

  /**
   * The reporter under test; SARIF's and GitLab's tool version is pinned so goldens survive
   * releases, and GitLab's scan end time (its one clock reading) is fixed.
   */
  static Reporter reporter(Format f) {
    return f == Format.SARIF
        ? new SarifReporter("0.0.0-test")
        : f == Format.GITLAB
            ? new GitLabReporter("0.0.0-test", () -> Instant.parse("2026-01-02T03:04:05Z"))
            : f.reporter();
  }

  static Map<String, ReportFixtures.Scenario> scenarios() {
    return new TreeMap<>(ReportFixtures.scenarios());
  }

  @TestFactory
  List<DynamicTest> everyFormatMatchesItsGoldenFiles() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Format f : Format.values()) {
      for (Map.Entry<String, ReportFixtures.Scenario> e : scenarios().entrySet()) {
        String file = f + "/" + e.getKey() + "." + f.extension();
        tests.add(
            DynamicTest.dynamicTest(
                file,
                () ->
                    GoldenFiles.assertMatches(
                        file, reporter(f).render(e.getValue().result(), e.getValue().options()))));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> renderingIsDeterministic() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Format f : Format.values()) {
      tests.add(
          DynamicTest.dynamicTest(
              f.toString(),
              () -> {
                for (ReportFixtures.Scenario s : scenarios().values()) {
                  assertEquals(
                      reporter(f).render(s.result(), s.options()),
                      reporter(f).render(s.result(), s.options()));
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> noFormatLeaksASecretByDefault() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Format f : Format.values()) {
      tests.add(
          DynamicTest.dynamicTest(
              f.toString(),
              () -> {
                for (Map.Entry<String, ReportFixtures.Scenario> e : scenarios().entrySet()) {
                  ReportOptions o = e.getValue().options();
                  ReportOptions all = new ReportOptions(false, true, o.color(), o.verbose());
                  String out = reporter(f).render(e.getValue().result(), all);
                  for (String secret : ReportFixtures.RAW_SECRETS) {
                    assertFalse(out.contains(secret), f + "/" + e.getKey() + " leaked a secret");
                  }
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> showSecretsPrintsThemInEveryFormat() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Format f : Format.values()) {
      tests.add(
          DynamicTest.dynamicTest(
              f.toString(),
              () -> {
                String out =
                    reporter(f)
                        .render(
                            ReportFixtures.history(), new ReportOptions(true, false, false, false));
                assertTrue(
                    out.contains(ReportFixtures.GITHUB_PAT), f + " with --show-secrets:\n" + out);
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> suppressedFindingsAreHiddenUnlessAskedFor() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Format f : Format.values()) {
      tests.add(
          DynamicTest.dynamicTest(
              f.toString(),
              () -> {
                String out =
                    reporter(f).render(ReportFixtures.suppressed(), ReportOptions.defaults());
                assertFalse(out.contains("tests/fixtures/login.py"), f + ":\n" + out);
                assertTrue(out.contains("app/settings.py"), f + ":\n" + out);
              }));
    }
    return tests;
  }
}
