package dev.sealant.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command may touch of the outside world, injected so tests can run commands in
 * process: standard streams, environment variables, the working directory.
 */
public record Env(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> vars, Path cwd) {

  public Env {
    vars = Map.copyOf(vars);
  }

  public static Env system() {
    return new Env(
        System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath());
  }

  public Optional<String> var(String name) {
    return Optional.ofNullable(vars.get(name)).filter(s -> !s.isEmpty());
  }

  /** Resolves a user-given path against the working directory. */
  public Path resolve(String path) {
    return cwd.resolve(path).normalize();
  }
}
