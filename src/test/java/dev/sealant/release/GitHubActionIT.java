package dev.sealant.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The composite action's shell steps, run from {@code action.yml} as a runner runs them ({@code
 * bash --noprofile --norc -eo pipefail FILE}) with the variables GitHub documents for a workflow
 * run: GITHUB_WORKSPACE, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP and so
 * on. Every {@code ${{ }}} expression the steps use must be given here, so none goes unchecked.
 */
class GitHubActionIT {

  /** A workflow expression, {@code ${{ name }}}. */
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");

  @TempDir Path tmp;
  GitCli g;
  Path workspace;
  Path runnerTemp;
  Map<String, Object> action;
  Map<String, String> runnerEnv = new HashMap<>();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void runner() throws Exception {
    action =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Paths.basedir().resolve("action.yml")));
    g = new GitCli(tmp);
    g.env().remove("SEALANT");
    workspace = g.repo("workspace", false);
    String base = g.ok(workspace, "rev-parse", "HEAD").strip();
    g.ok(workspace, "checkout", "-q", "-b", "feature");
    GitCli.write(workspace, "new.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(workspace, "add", "-A");
    g.ok(workspace, "commit", "-q", "-m", "pr leak");
    String head = g.ok(workspace, "rev-parse", "HEAD").strip();
    Path event = tmp.resolve("event.json");
    Files.writeString(
        event,
        "{\"pull_request\": {\"base\": {\"sha\": \""
            + base
            + "\"}, \"head\": {\"sha\": \""
            + head
            + "\"}}}");
    runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
    runnerEnv.put("CI", "true");
    runnerEnv.put("GITHUB_ACTIONS", "true");
    runnerEnv.put("GITHUB_WORKSPACE", workspace.toString());
    runnerEnv.put("GITHUB_EVENT_NAME", "pull_request");
    runnerEnv.put("GITHUB_EVENT_PATH", event.toString());
    runnerEnv.put("GITHUB_SHA", head);
    runnerEnv.put("GITHUB_REPOSITORY", "acme/app");
    runnerEnv.put("GITHUB_SERVER_URL", "https://github.invalid");
    runnerEnv.put("GITHUB_OUTPUT", Files.createFile(tmp.resolve("output")).toString());
    runnerEnv.put("GITHUB_STEP_SUMMARY", Files.createFile(tmp.resolve("summary.md")).toString());
    runnerEnv.put("RUNNER_TEMP", runnerTemp.toString());
    runnerEnv.put("GITHUB_ACTION_PATH", Paths.basedir().toString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> step(String name) {
    for (Object s : (List<Object>) ((Map<String, Object>) action.get("runs")).get("steps")) {
      Map<String, Object> m = (Map<String, Object>) s;
      if (name.equals(m.get("name"))) {
        return m;
      }
    }
    throw new AssertionError("action.yml has no step '" + name + "'");
  }

  /**
   * Runs one shell step with its env, each expression replaced by {@code values} (all must be
   * known).
   */
  @SuppressWarnings("unchecked")
  private Result run(String name, Map<String, String> values) throws Exception {
    Map<String, Object> step = step(name);
    assertEquals("bash", step.get("shell"), name);
    String script = (String) step.get("run");
    assertFalse(
        EXPRESSION.matcher(script).find(), name + ": expressions belong in env, not in the script");
    Map<String, String> env = new HashMap<>(runnerEnv);
    for (Map.Entry<String, Object> e :
        ((Map<String, Object>) step.getOrDefault("env", Map.of())).entrySet()) {
      Matcher m = EXPRESSION.matcher(String.valueOf(e.getValue()));
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String v = values.get(m.group(1));
        if (v == null) {
          throw new AssertionError(
              name + ": the simulation gives no value for ${{ " + m.group(1) + " }}");
        }
        m.appendReplacement(b, Matcher.quoteReplacement(v));
      }
      m.appendTail(b);
      env.put(e.getKey(), b.toString());
    }
    Path file = Files.writeString(tmp.resolve("step-" + name.replace(' ', '-') + ".sh"), script);
    return g.run(
        workspace, "", env, "bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString());
  }

  private Map<String, String> inputs(String ref, String releaseUrl) {
    Map<String, String> v = new HashMap<>();
    v.put("github.action_ref", ref);
    v.put("github.action_repository", "acme/sealant");
    v.put("inputs.release-url", releaseUrl);
    v.put("inputs.args", "");
    v.put("inputs.sarif-file", "sealant.sarif");
    return v;
  }

  @Test
  void atAReleaseTheTarballIsInstalledWithoutMavenAndTheScanAnnotatesAndSummarises()
      throws Exception {
    Path noMaven = Shell.pathWithout(tmp.resolve("path"), Set.of("mvn", "mvnDebug", "mvnyjp"));
    try {
      runnerEnv.put("PATH", noMaven.toString());
      Map<String, String> in = inputs("v" + Shell.version(), Shell.tarball().toUri().toString());
      Result install = run("Install Sealant", in);
      assertEquals(0, install.code(), install.all());
      assertFalse(install.all().contains("::warning"), install.all());
      assertTrue(Files.isExecutable(runnerTemp.resolve("sealant/bin/sealant")), install.all());

      Result scan = run("Scan", in);
      assertEquals(0, scan.code(), scan.all());
      String output = Files.readString(Path.of(runnerEnv.get("GITHUB_OUTPUT")));
      assertTrue(output.contains("exit-code=1\n") && output.contains("findings=true\n"), output);
      assertTrue(
          scan.out()
              .contains("::error file=new.py,line=1,col=6,title=Sealant%3A github-pat-classic::"),
          scan.out());
      assertTrue(
          scan.out().contains("Secret found: github-pat-classic"), "the job log names the finding");
      String summary = Files.readString(Path.of(runnerEnv.get("GITHUB_STEP_SUMMARY")));
      assertTrue(summary.contains("| github-pat-classic | critical | new.py | 1 |"), summary);
      assertTrue(
          Files.readString(workspace.resolve("sealant.sarif")).contains("\"version\": \"2.1.0\""));
      assertFalse(
          scan.all().contains(GitCli.TOKEN) || summary.contains(GitCli.TOKEN), "a secret leaked");
    } finally {
      Shell.removeLinks(noMaven);
    }
  }

  @Test
  void atABranchOrAnUnreachableReleaseItBuildsFromTheActionsCheckout() throws Exception {
    // The action's checkout, with install.sh replaced by one that records the call (a real build
    // here would be Maven inside Maven).
    Path actionPath = Files.createDirectories(tmp.resolve("action"));
    Files.writeString(
        actionPath.resolve("install.sh"), "#!/bin/sh\necho \"built from source: $*\"\n");
    actionPath.resolve("install.sh").toFile().setExecutable(true);
    runnerEnv.put("GITHUB_ACTION_PATH", actionPath.toString());
    Result branch = run("Install Sealant", inputs("main", ""));
    assertEquals(0, branch.code(), branch.all());
    assertTrue(
        branch.out().contains("built from source: --prefix " + runnerTemp.resolve("sealant")),
        branch.all());
    Result missing =
        run("Install Sealant", inputs("v9.9.9", tmp.resolve("nothing.tar.gz").toUri().toString()));
    assertEquals(0, missing.code(), missing.all());
    assertTrue(
        missing.out().contains("::warning title=Sealant::could not install the release tarball")
            && missing.out().contains("built from source"),
        missing.all());
  }

  @Test
  @SuppressWarnings("unchecked")
  void javaIsPinnedAndNoCacheKeysOnAFileOutsideTheWorkspace() {
    Map<String, Object> java = step("Set up Java 17");
    Map<String, Object> with = (Map<String, Object>) java.get("with");
    assertTrue(
        String.valueOf(with.get("java-version")).matches("17\\.0\\.\\d+"), "java-version: " + with);
    assertFalse(
        with.containsKey("cache") || with.containsKey("cache-dependency-path"),
        "setup-java cache: " + with);
  }
}
