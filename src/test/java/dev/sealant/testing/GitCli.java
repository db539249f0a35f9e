package dev.sealant.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} binary with an isolated environment: its own HOME, no system config, a
 * global config in a temp file, fixed identities and dates. {@code SEALANT} points at a launcher
 * that runs this build's classes (the test class path), so hooks find Sealant without a package.
 */
public final class GitCli {

  public static final String TOKEN = "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";

  private final Path root;
  private final Map<String, String> env = new HashMap<>();

  /** What a process printed and returned. */
  public record Result(int code, String out, String err) {
    public String all() {
      return out + err;
    }
  }

  public GitCli(Path root) throws IOException {
    this.root = root;
    Path home = Files.createDirectories(root.resolve("home"));
    Path global = root.resolve("gitconfig");
    Files.writeString(
        global,
        "[user]\n\tname = Tess Tester\n\temail = tess@example.invalid\n"
            + "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n");
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", global.toString());
    env.put("GIT_AUTHOR_DATE", "2026-01-02T03:04:05Z");
    env.put("GIT_COMMITTER_DATE", "2026-01-02T03:04:05Z");
    env.put("LANG", "C");
    env.put("NO_COLOR", "1");
    env.put("SEALANT", launcher().toString());
  }

  public Map<String, String> env() {
    return env;
  }

  public Path home() {
    return Path.of(env.get("HOME"));
  }

  /** A shell script running Sealant's main class on the test class path. */
  private Path launcher() throws IOException {
    Path l = root.resolve("sealant");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        l,
        "#!/bin/sh\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
            + " -cp '"
            + System.getProperty("java.class.path")
            + "' dev.sealant.cli.Main \"$@\"\n");
    l.toFile().setExecutable(true);
    return l;
  }

  public Result git(Path cwd, String... args) {
    return run(cwd, "", Map.of(), prepend("git", args));
  }

  public Result sealant(Path cwd, String... args) {
    return run(cwd, "", Map.of(), prepend(env.get("SEALANT"), args));
  }

  /** Runs git and fails the test unless it exits 0. */
  public String ok(Path cwd, String... args) {
    Result r = git(cwd, args);
    if (r.code() != 0) {
      throw new AssertionError(
          "git " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.all());
    }
    return r.out();
  }

  public Result run(Path cwd, String stdin, Map<String, String> extra, String... command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(extra);
    try {
      Path out = Files.createTempFile(root, "out", ".txt");
      Path err = Files.createTempFile(root, "err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A fresh repository with an initial clean commit unless {@code empty}. */
  public Path repo(String name, boolean empty) throws IOException {
    Path dir = root.resolve(name);
    ok(root, "init", "-q", dir.toString());
    if (!empty) {
      write(dir, "README.md", "hello\n");
      ok(dir, "add", "README.md");
      ok(dir, "commit", "-q", "-m", "initial");
    }
    return dir;
  }

  public static void write(Path repo, String path, String text) throws IOException {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static String[] prepend(String first, String[] rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(List.of(rest));
    return all.toArray(new String[0]);
  }
}
