package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The shipped CI integrations parse and keep their promises (inputs, install, shallow clones). */
class CiFilesTest {

  static Map<?, ?> yaml(String file) throws Exception {
    Path p = Paths.basedir().resolve(file);
    return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(p));
  }

  @Test
  void actionHasTheDocumentedInputsAndRunsSealantCi() throws Exception {
    Map<?, ?> action = yaml("action.yml");
    Map<?, ?> inputs = (Map<?, ?>) action.get("inputs");
    assertTrue(
        inputs.keySet().containsAll(List.of("args", "sarif-file", "fail-on-findings", "upload")));
    Map<?, ?> runs = (Map<?, ?>) action.get("runs");
    assertEquals("composite", runs.get("using"));
    String all = Files.readString(Paths.basedir().resolve("action.yml"));
    assertTrue(
        all.contains("dest=\"$RUNNER_TEMP/sealant\"")
            && all.contains("\"$GITHUB_ACTION_PATH/install.sh\" --prefix \"$dest\""),
        "builds from this repository");
    assertTrue(
        all.contains("install.sh\" --prefix \"$dest\"; then"), "or installs the release tarball");
    assertTrue(
        all.contains("ci --sarif \"$SEALANT_SARIF\""),
        "runs sealant ci with SARIF, the text report in the log");
    assertTrue(all.contains("github/codeql-action/upload-sarif@"), "uploads SARIF");
    assertTrue(
        all.contains("distribution: temurin") && all.contains("java-version: '17.0."),
        "a pinned Java 17");
    for (Object step : (List<?>) runs.get("steps")) {
      Object run = ((Map<?, ?>) step).get("run");
      assertTrue(
          run == null || !run.toString().contains("${{"),
          "inputs reach scripts through the environment, never pasted into them: " + run);
    }
  }

  @Test
  void examplesFetchFullHistory() throws Exception {
    Map<?, ?> gh = yaml("docs/examples/github-workflow.yml");
    assertTrue(gh.containsKey("jobs"));
    assertTrue(
        Files.readString(Paths.basedir().resolve("docs/examples/github-workflow.yml"))
            .contains("fetch-depth: 0"));
    Map<?, ?> gl = yaml("docs/examples/gitlab-ci.yml");
    Map<?, ?> job = (Map<?, ?>) gl.get("sealant");
    assertEquals("0", ((Map<?, ?>) job.get("variables")).get("GIT_DEPTH"));
    assertTrue(((Map<?, ?>) job.get("artifacts")).containsKey("reports"));
  }
}
