package dev.sealant.allow;

import dev.sealant.detect.Display;
import dev.sealant.detect.Engine;
import dev.sealant.error.ConfigException;
import dev.sealant.json.JsonParser;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.LineLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts other scanners' suppression files into {@code .sealantignore} entries. Their entries
 * name a position (commit, path, line), not a secret; an entry converts only when the line it names
 * still holds exactly the finding it meant (for detect-secrets, proven by its SHA-1 hash), and the
 * new entry is then scoped to that path. Everything else is reported, never guessed.
 */
public final class Importers {

  /** The outcome: entries to append, and what could not be converted, with why. */
  public record Conversion(List<String> entries, List<String> notConverted) {
    public Conversion {
      entries = List.copyOf(entries);
      notConverted = List.copyOf(notConverted);
    }
  }

  private Importers() {}

  /** {@code .gitleaksignore}: {@code [commit:]path:rule-id:line} per line. */
  public static Conversion gitleaksIgnore(
      String file, String text, Engine engine, LineLookup lines) {
    List<String> entries = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int n = 0;
    for (String raw : text.lines().toList()) {
      n++;
      String e = raw.strip();
      if (e.isEmpty() || e.startsWith("#")) {
        continue;
      }
      String where = file + ":" + n + ": " + e + ": ";
      int c1 = e.lastIndexOf(':');
      int c2 = c1 <= 0 ? -1 : e.lastIndexOf(':', c1 - 1);
      int lineNo = c1 < 0 ? -1 : parseInt(e.substring(c1 + 1));
      if (c2 <= 0 || lineNo < 1) {
        failed.add(where + "not of the form [commit:]path:rule-id:line");
        continue;
      }
      String head = e.substring(0, c2);
      Optional<String> commit = Optional.empty();
      int c0 = head.indexOf(':');
      if (c0 == 40 && isHex(head.substring(0, 40))) {
        commit = Optional.of(head.substring(0, 40));
        head = head.substring(41);
      }
      String path = head;
      Optional<String> content = lines.line(commit, path, lineNo);
      if (content.isEmpty()) {
        failed.add(where + "that line cannot be read (file or commit missing)");
        continue;
      }
      List<Finding> fs = unsuppressed(engine, path, content.get());
      if (fs.size() != 1) {
        failed.add(
            where
                + (fs.isEmpty()
                    ? "Sealant finds nothing on that line"
                    : "several findings on that line")
                + "; position-only entry not converted");
        continue;
      }
      Display d = Display.redacting(engine);
      entries.add(
          IgnoreFile.format(
              fs.get(0).fingerprint(),
              scope(d, path),
              d.message("imported from .gitleaksignore (" + e + ")"),
              Optional.empty()));
    }
    return new Conversion(entries, failed);
  }

  /** A detect-secrets {@code .secrets.baseline} (JSON with {@code results}). */
  public static Conversion detectSecretsBaseline(
      String file, String text, Engine engine, LineLookup lines) {
    Object doc;
    try {
      doc = JsonParser.parse(text);
    } catch (JsonParser.JsonException e) {
      throw new ConfigException(file + ": not JSON: " + e.getMessage());
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("results") instanceof Map<?, ?> results)) {
      throw new ConfigException(file + ": not a detect-secrets baseline (no 'results' object)");
    }
    List<String> entries = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Map.Entry<?, ?> byFile : results.entrySet()) {
      if (!(byFile.getValue() instanceof List<?> list)) {
        continue;
      }
      for (Object o : list) {
        if (o instanceof Map<?, ?> r) {
          convert(String.valueOf(byFile.getKey()), r, engine, lines, entries, failed);
        }
      }
    }
    return new Conversion(entries, failed);
  }

  private static void convert(
      String path,
      Map<?, ?> r,
      Engine engine,
      LineLookup lines,
      List<String> entries,
      List<String> failed) {
    Object hash = r.get("hashed_secret");
    Object ln = r.get("line_number");
    String where = path + ":" + ln + " (" + r.get("type") + "): ";
    if (Boolean.TRUE.equals(r.get("is_secret"))) {
      failed.add(where + "audited as a real secret: not ignored; rotate it");
      return;
    }
    if (!(hash instanceof String h) || !(ln instanceof Long lineNo)) {
      failed.add(where + "no hashed_secret or line_number");
      return;
    }
    Optional<String> content = lines.line(Optional.empty(), path, lineNo.intValue());
    Optional<Finding> match =
        content.stream()
            .flatMap(c -> unsuppressed(engine, path, c).stream())
            .filter(f -> sha1(f.secret()).equals(h))
            .findFirst();
    if (match.isEmpty()) {
      failed.add(
          where
              + "no Sealant finding on that line has that hash; position-only entry not converted");
      return;
    }
    Display d = Display.redacting(engine);
    entries.add(
        IgnoreFile.format(
            match.get().fingerprint(),
            scope(d, path),
            d.message("imported from detect-secrets baseline (" + r.get("type") + ")"),
            Optional.empty()));
  }

  /**
   * The entry's path scope, unless the path holds a secret or a control character (a line break
   * would split the entry and could inject another): then the entry is scoped by its fingerprint
   * alone, which names the same secret, and the committed ignore file never holds the name.
   */
  private static Optional<String> scope(Display d, String path) {
    return d.terminal(path).equals(path) && path.indexOf('"') < 0
        ? Optional.of(path)
        : Optional.empty();
  }

  private static List<Finding> unsuppressed(Engine engine, String path, String line) {
    return engine.scan(Fragment.of(path, line)).stream().filter(f -> !f.suppressed()).toList();
  }

  static String sha1(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean isHex(String s) {
    return s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
