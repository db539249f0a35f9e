import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A reproducible synthetic git history for benchmarks, written as a git fast-import stream.
 *
 * <pre>
 *   git init -q repo && java bench/history/HistoryGenerator.java --commits 10000 --seed 7 \
 *       | git -C repo fast-import --quiet
 * </pre>
 *
 * Each commit edits a few files of a realistic mix (Python, JavaScript, Java, Go, YAML, JSON, .env,
 * Markdown): lines added, changed and deleted, files created, renamed and deleted; feature branches
 * are merged back now and then. About one added line in 2000 plants a synthetic secret (a GitHub
 * classic token with a valid checksum, or a password assignment), some of which a later commit
 * removes. Same seed, same stream, byte for byte.
 */
public final class HistoryGenerator {

  private static final String B62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String[] EXT = {
    ".py", ".js", ".java", ".go", ".yaml", ".json", ".env", ".md"
  };
  private static final String[] WORDS = {
    "user",
    "order",
    "invoice",
    "client",
    "session",
    "request",
    "response",
    "config",
    "handler",
    "cache",
    "result",
    "value",
    "item",
    "count",
    "index",
    "buffer",
    "stream",
    "token",
    "record",
    "account",
    "payload",
    "status",
    "message",
    "event",
    "queue",
    "worker",
    "limit",
    "offset"
  };

  private final Random rnd;
  private final OutputStream out;
  private final TreeMap<String, List<String>> files = new TreeMap<>();
  private int mark;
  private long time = 1_600_000_000L;
  private int planted;

