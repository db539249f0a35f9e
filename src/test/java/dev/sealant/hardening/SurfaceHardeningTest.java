package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Rule;
import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unclear or wrong outcomes on the edges: BOMs, a corrupt HEAD, the docs' rule ids. */
class SurfaceHardeningTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  @Test
  void byteOrderMarkInIgnoreFileIsAccepted() throws IOException {
    Files.writeString(dir.resolve("app.env"), "t=" + TOKEN + "\n");
    String json = Cli.run(dir, "scan", "--no-git", "-f", "json", ".").out();
    int at = json.indexOf("\"fingerprint\": \"") + "\"fingerprint\": \"".length();
    String fp = json.substring(at, at + 32);
    Files.writeString(dir.resolve(".sealantignore"), "\uFEFF" + fp + " -- rotated\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
  }

  @Test
  void corruptGitHeadIsAGitErrorNotAFallbackToTheFiles() throws Exception {
    Process init = new ProcessBuilder("git", "init", "-q", dir.toString()).start();
    assertEquals(0, init.waitFor());
    Files.writeString(dir.resolve("app.env"), "t=" + TOKEN + "\n");
    Files.writeString(dir.resolve(".git/HEAD"), "garbage\n");
    Cli.Run r = Cli.run(dir, "scan");
    assertEquals(ExitCodes.ERROR, r.code(), r.all());
    assertTrue(
        r.err().contains(".git: not a usable git repository") && r.err().contains("--no-git"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals(ExitCodes.ERROR, Cli.run(dir, "scan", "--staged").code());
    Files.createDirectories(dir.resolve("sub"));
    assertEquals(ExitCodes.ERROR, Cli.run(dir.resolve("sub"), "scan").code());
    assertEquals(ExitCodes.FINDINGS, Cli.run(dir, "scan", "--no-git", ".").code());
  }

  /**
   * Rule ids the docs name where a rule id goes: after sealant:allow, in disable: lists, after
   * --rule.
   */
  static Set<String> mentionedRuleIds(String text) {
    Set<String> ids = new TreeSet<>();
    for (String line : text.lines().toList()) {
      for (String marker : List.of("sealant:allow-next-line ", "sealant:allow ", "--rule ")) {
        int at = line.indexOf(marker);
        while (at >= 0) {
          int i = at + marker.length();
          int end = i;
          while (end < line.length()
              && (Character.isLetterOrDigit(line.charAt(end))
                  || line.charAt(end) == '-'
                  || line.charAt(end) == ',')) {
            end++;
          }
          for (String id : line.substring(i, end).split(",")) {
            if (id.contains("-") && kebab(id)) {
              ids.add(id);
            }
          }
          at = line.indexOf(marker, end);
        }
      }
      int d = line.indexOf("disable: [");
      if (d >= 0 && line.indexOf(']', d) > 0) {
        for (String id :
            line.substring(d + "disable: [".length(), line.indexOf(']', d)).split(",")) {
          if (kebab(id.strip())) {
            ids.add(id.strip());
          }
        }
      }
    }
    ids.remove("");
    return ids;
  }

  /** A rule id's shape (upper-case placeholders such as {@code ID} are not ids). */
  private static boolean kebab(String id) {
    if (id.isEmpty() || id.charAt(0) < 'a' || id.charAt(0) > 'z') {
      return false;
    }
    return id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }

  @Test
  void everyRuleIdTheReadmeAndDocsMentionExists() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Set<String> known =
        CatalogLoader.builtIn().rules().stream().map(Rule::id).collect(Collectors.toSet());
    List<Path> docs =
        new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("patterns/README.md")));
    try (var s = Files.list(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    List<String> unknown = new ArrayList<>();
    int seen = 0;
    for (Path p : docs) {
      String text = Files.readString(p);
      // Rules a doc defines in its own example configuration exist in that example.
      Set<String> defined =
          text.lines()
              .map(String::strip)
              .filter(l -> l.startsWith("- id: "))
              .map(l -> l.substring("- id: ".length()).strip())
              .collect(Collectors.toSet());
      for (String id : mentionedRuleIds(text)) {
        seen++;
        if (!known.contains(id)
            && !defined.contains(id)
            && !id.equals("rule-id")
            && !id.startsWith("rule-")) {
          unknown.add(root.relativize(p) + ": " + id);
        }
      }
    }
    assertTrue(seen > 0, "the docs mention no rule id: the extraction is broken");
    assertEquals(List.of(), unknown, "rule ids the docs mention that do not exist");
  }

  @Test
  void theDocsRuleIdExtractionFindsTheReadmesOldExample() {
    assertEquals(
        Set.of("generic-password-assignment"),
        mentionedRuleIds("disable: [generic-password-assignment]"));
    assertEquals(Set.of("a-b", "c-d"), mentionedRuleIds("x # sealant:allow a-b,c-d -- why"));
  }
}
