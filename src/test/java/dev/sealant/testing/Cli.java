package dev.sealant.testing;

import dev.sealant.cli.Env;
import dev.sealant.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in process, with captured streams. */
public final class Cli {

  private Cli() {}

  /** What a run printed and returned. */
  public record Run(int code, String out, String err) {
    public String all() {
      return out + err;
    }
  }

  public static Run run(Path cwd, String... args) {
    return run(cwd, "", Map.of(), args);
  }

  public static Run run(Path cwd, String stdin, Map<String, String> vars, String... args) {
    return run(cwd, stdin.getBytes(StandardCharsets.UTF_8), vars, args);
  }

  /** The same with standard input given as bytes (binary input). */
  public static Run run(Path cwd, byte[] stdin, Map<String, String> vars, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(vars);
    env.putIfAbsent("NO_COLOR", "1");
    Env e =
        new Env(
            new ByteArrayInputStream(stdin),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            cwd.toAbsolutePath());
    int code = Main.run(e, args);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
