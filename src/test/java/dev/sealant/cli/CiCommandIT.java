package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sealant ci} against real repositories and simulated CI environments. */
class CiCommandIT {

  static final String OLD = "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";

  @TempDir Path tmp;
  GitCli g;
  Path repo;
  String base;
  String head;

  @BeforeEach
  void repoWithAnOldLeakAndAPullRequestLeak() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("r", false);
    GitCli.write(repo, "old.py", "t = '" + OLD + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "old leak on main");
    base = g.ok(repo, "rev-parse", "HEAD").strip();
    g.ok(repo, "checkout", "-q", "-b", "feature");
    GitCli.write(repo, "new.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "pr leak");
    head = g.ok(repo, "rev-parse", "HEAD").strip();
  }

  GitCli.Result ci(Map<String, String> env, String... args) {
    String[] cmd = new String[args.length + 2];
    cmd[0] = g.env().get("SEALANT");
    cmd[1] = "ci";
    System.arraycopy(args, 0, cmd, 2, args.length);
    return g.run(repo, "", env, cmd);
  }

  @Test
  void githubPullRequestScansOnlyThePullRequestsCommits() throws Exception {
    Path event = tmp.resolve("event.json");
    Files.writeString(event, "{\"pull_request\": {\"base\": {\"sha\": \"" + base + "\"}, \"head\": {\"sha\": \""
        + head + "\"}}}");
    GitCli.Result r = ci(Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "pull_request",
        "GITHUB_EVENT_PATH", event.toString()), "--sarif", "out.sarif");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("new.py") && !r.out().contains("old.py"), r.out());
    assertTrue(r.err().contains("scanning 1 commit"), r.err());
    String sarif = Files.readString(repo.resolve("out.sarif"));
    assertTrue(sarif.contains("\"version\": \"2.1.0\"") && sarif.contains("new.py"), sarif);
    assertFalse(sarif.contains(GitCli.TOKEN), "SARIF leaked the secret");
  }

  @Test
  void gitlabMergeRequestUsesTheDiffBase() {
    GitCli.Result r = ci(Map.of("GITLAB_CI", "true", "CI_MERGE_REQUEST_DIFF_BASE_SHA", base, "CI_COMMIT_SHA", head));
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("new.py") && !r.out().contains("old.py"), r.out());
  }

  @Test
  void explicitBaseWorksAnywhereAndAnEmptyRangeIsSaid() {
    GitCli.Result r = ci(Map.of(), "--base", "main");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    GitCli.Result empty = ci(Map.of(), "--base", "HEAD");
    assertEquals(ExitCodes.CLEAN, empty.code(), empty.all());
    assertTrue(empty.out().contains("adds no commits: nothing was scanned"), empty.out());
  }

  @Test
  void noCiAndNoBaseIsAUsageError() {
    GitCli.Result r = ci(Map.of());
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("--base"), r.err());
  }

  @Test
  void shallowCloneMissingTheBaseIsRefusedWithTheRemedy() throws Exception {
    Path clone = tmp.resolve("clone");
    g.ok(tmp, "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + repo, clone.toString());
    GitCli.Result r = g.run(clone, "", Map.of(), g.env().get("SEALANT"), "ci", "--base", base);
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("fetch-depth: 0") && r.err().contains(base), r.err());
  }

  @Test
  void shallowCloneWhoseRangeCrossesTheBoundaryIsRefused() throws Exception {
    Path clone = tmp.resolve("clone2");
    g.ok(tmp, "clone", "-q", "--depth", "1", "--no-single-branch", "file://" + repo, clone.toString());
    GitCli.Result r = g.run(clone, "", Map.of(), g.env().get("SEALANT"), "ci", "--base", "origin/main",
        "--head", "origin/feature");
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("shallow"), r.err());
  }
}