  private HistoryGenerator(long seed, OutputStream out) {
    this.rnd = new Random(seed);
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    int commits = 1000;
    long seed = 1;
    int maxFiles = 1500;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--commits" -> commits = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--files" -> maxFiles = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: HistoryGenerator [--commits N] [--seed S] [--files N]");
          System.exit(2);
        }
      }
    }
    try (OutputStream o = new BufferedOutputStream(System.out, 1 << 20)) {
      HistoryGenerator g = new HistoryGenerator(seed, o);
      g.generate(commits, maxFiles);
      System.err.println(
          "generated "
              + commits
              + " commits, "
              + g.files.size()
              + " files, "
              + g.planted
              + " planted secrets");
    }
  }

  private void generate(int commits, int maxFiles) throws IOException {
    int mainHead = 0;
    int done = 0;
    while (done < commits) {
      if (done > 20 && rnd.nextInt(25) == 0 && commits - done > 6) {
        // A feature branch of a few commits, merged back into main.
        int n = 2 + rnd.nextInt(4);
        int branchHead = mainHead;
        TreeMap<String, List<String>> mainFiles = copy(files);
        for (int k = 0; k < n; k++) {
          branchHead = commit("refs/heads/feature", branchHead, 0, maxFiles);
        }
        TreeMap<String, List<String>> branchFiles = copy(files);
        files.clear();
        files.putAll(mainFiles);
        mainHead = commit("refs/heads/main", mainHead, 0, maxFiles);
        // The merge takes the branch's version of every file the branch touched.
        for (var e : branchFiles.entrySet()) {
          files.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        mainHead = mergeCommit(mainHead, branchHead);
        done += n + 2;
      } else {
        mainHead = commit("refs/heads/main", mainHead, 0, maxFiles);
        done++;
      }
    }
    write("reset refs/heads/feature\nfrom :" + mainHead + "\n\n");
  }

  private static TreeMap<String, List<String>> copy(TreeMap<String, List<String>> m) {
    TreeMap<String, List<String>> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
    return c;
  }

  private int commit(String ref, int parent, int mergeParent, int maxFiles) throws IOException {
    StringBuilder ops = new StringBuilder();
    int touched = 1 + rnd.nextInt(4);
    for (int i = 0; i < touched; i++) {
      int kind = rnd.nextInt(100);
      if (files.size() < 20 || (kind < 12 && files.size() < maxFiles)) {
        String path = newPath();
        List<String> lines = new ArrayList<>();
        int n = 20 + rnd.nextInt(150);
        for (int k = 0; k < n; k++) {
          lines.add(line(path));
        }
        files.put(path, lines);
        modify(ops, path);
      } else if (kind < 14) {
        String from = pick();
        String to = newPath();
        files.put(to, files.remove(from));
        ops.append("D ").append(from).append('\n');
        modify(ops, to);
      } else if (kind < 16 && files.size() > 30) {
        String p = pick();
        files.remove(p);
        ops.append("D ").append(p).append('\n');
      } else {
        String p = pick();
        edit(files.get(p), p);
        modify(ops, p);
      }
    }
    return emit(ref, parent, mergeParent, ops);
  }

  private int mergeCommit(int parent, int other) throws IOException {
    StringBuilder ops = new StringBuilder();
    for (String p : files.keySet()) {
      modify(ops, p);
    }
    return emit("refs/heads/main", parent, other, new StringBuilder("deleteall\n").append(ops));
  }

  private int emit(String ref, int parent, int mergeParent, StringBuilder ops) throws IOException {
    int m = ++mark;
    time += 60 + rnd.nextInt(7200);
    String who =
        "Dev "
            + (char) ('A' + rnd.nextInt(8))
            + " <dev"
            + rnd.nextInt(8)
            + "@example.com> "
            + time
            + " +0000";
    String msg = "change " + WORDS[rnd.nextInt(WORDS.length)] + " handling (" + m + ")\n";
    StringBuilder b = new StringBuilder();
    b.append("commit ").append(ref).append('\n').append("mark :").append(m).append('\n');
    b.append("author ").append(who).append('\n').append("committer ").append(who).append('\n');
    b.append("data ").append(msg.getBytes(StandardCharsets.UTF_8).length).append('\n').append(msg);
    if (parent > 0) {
      b.append("from :").append(parent).append('\n');
    }
    if (mergeParent > 0) {
      b.append("merge :").append(mergeParent).append('\n');
    }
    write(b.toString());
    write(ops.toString());
    write("\n");
    return m;
  }

  private void modify(StringBuilder ops, String path) {
    String content = String.join("\n", files.get(path)) + "\n";
    ops.append("M 100644 inline ").append(path).append('\n');
    ops.append("data ")
        .append(content.getBytes(StandardCharsets.UTF_8).length)
        .append('\n')
        .append(content)
        .append('\n');
  }

  private void edit(List<String> lines, String path) {
    int edits = 1 + rnd.nextInt(8);
    for (int e = 0; e < edits; e++) {
      int op = rnd.nextInt(10);
      int at = lines.isEmpty() ? 0 : rnd.nextInt(lines.size());
      if (op < 5 || lines.size() < 5) {
        int n = 1 + rnd.nextInt(6);
        for (int k = 0; k < n; k++) {
          lines.add(Math.min(at, lines.size()), line(path));
        }
      } else if (op < 8) {
        lines.set(at, line(path));
      } else {
        lines.remove(at);
      }
    }
    // Remove an earlier planted secret now and then, as teams do (it stays in history).
    if (rnd.nextInt(3) == 0) {
      lines.removeIf(l -> l.contains("ghp_") || l.contains("db_password"));
    }
  }

  private String pick() {
    int i = rnd.nextInt(files.size());
    return files.keySet().stream().skip(i).findFirst().orElseThrow();
  }

  private String newPath() {
    String dir =
        new String[] {
              "src", "lib", "app", "services/api", "services/web", "config", "docs", "tools"
            }
            [rnd.nextInt(8)];
    String name;
    do {
      name =
          dir
              + "/"
              + WORDS[rnd.nextInt(WORDS.length)]
              + "_"
              + WORDS[rnd.nextInt(WORDS.length)]
              + rnd.nextInt(1000)
              + EXT[rnd.nextInt(EXT.length)];
    } while (files.containsKey(name));
    return name;
  }

  private String line(String path) {
    if (rnd.nextInt(2000) == 0) {
      planted++;
      return rnd.nextBoolean()
          ? "GITHUB_TOKEN = \"" + githubToken() + "\""
          : "db_password = \"" + randomWord(14) + "\"";
    }
    String a = WORDS[rnd.nextInt(WORDS.length)];
    String b = WORDS[rnd.nextInt(WORDS.length)];
    int n = rnd.nextInt(1000);
    if (path.endsWith(".py")) {
      return switch (rnd.nextInt(4)) {
        case 0 -> "def " + a + "_" + b + "(self, " + a + ", limit=" + n + "):";
        case 1 -> "    " + a + " = self." + b + ".get(\"" + a + "\", " + n + ")";
        case 2 ->
            "    return [" + a + " for " + a + " in " + b + "s if " + a + ".status == " + n + "]";
        default -> "    # " + a + " " + b + " is kept in sync with the " + a + " service";
      };
    }
    if (path.endsWith(".js") || path.endsWith(".java") || path.endsWith(".go")) {
      return switch (rnd.nextInt(4)) {
        case 0 ->
            "  const " + a + "Count = " + b + ".filter((x) => x." + a + " > " + n + ").length;";
        case 1 -> "  if (" + a + " == null || " + b + ".size() > " + n + ") { return " + b + "; }";
        case 2 -> "  // " + a + " " + b + " handling for the " + a + " endpoint (see #" + n + ")";
        default -> "  " + b + "." + a + "(" + a + ", " + n + ", \"" + b + "-" + a + "\");";
      };
    }
    if (path.endsWith(".yaml")) {
      return "  "
          + a
          + "_"
          + b
          + ": "
          + (rnd.nextBoolean() ? String.valueOf(n) : "\"" + b + "-" + n + "\"");
    }
    if (path.endsWith(".json")) {
      return "  \"" + a + "\": {\"" + b + "\": " + n + ", \"enabled\": " + rnd.nextBoolean() + "},";
    }
    if (path.endsWith(".env")) {
      return (a + "_" + b).toUpperCase()
          + "="
          + (rnd.nextInt(4) == 0 ? "${" + b.toUpperCase() + "}" : b + n);
    }
    return "The "
        + a
        + " "
        + b
        + " flow retries "
        + n
        + " times before it reports a "
        + b
        + " error.";
  }

  private String randomWord(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(B62.charAt(rnd.nextInt(62)));
    }
    return s.toString();
  }

  /** ghp_ + 30 base62 + base62(CRC32) padded to 6: the public format, with a valid checksum. */
  private String githubToken() {
    String body = randomWord(30);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] c = new char[6];
    for (int i = 5; i >= 0; i--) {
      c[i] = B62.charAt((int) (v % 62));
      v /= 62;
    }
    return "ghp_" + body + new String(c);
  }

  private void write(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
