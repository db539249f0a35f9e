package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    Files.writeString(
        event,
        "{\"pull_request\": {\"base\": {\"sha\": \""
            + base
            + "\"}, \"head\": {\"sha\": \""
            + head
            + "\"}}}");
    GitCli.Result r =
        ci(
            Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_EVENT_NAME",
                "pull_request",
                "GITHUB_EVENT_PATH",
                event.toString()),
            "--sarif",
            "out.sarif");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("new.py") && !r.out().contains("old.py"), r.out());
    assertTrue(r.err().contains("scanning 1 commit"), r.err());
    String sarif = Files.readString(repo.resolve("out.sarif"));
    assertTrue(sarif.contains("\"version\": \"2.1.0\"") && sarif.contains("new.py"), sarif);
    assertFalse(sarif.contains(GitCli.TOKEN), "SARIF leaked the secret");
  }

  @Test
  void gitlabMergeRequestUsesTheDiffBase() {
    GitCli.Result r =
        ci(
            Map.of(
                "GITLAB_CI",
                "true",
                "CI_MERGE_REQUEST_DIFF_BASE_SHA",
                base,
                "CI_COMMIT_SHA",
                head));
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
    g.ok(
        tmp,
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "feature",
        "file://" + repo,
        clone.toString());
    GitCli.Result r = g.run(clone, "", Map.of(), g.env().get("SEALANT"), "ci", "--base", base);
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("fetch-depth: 0") && r.err().contains(base), r.err());
  }

  @Test
  void shallowCloneWhoseRangeCrossesTheBoundaryIsRefused() throws Exception {
    Path clone = tmp.resolve("clone2");
    g.ok(
        tmp,
        "clone",
        "-q",
        "--depth",
        "1",
        "--no-single-branch",
        "file://" + repo,
        clone.toString());
    GitCli.Result r =
        g.run(
            clone,
            "",
            Map.of(),
            g.env().get("SEALANT"),
            "ci",
            "--base",
            "origin/main",
            "--head",
            "origin/feature");
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("shallow"), r.err());
  }

  @Test
  void inGitHubActionsEachFindingIsAnAnnotationAndTheSummaryGetsATable() throws Exception {
    Path summary = tmp.resolve("summary.md");
    Files.writeString(summary, "earlier step\n");
    GitCli.write(repo, "dir,with:odd%name|x.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "odd name");
    GitCli.Result r =
        ci(
            Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
            "--base",
            base);
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    List<String> annotations = r.out().lines().filter(l -> l.startsWith("::error ")).toList();
    assertEquals(2, annotations.size(), r.out());
    assertTrue(
        annotations.stream()
            .anyMatch(
                a ->
                    a.startsWith(
                        "::error file=new.py,line=1,col=6,"
                            + "title=Sealant%3A github-pat-classic::")),
        r.out());
    assertTrue(
        annotations.stream()
            .anyMatch(a -> a.startsWith("::error file=dir%2Cwith%3Aodd%25name|x.py,line=1,")),
        r.out());
    String md = Files.readString(summary);
    assertTrue(md.startsWith("earlier step\n### Sealant: 2 secrets found"), md);
    assertTrue(md.contains("| github-pat-classic | critical | new.py | 1 | "), md);
    assertTrue(md.contains("dir,with:odd%name\\|x.py"), md);
    assertFalse(r.all().contains(GitCli.TOKEN) || md.contains(GitCli.TOKEN), "a secret leaked");
  }

  @Test
  void aJsonReportOnStandardOutputStaysParseableInGitHubActions() {
    GitCli.Result r = ci(Map.of("GITHUB_ACTIONS", "true"), "--base", base, "-f", "json");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().startsWith("[") && !r.out().contains("::error"), r.out());
    assertTrue(r.err().contains("::error file=new.py,line=1,"), r.err());
  }

  @Test
  void outsideGitHubActionsNoAnnotationsAreWritten() {
    GitCli.Result r = ci(Map.of(), "--base", base);
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertFalse(r.out().contains("::error"), r.out());
  }
}
