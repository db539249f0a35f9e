package dev.sealant.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ExitCodes;
import dev.sealant.kernel.LineLookup;
import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {

  static final String TOKEN = "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";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  static final LineLookup LINES =
      (commit, path, line) ->
          Map.of("app/a.py:3", "token = '" + TOKEN + "'", "app/b.py:1", "nothing here")
              .entrySet()
              .stream()
              .filter(e -> e.getKey().equals(path + ":" + line))
              .map(Map.Entry::getValue)
              .findFirst();

  final Detector engine = new Detector(CatalogLoader.builtIn());

  @Test
  void gitleaksEntriesConvertOnlyWhenTheLineHoldsTheFinding() {
    String file = "# comment\n" + COMMIT + ":app/a.py:github-pat:3\napp/b.py:generic:1\nnonsense\n";
    Importers.Conversion o = Importers.gitleaksIgnore(".gitleaksignore", file, engine, LINES);
    assertEquals(1, o.entries().size(), o.toString());
    assertTrue(
        o.entries()
            .get(0)
            .startsWith(Fingerprints.of("github-pat-classic", TOKEN) + " app/a.py -- imported"));
    assertEquals(2, o.notConverted().size(), o.toString());
    assertTrue(o.notConverted().get(0).contains(".gitleaksignore:3"), o.toString());
  }

  @Test
  void detectSecretsEntriesConvertByHashAndRealSecretsAreNot() {
    String json =
        """
        {"version": "1.5.0", "results": {
          "app/a.py": [{"type": "GitHub Token", "filename": "app/a.py", "hashed_secret": "%s", "line_number": 3}],
          "app/b.py": [{"type": "Secret Keyword", "filename": "app/b.py", "hashed_secret": "00", "line_number": 1}],
          "app/c.py": [{"type": "Secret Keyword", "hashed_secret": "00", "line_number": 1, "is_secret": true}]
        }}
        """
            .formatted(Importers.sha1(TOKEN));
    Importers.Conversion o =
        Importers.detectSecretsBaseline(".secrets.baseline", json, engine, LINES);
    assertEquals(1, o.entries().size(), o.toString());
    assertEquals(2, o.notConverted().size(), o.toString());
    assertTrue(o.notConverted().stream().anyMatch(s -> s.contains("real secret")), o.toString());
  }

  @Test
  void importCommandAppendsToTheIgnoreFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/a.py"), "x\ny\ntoken = '" + TOKEN + "'\n");
    Files.writeString(dir.resolve(".gitleaksignore"), "app/a.py:github-pat:3\n");
    Cli.Run r = Cli.run(dir, "import", "gitleaks-ignore", ".gitleaksignore");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("1 converted"), r.out());
    assertEquals(ExitCodes.CLEAN, Cli.run(dir, "scan", "--no-git", ".").code());
    assertEquals(ExitCodes.USAGE, Cli.run(dir, "import", "trufflehog", ".gitleaksignore").code());
    assertTrue(
        Optional.of(Files.readString(dir.resolve(".sealantignore"))).get().contains("-- imported"));
  }
}
