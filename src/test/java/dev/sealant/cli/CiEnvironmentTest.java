package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.cli.CiEnvironment.Range;
import dev.sealant.error.UsageException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Simulated CI environments and event payloads; no git, no files. */
class CiEnvironmentTest {

  static final String BASE = "1111111111111111111111111111111111111111";
  static final String HEAD = "2222222222222222222222222222222222222222";
  static final String MERGE = "3333333333333333333333333333333333333333";
  static final String ZERO = "0000000000000000000000000000000000000000";
  static final String EVENT_PATH = "/home/runner/work/_temp/_github_workflow/event.json";

  static Range detect(Map<String, String> env, String payload) {
    return CiEnvironment.detect(
        env,
        path -> {
          if (!path.equals(EVENT_PATH)) {
            throw new NoSuchFileException(path);
          }
          return payload;
        },
        Optional.empty(),
        Optional.empty());
  }

  static Map<String, String> github(String event, String... more) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_EVENT_NAME",
                event,
                "GITHUB_EVENT_PATH",
                EVENT_PATH,
                "GITHUB_SHA",
                MERGE));
    for (int i = 0; i + 1 < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  static void assertRange(Optional<String> base, String head, Range r) {
    assertEquals(base, r.base(), r.source());
    assertEquals(head, r.head(), r.source());
  }

  @Test
  void explicitBaseWinsOverTheEnvironment() {
    Range r =
        CiEnvironment.detect(
            github("push"), p -> "{}", Optional.of("origin/main"), Optional.empty());
    assertRange(Optional.of("origin/main"), "HEAD", r);
    assertEquals("--base origin/main --head HEAD", r.source());
    assertRange(
        Optional.of(BASE),
        HEAD,
        CiEnvironment.detect(Map.of(), p -> "", Optional.of(BASE), Optional.of(HEAD)));
  }

  @Test
  void headWithoutBaseIsAUsageError() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> CiEnvironment.detect(Map.of(), p -> "", Optional.empty(), Optional.of(HEAD)));
    assertTrue(e.getMessage().contains("--head needs --base"), e.getMessage());
  }

  @Test
  void revisionsThatLookLikeOptionsAreRejected() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                CiEnvironment.detect(
                    Map.of(), p -> "", Optional.of("--output=/tmp/x"), Optional.empty()));
    assertTrue(e.getMessage().contains("not a git revision"), e.getMessage());
    assertThrows(
        UsageException.class,
        () -> detect(github("push"), "{\"before\": \"" + BASE + "\", \"after\": \"-x\"}"));
  }

  @Test
  void pullRequestScansItsOwnCommits() {
    String payload =
        "{\"pull_request\": {\"base\": {\"sha\": \""
            + BASE
            + "\", \"ref\": \"main\"},"
            + " \"head\": {\"sha\": \""
            + HEAD
            + "\"}}}";
    assertRange(Optional.of(BASE), HEAD, detect(github("pull_request"), payload));
    assertRange(Optional.of(BASE), HEAD, detect(github("pull_request_target"), payload));
  }

  @Test
  void pullRequestWithoutPayloadFallsBackToBaseRef() {
    Map<String, String> env = github("pull_request", "GITHUB_BASE_REF", "main");
    env.remove("GITHUB_EVENT_PATH");
    assertRange(Optional.of("origin/main"), MERGE, detect(env, ""));
  }

  @Test
  void pushScansBeforeToAfter() {
    String payload =
        "{\"ref\": \"refs/heads/feature\", \"before\": \""
            + BASE
            + "\", \"after\": \""
            + HEAD
            + "\", \"repository\": {\"default_branch\": \"main\"}}";
    Range r = detect(github("push"), payload);
    assertRange(Optional.of(BASE), HEAD, r);
    assertEquals("GitHub push: before..after", r.source());
  }

  @Test
  void pushOfANewBranchScansCommitsNotOnTheDefaultBranch() {
    String payload =
        "{\"ref\": \"refs/heads/feature\", \"before\": \""
            + ZERO
            + "\", \"after\": \""
            + HEAD
            + "\", \"created\": true, \"repository\": {\"default_branch\": \"trunk\"}}";
    Range r = detect(github("push"), payload);
    assertRange(Optional.of("origin/trunk"), HEAD, r);
    assertTrue(r.source().contains("new branch"), r.source());
  }

  @Test
  void firstPushOfTheDefaultBranchScansFullHistory() {
    String payload =
        "{\"ref\": \"refs/heads/main\", \"before\": \""
            + ZERO
            + "\", \"after\": \""
            + HEAD
            + "\", \"repository\": {\"default_branch\": \"main\"}}";
    assertRange(Optional.empty(), HEAD, detect(github("push"), payload));
  }

  @Test
  void pushThatDeletesABranchIsAUsageError() {
    String payload =
        "{\"ref\": \"refs/heads/old\", \"before\": \""
            + BASE
            + "\", \"after\": \""
            + ZERO
            + "\", \"deleted\": true}";
    UsageException e = assertThrows(UsageException.class, () -> detect(github("push"), payload));
    assertTrue(e.getMessage().contains("deleted a branch"), e.getMessage());
  }

  @Test
  void mergeQueueScansTheGroup() {
    String payload =
        "{\"merge_group\": {\"base_sha\": \"" + BASE + "\", \"head_sha\": \"" + HEAD + "\"}}";
    assertRange(Optional.of(BASE), HEAD, detect(github("merge_group"), payload));
  }

  @Test
  void otherGitHubEventsScanFullHistory() {
    Range r = detect(github("schedule"), "{}");
    assertRange(Optional.empty(), MERGE, r);
    assertTrue(r.source().contains("schedule"), r.source());
  }

  @Test
  void unreadableOrBrokenPayloadIsAUsageErrorNamingTheFile() {
    Map<String, String> env = github("push", "GITHUB_EVENT_PATH", "/nope/event.json");
    UsageException e = assertThrows(UsageException.class, () -> detect(env, "{}"));
    assertTrue(
        e.getMessage().contains("/nope/event.json") && e.getMessage().contains("--base"),
        e.getMessage());
    e = assertThrows(UsageException.class, () -> detect(github("push"), "{\"before\": "));
    assertTrue(
        e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 1"),
        e.getMessage());
    e = assertThrows(UsageException.class, () -> detect(github("push"), "[]"));
    assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
  }

  static Map<String, String> gitlab(String... vars) {
    Map<String, String> env =
        new HashMap<>(
            Map.of("GITLAB_CI", "true", "CI_COMMIT_SHA", HEAD, "CI_DEFAULT_BRANCH", "main"));
    for (int i = 0; i + 1 < vars.length; i += 2) {
      env.put(vars[i], vars[i + 1]);
    }
    return env;
  }

  @Test
  void gitlabMergeRequestScansFromTheMergeBase() {
    Range r =
        detect(
            gitlab(
                "CI_MERGE_REQUEST_DIFF_BASE_SHA",
                BASE,
                "CI_COMMIT_BEFORE_SHA",
                ZERO,
                "CI_PIPELINE_SOURCE",
                "merge_request_event"),
            "");
    assertRange(Optional.of(BASE), HEAD, r);
  }

  @Test
  void gitlabPushScansBeforeToCommit() {
    assertRange(
        Optional.of(BASE),
        HEAD,
        detect(gitlab("CI_COMMIT_BRANCH", "feature", "CI_COMMIT_BEFORE_SHA", BASE), ""));
  }

  @Test
  void gitlabNewBranchScansCommitsNotOnTheDefaultBranch() {
    assertRange(
        Optional.of("origin/main"),
        HEAD,
        detect(gitlab("CI_COMMIT_BRANCH", "feature", "CI_COMMIT_BEFORE_SHA", ZERO), ""));
  }

  @Test
  void gitlabTagAndDefaultBranchWithoutBeforeScanFullHistory() {
    assertRange(
        Optional.empty(),
        HEAD,
        detect(gitlab("CI_COMMIT_TAG", "v1.0.0", "CI_COMMIT_BEFORE_SHA", ZERO), ""));
    assertRange(
        Optional.empty(),
        HEAD,
        detect(gitlab("CI_COMMIT_BRANCH", "main", "CI_COMMIT_BEFORE_SHA", ZERO), ""));
  }

  @Test
  void gitlabWithoutCommitShaIsAUsageError() {
    Map<String, String> env = gitlab();
    env.remove("CI_COMMIT_SHA");
    UsageException e = assertThrows(UsageException.class, () -> detect(env, ""));
    assertTrue(
        e.getMessage().contains("CI_COMMIT_SHA") && e.getMessage().contains("--base"),
        e.getMessage());
  }

  @Test
  void outsideCiWithoutBaseIsAUsageErrorWithGuidance() {
    UsageException e = assertThrows(UsageException.class, () -> detect(Map.of("CI", "true"), ""));
    assertEquals(2, e.exitCode());
    assertTrue(
        e.getMessage().contains("GITHUB_ACTIONS")
            && e.getMessage().contains("sealant ci --base REV"),
        e.getMessage());
  }

  @Test
  void payloadReaderErrorsCarryTheirCause() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                CiEnvironment.detect(
                    github("push"),
                    p -> {
                      throw new IOException("permission denied");
                    },
                    Optional.empty(),
                    Optional.empty()));
    assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
  }
}
