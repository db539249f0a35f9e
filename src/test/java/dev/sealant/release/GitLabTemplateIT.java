package dev.sealant.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.report.GitLabSchemaReportTest;
import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/examples/gitlab-ci.yml's job, its scripts run line by line as GitLab's shell executor runs
 * them, in a merge-request pipeline's environment, with the release tarball served from a file URL
 * and no Maven on PATH. The report it keeps must pass GitLab's schema.
 */
class GitLabTemplateIT {

  @TempDir Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void theTemplateInstallsThePinnedReleaseAndWritesASecretDetectionReport() throws Exception {
    Map<String, Object> job =
        (Map<String, Object>)
            ((Map<String, Object>)
                    new Load(LoadSettings.builder().build())
                        .loadFromString(
                            Files.readString(
                                Paths.basedir().resolve("docs/examples/gitlab-ci.yml"))))
                .get("sealant");
    Map<String, Object> vars = (Map<String, Object>) job.get("variables");
    assertEquals(
        Shell.version(), vars.get("SEALANT_VERSION"), "the template pins the current release");
    assertTrue(
        String.valueOf(vars.get("SEALANT_RELEASE_URL"))
            .endsWith("/v" + Shell.version() + "/sealant-" + Shell.version() + ".tar.gz"),
        vars.toString());
    Map<String, Object> reports =
        (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
    assertEquals("gl-secret-detection-report.json", reports.get("secret_detection"));

    GitCli g = new GitCli(tmp);
    g.env().remove("SEALANT");
    Path origin = tmp.resolve("origin.git");
    Path seed = g.repo("seed", false);
    g.ok(tmp, "clone", "-q", "--bare", seed.toString(), origin.toString());
    Path project = tmp.resolve("project");
    g.ok(tmp, "clone", "-q", "file://" + origin, project.toString());
    String base = g.ok(project, "rev-parse", "HEAD").strip();
    g.ok(project, "checkout", "-q", "-b", "feature");
    GitCli.write(project, "new.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(project, "add", "-A");
    g.ok(project, "commit", "-q", "-m", "mr leak");
    String head = g.ok(project, "rev-parse", "HEAD").strip();

    Path noMaven = Shell.pathWithout(tmp.resolve("path"), Set.of("mvn", "mvnDebug", "mvnyjp"));
    try {
      Map<String, String> env = new HashMap<>();
      vars.forEach((k, v) -> env.put(k, String.valueOf(v)));
      env.put("SEALANT_RELEASE_URL", Shell.tarball().toUri().toString());
      env.put("PATH", noMaven.toString());
      env.put("GITLAB_CI", "true");
      env.put("CI", "true");
      env.put("CI_PROJECT_DIR", project.toString());
      env.put("CI_PIPELINE_SOURCE", "merge_request_event");
      env.put("CI_DEFAULT_BRANCH", "main");
      env.put("CI_COMMIT_SHA", head);
      env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", base);
      for (Object line : (List<Object>) job.get("before_script")) {
        Result r = g.run(project, "", env, "bash", "-eo", "pipefail", "-c", String.valueOf(line));
        assertEquals(0, r.code(), line + ":\n" + r.all());
      }
      List<Object> script = (List<Object>) job.get("script");
      assertEquals(1, script.size());
      Result scan =
          g.run(project, "", env, "bash", "-eo", "pipefail", "-c", String.valueOf(script.get(0)));
      assertEquals(1, scan.code(), "secrets found fail the job:\n" + scan.all());
      assertTrue(
          scan.out().contains("Secret found: github-pat-classic"), "the job log names the finding");
      String report = Files.readString(project.resolve("gl-secret-detection-report.json"));
      assertEquals(Set.of(), GitLabSchemaReportTest.validate(report), report);
      assertTrue(report.contains("\"file\": \"new.py\"") && report.contains(head), report);
      assertFalse(
          report.contains(GitCli.TOKEN) || scan.all().contains(GitCli.TOKEN), "a secret leaked");
    } finally {
      Shell.removeLinks(noMaven);
    }
  }
}
