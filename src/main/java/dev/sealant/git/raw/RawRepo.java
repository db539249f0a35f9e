package dev.sealant.git.raw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A non-bare repository in git's plain layout, as the pre-commit hook sees it: the git directory (a
 * linked worktree's own, with the shared one named in its commondir file), the work tree, the index
 * ({@code GIT_INDEX_FILE} when git sets it) and the objects directory. {@link #open} answers empty,
 * and the caller uses JGit, whenever the environment or configuration asks for more: {@code
 * GIT_DIR} and the other object-directory variables, a bare repository, {@code core.worktree},
 * config includes, alternates, or repository extensions other than harmless ones.
 */
public record RawRepo(Path gitDir, Path commonDir, Path workTree, Path indexFile, Path objects) {

  private static final Set<String> HARMLESS_EXTENSIONS =
      Set.of("worktreeconfig", "preciousobjects", "noop");

  public static Optional<RawRepo> open(Path cwd, Map<String, String> env) {
    try {
      return Optional.of(locate(cwd, env));
    } catch (StepAside e) {
      return Optional.empty();
    }
  }

  private static RawRepo locate(Path cwd, Map<String, String> env) {
    for (String v :
        new String[] {
          "GIT_DIR",
          "GIT_COMMON_DIR",
          "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES",
          "GIT_QUARANTINE_PATH",
          "GIT_CEILING_DIRECTORIES"
        }) {
      if (!env.getOrDefault(v, "").isEmpty()) {
        throw StepAside.because(v + " is set");
      }
    }
    Path top = cwd.toAbsolutePath().normalize();
    Path dotGit = null;
    for (Path d = top; d != null; d = d.getParent()) {
      Path candidate = d.resolve(".git");
      if (Files.exists(candidate)) {
        dotGit = candidate;
        top = d;
        break;
      }
    }
    if (dotGit == null) {
      throw StepAside.because("no repository");
    }
    Path gitDir = dotGit;
    if (Files.isRegularFile(dotGit)) {
      String link = text(dotGit).strip();
      if (!link.startsWith("gitdir: ")) {
        throw StepAside.because(".git file without gitdir");
      }
      gitDir = top.resolve(link.substring("gitdir: ".length())).normalize();
    }
    if (!Files.isDirectory(gitDir)) {
      throw StepAside.because("not a git directory");
    }
    Path common = gitDir;
    Path commonFile = gitDir.resolve("commondir");
    if (Files.isRegularFile(commonFile)) {
      common = gitDir.resolve(text(commonFile).strip()).normalize();
    }
    checkConfig(common.resolve("config"));
    if (Files.isRegularFile(gitDir.resolve("config.worktree"))) {
      throw StepAside.because("per-worktree configuration");
    }
    Path objects = common.resolve("objects");
    if (Files.exists(objects.resolve("info").resolve("alternates"))) {
      throw StepAside.because("alternates");
    }
    Path workTree =
        env.getOrDefault("GIT_WORK_TREE", "").isEmpty()
            ? top
            : cwd.resolve(env.get("GIT_WORK_TREE"));
    String indexVar = env.getOrDefault("GIT_INDEX_FILE", "");
    Path index = indexVar.isEmpty() ? gitDir.resolve("index") : cwd.resolve(indexVar);
    return new RawRepo(gitDir, common, workTree.toAbsolutePath().normalize(), index, objects);
  }

  /** Only a plain configuration: no includes, a known format version, harmless extensions. */
  private static void checkConfig(Path config) {
    String section = "";
    for (String raw : text(config).split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close < 0) {
          throw StepAside.because("unusual config");
        }
        section = line.substring(1, close).strip().toLowerCase(Locale.ROOT);
        if (section.startsWith("include")) {
          throw StepAside.because("config includes");
        }
        line = line.substring(close + 1).strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
      }
      if (!section.equals("extensions") && !section.equals("core")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "true" : unquote(line.substring(eq + 1));
      if (section.equals("extensions") && !HARMLESS_EXTENSIONS.contains(key)) {
        throw StepAside.because("extension " + key);
      }
      if (section.equals("core")) {
        switch (key) {
          case "repositoryformatversion" -> {
            if (!value.equals("0") && !value.equals("1")) {
              throw StepAside.because("repository format " + value);
            }
          }
          case "bare" -> {
            if (!value.equalsIgnoreCase("false")
                && !value.equalsIgnoreCase("no")
                && !value.equalsIgnoreCase("off")
                && !value.equals("0")) {
              throw StepAside.because("bare repository");
            }
          }
          case "worktree" -> throw StepAside.because("core.worktree");
          default -> {
            // Nothing else changes what a staged scan reads.
          }
        }
      }
    }
  }

  private static String unquote(String v) {
    String s = v.strip();
    int hash = s.indexOf('#');
    if (hash >= 0 && s.indexOf('"') < 0) {
      s = s.substring(0, hash).strip();
    }
    if (s.contains("\"") || s.contains("\\")) {
      throw StepAside.because("quoted config value");
    }
    return s;
  }

  /** HEAD's tree, or empty before the first commit (an unborn branch). */
  public Optional<Oid> headTree(ObjectStore store) {
    Optional<Oid> commit = resolve("HEAD", 0);
    if (commit.isEmpty()) {
      return Optional.empty();
    }
    byte[] c = store.read(commit.get(), ObjectStore.COMMIT);
    if (c.length < 45 || !new String(c, 0, 5, StandardCharsets.US_ASCII).equals("tree ")) {
      throw StepAside.because("commit without a tree");
    }
    return Optional.of(Oid.hex(new String(c, 5, 40, StandardCharsets.US_ASCII)));
  }

  private Optional<Oid> resolve(String ref, int depth) {
    if (depth > 5) {
      throw StepAside.because("symbolic ref loop");
    }
    Path loose = (ref.equals("HEAD") ? gitDir : perWorktree(ref) ? gitDir : commonDir).resolve(ref);
    if (Files.isRegularFile(loose)) {
      String v = text(loose).strip();
      if (v.startsWith("ref: ")) {
        return resolve(v.substring(5).strip(), depth + 1);
      }
      return Optional.of(Oid.hex(v));
    }
    if (ref.equals("HEAD")) {
      throw StepAside.because("no HEAD");
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : text(packed).split("\n", -1)) {
        if (line.length() > 41
            && line.charAt(40) == ' '
            && line.substring(41).strip().equals(ref)) {
          return Optional.of(Oid.hex(line.substring(0, 40)));
        }
      }
    }
    if (!ref.startsWith("refs/")) {
      throw StepAside.because("HEAD names " + ref);
    }
    return Optional.empty();
  }

  private static boolean perWorktree(String ref) {
    return !ref.startsWith("refs/")
        || ref.startsWith("refs/bisect/")
        || ref.startsWith("refs/worktree/")
        || ref.startsWith("refs/rewritten/");
  }

  private static String text(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw StepAside.because("cannot read " + p.getFileName());
    }
  }
}
