package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.GitCli;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell recipes in docs/CI.md, run as written (each block marked {@code <!-- recipe: NAME
 * -->}).
 */
class CiRecipesIT {

  @TempDir Path tmp;

  static String recipe(String name) throws Exception {
    String doc = Files.readString(Paths.basedir().resolve("docs/CI.md"));
    String marker = "<!-- recipe: " + name + " -->\n```sh\n";
    int at = doc.indexOf(marker);
    if (at < 0) {
      throw new AssertionError("docs/CI.md has no recipe '" + name + "'");
    }
    int from = at + marker.length();
    return doc.substring(from, doc.indexOf("```", from));
  }

  @Test
  void theLargeRepositoryRecipeWorksAfterTheBaseBranchHasMoved() throws Exception {
    GitCli g = new GitCli(tmp);
    Path dev = g.repo("dev", false);
    g.ok(dev, "checkout", "-q", "-b", "feature");
    GitCli.write(dev, "new.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(dev, "add", "-A");
    g.ok(dev, "commit", "-q", "-m", "pr leak");
    String head = g.ok(dev, "rev-parse", "HEAD").strip();
    g.ok(dev, "checkout", "-q", "main");
    // The base branch moves on by more than the recipe's first fetch depth.
    for (int i = 0; i < 60; i++) {
      g.ok(dev, "commit", "-q", "--allow-empty", "-m", "main moves " + i);
    }
    String base = g.ok(dev, "rev-parse", "HEAD").strip();
    Path origin = tmp.resolve("origin.git");
    g.ok(tmp, "clone", "-q", "--bare", "--no-local", dev.toString(), origin.toString());
    // GitHub serves any reachable commit by id; so does this server.
    g.ok(origin, "config", "uploadpack.allowReachableSHA1InWant", "true");
    // actions/checkout of a pull request: one commit deep.
    Path work = tmp.resolve("work");
    g.ok(
        tmp,
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "feature",
        "file://" + origin,
        work.toString());

    GitCli.Result fetched =
        g.run(
            work,
            "",
            Map.of("BASE_SHA", base, "HEAD_SHA", head),
            "bash",
            "-eo",
            "pipefail",
            "-c",
            recipe("github-large-repository"));
    assertEquals(0, fetched.code(), fetched.all());

    Path event = tmp.resolve("event.json");
    Files.writeString(
        event,
        "{\"pull_request\": {\"base\": {\"sha\": \""
            + base
            + "\"}, \"head\": {\"sha\": \""
            + head
            + "\"}}}");
    GitCli.Result ci =
        g.run(
            work,
            "",
            Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_EVENT_NAME",
                "pull_request",
                "GITHUB_EVENT_PATH",
                event.toString()),
            g.env().get("SEALANT"),
            "ci");
    assertEquals(ExitCodes.FINDINGS, ci.code(), ci.all());
    assertTrue(ci.err().contains("scanning 1 commit"), ci.err());
  }
}
