package dev.sealant.git;

import static dev.sealant.testing.GitCli.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A blocked push's advice is followed to the letter: the commands it prints are run as printed
 * (only the file edit and the rebase's todo-list edit are done by the test), and the push then goes
 * through.
 */
class HookAdviceIT {

  @TempDir Path tmp;
  GitCli g;
  Path repo;
  Path bare;

  @BeforeEach
  void setUp() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
    bare = tmp.resolve("remote.git");
    g.ok(tmp, "init", "-q", "--bare", bare.toString());
    g.ok(repo, "remote", "add", "origin", bare.toString());
    g.ok(repo, "push", "-q", "origin", "main");
  }

  private void commit(String file, String text, String message) throws Exception {
    GitCli.write(repo, file, text);
    g.ok(repo, "add", file);
    g.ok(repo, "commit", "-q", "-m", message);
  }

  /** The command a line of advice gives after {@code marker}, up to the end or a parenthesis. */
  private static String command(String err, String marker) {
    for (String line : err.split("\n")) {
      int i = line.indexOf(marker);
      if (i >= 0) {
        String rest = line.substring(i + marker.length());
        int paren = rest.indexOf("   (");
        return (paren >= 0 ? rest.substring(0, paren) : rest).strip();
      }
    }
    throw new AssertionError("no advice with '" + marker + "' in:\n" + err);
  }

  private Result sh(String command, Map<String, String> env) {
    return g.run(repo, "", env, "sh", "-c", command);
  }

  @Test
  void aSecretInTheLastCommitIsAmendedOutThenThePushPasses() throws Exception {
    assertEquals(0, g.sealant(repo, "install", "--pre-push").code());
    commit("app.env", "token=" + TOKEN + "\n", "add settings");
    String leak = g.ok(repo, "rev-parse", "HEAD").strip();
    Result blocked = g.git(repo, "push", "origin", "main");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(blocked.err().contains(leak.substring(0, 12)), blocked.err());
    assertFalse(blocked.err().contains("stage again"), blocked.err());
    String amend = command(blocked.err(), "then: ");
    assertEquals("git add app.env && git commit --amend --no-edit", amend);
    GitCli.write(repo, "app.env", "token=${TOKEN_FROM_VAULT}\n");
    Result fixed = sh(amend, Map.of());
    assertEquals(0, fixed.code(), fixed.all());
    Result pushed = g.git(repo, "push", "origin", "main");
    assertEquals(0, pushed.code(), pushed.all());
  }

  @Test
  void aSecretInAnEarlierCommitIsRebasedOutThenThePushPasses() throws Exception {
    assertEquals(0, g.sealant(repo, "install", "--pre-push").code());
    commit("app.env", "token=" + TOKEN + "\n", "add settings");
    String leak = g.ok(repo, "rev-parse", "HEAD").strip();
    commit("notes.txt", "later work\n", "later work");
    Result blocked = g.git(repo, "push", "origin", "main");
    assertNotEquals(0, blocked.code(), blocked.all());
    String rebase = command(blocked.err(), "sealant:     ");
    assertEquals("git rebase -i " + leak.substring(0, 12) + "^", rebase);
    // The one edit a person makes in the todo list: 'pick' becomes 'edit' on the named commit.
    Result stopped = sh(rebase, Map.of("GIT_SEQUENCE_EDITOR", "sed -i '1s/^pick/edit/'"));
    assertEquals(0, stopped.code(), stopped.all());
    GitCli.write(repo, "app.env", "token=${TOKEN_FROM_VAULT}\n");
    Result fixed = sh(command(blocked.err(), "then: "), Map.of("GIT_EDITOR", "true"));
    assertEquals(0, fixed.code(), fixed.all());
    assertEquals("later work", g.ok(repo, "log", "-1", "--format=%s").strip());
    Result pushed = g.git(repo, "push", "origin", "main");
    assertEquals(0, pushed.code(), pushed.all());
  }

  @Test
  void aRejectedPushSaysWhereTheServersPolicyLivesAndHowToRewrite() throws Exception {
    assertEquals(0, g.sealant(bare, "install").code());
    commit("app.env", "token=" + TOKEN + "\n", "add settings");
    Result rejected = g.git(repo, "push", "origin", "main");
    assertNotEquals(0, rejected.code(), rejected.all());
    assertTrue(rejected.err().contains("PUSH REJECTED"), rejected.err());
    assertFalse(rejected.err().contains("sealant ignore"), rejected.err());
    assertTrue(rejected.err().contains("this server's policy is"), rejected.err());
    GitCli.write(repo, "app.env", "token=${TOKEN_FROM_VAULT}\n");
    Result fixed = sh(command(rejected.err(), "then: "), Map.of());
    assertEquals(0, fixed.code(), fixed.all());
    Result pushed = g.git(repo, "push", "origin", "main");
    assertEquals(0, pushed.code(), pushed.all());
  }
}
