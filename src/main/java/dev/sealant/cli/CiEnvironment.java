package dev.sealant.cli;

import dev.sealant.error.UsageException;
import dev.sealant.json.JsonParser;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what {@code sealant ci} scans, from the CI system's environment alone (no git access),
 * so the rules can be tested with plain maps and payload strings.
 *
 * <p>In order: an explicit {@code --base} (and {@code --head}, default {@code HEAD}); GitHub
 * Actions ({@code GITHUB_ACTIONS=true}); GitLab CI ({@code GITLAB_CI=true}). Otherwise a {@link
 * UsageException} says what to pass. See {@code docs/CI.md} for each event.
 */
public final class CiEnvironment {

  /**
   * A range to scan: the commits reachable from {@code head} and not from {@code base}; with no
   * base, every commit reachable from {@code head} (the full history).
   *
   * @param base a revision (commit id or ref name) whose history is already trusted
   * @param head the revision under test
   * @param source where the range came from, for the report header and error messages
   */
  public record Range(Optional<String> base, String head, String source) {}

  /** Reads the event payload file the CI system names (GitHub's {@code GITHUB_EVENT_PATH}). */
  @FunctionalInterface
  public interface PayloadReader {
    String read(String path) throws IOException;
  }

  private static final String EXPLICIT_HINT =
      "pass the range explicitly: sealant ci --base REV" + " [--head REV], e.g. --base origin/main";

  private final Map<String, String> env;
  private final PayloadReader payloads;

  private CiEnvironment(Map<String, String> env, PayloadReader payloads) {
    this.env = env;
    this.payloads = payloads;
  }

  /**
   * The range to scan.
   *
   * @param env the process environment
   * @param payloads how to read the file {@code GITHUB_EVENT_PATH} names
   * @param base {@code --base}, when given
   * @param head {@code --head}, when given
   * @throws UsageException when nothing says what to scan, or what does is unusable
   */
  public static Range detect(
      Map<String, String> env,
      PayloadReader payloads,
      Optional<String> base,
      Optional<String> head) {
    CiEnvironment ci = new CiEnvironment(Map.copyOf(env), payloads);
    if (base.isPresent()) {
      return new Range(
          Optional.of(rev("--base", base.get())),
          rev("--head", head.orElse("HEAD")),
          "--base " + base.get() + " --head " + head.orElse("HEAD"));
    }
    if (head.isPresent()) {
      throw new UsageException("--head needs --base: sealant ci --base REV --head " + head.get());
    }
    if (ci.is("GITHUB_ACTIONS")) {
      return GitHubRange.of(ci);
    }
    if (ci.is("GITLAB_CI")) {
      return GitLabRange.of(ci);
    }
    throw new UsageException(
        "sealant ci: cannot tell what to scan: neither GitHub Actions"
            + " (GITHUB_ACTIONS) nor GitLab CI (GITLAB_CI) is set; "
            + EXPLICIT_HINT);
  }

  boolean is(String name) {
    return "true".equalsIgnoreCase(var(name).orElse(""));
  }

  Optional<String> var(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  String required(String name, String context) {
    return var(name)
        .orElseThrow(
            () ->
                new UsageException(
                    "sealant ci: " + context + " but " + name + " is not set; " + EXPLICIT_HINT));
  }

  /** The parsed JSON payload at {@code path}; unreadable or malformed is a usage error. */
  Map<String, Object> payload(String variable, String path) {
    String text;
    try {
      text = payloads.read(path);
    } catch (IOException e) {
      throw new UsageException(
          "sealant ci: cannot read the event payload "
              + path
              + " ("
              + variable
              + "): "
              + e.getMessage()
              + "; "
              + EXPLICIT_HINT,
          e);
    }
    try {
      if (JsonParser.parse(text) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> obj = (Map<String, Object>) m;
        return obj;
      }
      throw new UsageException(
          "sealant ci: the event payload "
              + path
              + " ("
              + variable
              + ") is not a JSON object; "
              + EXPLICIT_HINT);
    } catch (JsonParser.JsonException e) {
      throw new UsageException(
          "sealant ci: the event payload "
              + path
              + " ("
              + variable
              + ") is not valid JSON: "
              + e.getMessage()
              + "; "
              + EXPLICIT_HINT,
          e);
    }
  }

  /** The non-blank string at a path of keys in a parsed JSON object, if every step exists. */
  static Optional<String> string(Map<String, Object> json, String... path) {
    Object v = json;
    for (String key : path) {
      if (!(v instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      v = m.get(key);
    }
    return v instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
  }

  /** True for a commit id of zeros: git's "no commit" (a branch created or deleted). */
  static boolean isZero(String sha) {
    if (sha.isEmpty()) {
      return false;
    }
    for (int i = 0; i < sha.length(); i++) {
      if (sha.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a revision from the environment or the command line before it reaches git: a value
   * starting with {@code -} would read as an option, and control characters have no place in one.
   */
  static String rev(String what, String value) {
    String v = value.trim();
    boolean bad = v.isEmpty() || v.startsWith("-");
    for (int i = 0; i < v.length() && !bad; i++) {
      char c = v.charAt(i);
      bad = c <= ' ' || c == 0x7f;
    }
    if (bad) {
      throw new UsageException(
          "sealant ci: "
              + what
              + " '"
              + printable(v)
              + "' is not a git revision (a commit id or ref name, not starting with '-')");
    }
    return v;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      b.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return b.toString();
  }
}
