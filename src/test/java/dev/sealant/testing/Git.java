package dev.sealant.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} binary in isolation: its own HOME, no system or user configuration
 * other than a temporary global file, fixed identity and dates.
 */
public final class Git {

  private final Path home;

  public Git(Path home) throws IOException {
    this.home = Files.createDirectories(home);
    Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Test User\n\temail = test@example.com\n"
        + "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n");
  }

  /** What a git command printed and returned. */
  public record Result(int code, String out) {}

  public Result run(Path dir, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
    env.put("GIT_AUTHOR_DATE", "2026-01-02T03:04:05Z");
    env.put("GIT_COMMITTER_DATE", "2026-01-02T03:04:05Z");
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
    env.putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("git " + String.join(" ", args) + " timed out");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  public Result run(Path dir, String... args) throws IOException, InterruptedException {
    return run(dir, Map.of(), args);
  }

  /** Runs git and fails the test unless it exits 0. */
  public String ok(Path dir, String... args) throws IOException, InterruptedException {
    Result r = run(dir, args);
    if (r.code() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.out());
    }
    return r.out();
  }
}
