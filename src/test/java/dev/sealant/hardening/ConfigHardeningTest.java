package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs, {@code .sealant.yaml}, {@code .sealantignore} and baselines through the command line: a
 * broken one is exit 2 and one line naming file:line and the key or rule; an empty one has a
 * defined, safe meaning.
 */
class ConfigHardeningTest {

  static final String RULE =
      """
      rules:
        - id: demo-token
          description: Demo
          keywords: [demo_]
          regex: '(demo_[a-z]{8})'
          examples:
            match: [{text: 'x demo_abcdefgh', secret: demo_abcdefgh}]
            noMatch: ['nothing']
      """;

  @TempDir Path dir;
  Path tree;

  @BeforeEach
  void tree() throws Exception {
    tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("a.txt"), "k=" + Planted.PAT + "\nd=demo_abcdefgh\n");
  }

  private Cli.Run scan(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "scan";
    args[1] = "--no-git";
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = "tree";
    return Cli.run(dir, args);
  }

  /** Exit 2 and one line that names all of {@code mentions}, without a stack trace. */
  private static void oneLineError(Cli.Run r, String... mentions) {
    assertEquals(2, r.code(), r.all());
    assertEquals(1, r.err().lines().count(), r.err());
    for (String m : mentions) {
      assertTrue(r.err().contains(m), m + " in " + r.err());
    }
    assertEquals("", r.out());
  }

  private Path patterns(String... files) throws Exception {
    Path p = Files.createDirectories(dir.resolve("pats"));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(p.resolve(files[i]), files[i + 1]);
    }
    return p;
  }

  @Test
  void documentOverTheCodePointLimitIsACleanError() throws Exception {
    StringBuilder big = new StringBuilder("rules:\n");
    String filler = "# " + "x".repeat(1022) + "\n";
    while (big.length() <= 8 * 1024 * 1024) {
      big.append(filler);
    }
    patterns("huge.yaml", big.toString());
    oneLineError(scan("--patterns", "pats"), "huge.yaml:", "invalid YAML");
    Files.writeString(tree.resolve(".sealant.yaml"), big.toString());
    oneLineError(scan(), ".sealant.yaml:", "invalid YAML");
  }

  @Test
  void catalogDirectoryOfEmptyFilesIsRefusedButOneEmptyFileIsFine() throws Exception {
    patterns("a.yaml", "", "b.yml", "# nothing yet\n");
    oneLineError(scan("--patterns", "pats"), "pats", "no rules");
    patterns("c.yaml", RULE);
    Cli.Run r = scan("--patterns", "pats", "-f", "json");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("demo-token") && !r.out().contains("github-pat-classic"), r.out());
  }

  @Test
  void catalogProblemsNameFileLineAndRule() throws Exception {
    String dup = RULE + RULE.substring("rules:\n".length());
    List<List<String>> cases =
        List.of(
            List.of(
                "rules:\n  - id: demo-token\n    regex: [unclosed\n", "x.yaml:", "invalid YAML"),
            List.of(
                RULE.replace("keywords: [demo_]", "keywords: [demo_]\n    colour: red"),
                "x.yaml:5",
                "colour"),
            List.of(RULE.replace("keywords: [demo_]", "keywords: {a: b}"), "x.yaml:4", "keywords"),
            List.of(dup, "x.yaml", "demo-token", "duplicate id"),
            List.of(
                RULE.replace("(demo_[a-z]{8})", "(?<=x)(demo_[a-z]{8})"), "x.yaml", "demo-token"),
            List.of(RULE.replace("(demo_[a-z]{8})", "(demo_[a-z]{8})\\1"), "x.yaml", "demo-token"));
    for (List<String> c : cases) {
      Path p = patterns("x.yaml", c.get(0));
      String[] mentions = c.subList(1, c.size()).toArray(new String[0]);
      oneLineError(scan("--patterns", "pats"), mentions);
      oneLineError(Cli.run(dir, "rules", "test", "--patterns", "pats"), mentions);
      Files.delete(p.resolve("x.yaml"));
    }
  }

  @Test
  void repositoryConfigTypoIsAnErrorNamingFileLineAndKey() throws Exception {
    Files.writeString(tree.resolve(".sealant.yaml"), "disable: []\nalow:\n  paths: ['*.txt']\n");
    oneLineError(scan(), ".sealant.yaml:2", "unknown key 'alow'");
    Files.writeString(tree.resolve(".sealant.yaml"), "extend: maybe\n");
    oneLineError(scan(), ".sealant.yaml:1", "extend");
    Files.writeString(tree.resolve(".sealant.yaml"), "disable: [no-such-rule]\n");
    oneLineError(scan(), ".sealant.yaml", "no-such-rule");
    Files.writeString(tree.resolve(".sealant.yaml"), "allow:\n  regexes: ['(?=x)']\n");
    oneLineError(scan(), ".sealant.yaml:2");
  }

  @Test
  void emptySealantYamlIsTheSameAsNone() throws Exception {
    Files.writeString(tree.resolve(".sealant.yaml"), "");
    Cli.Run r = scan("-f", "json");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("github-pat-classic"), r.out());
    Files.writeString(tree.resolve(".sealant.yaml"), "# nothing configured\n");
    assertEquals(1, scan().code());
  }

  @Test
  void emptyIgnoreFileSuppressesNothing() throws Exception {
    Files.writeString(tree.resolve(".sealantignore"), "");
    Cli.Run r = scan("--report-unused-ignores");
    assertEquals(1, r.code(), r.all());
    Files.writeString(dir.resolve("explicit"), "\n\n# comments only\n");
    assertEquals(1, scan("--ignore-file", "explicit").code());
  }

  @Test
  void emptyBaselineAcceptsNothing() throws Exception {
    Files.writeString(dir.resolve("baseline.json"), "");
    Cli.Run r = scan("--baseline", "baseline.json");
    assertEquals(1, r.code(), r.all());
    Files.writeString(
        dir.resolve("baseline.json"), "{\"tool\": \"sealant\", \"version\": 1, \"findings\": [");
    oneLineError(scan("--baseline", "baseline.json"), "baseline.json", "not a Sealant baseline");
  }

  @Test
  void shippedCatalogStillLoadsFromThePatternsDirectory() {
    Cli.Run r = Cli.run(dir, "rules", "test", "--patterns", Paths.patterns().toString());
    assertEquals(0, r.code(), r.all());
    assertFalse(r.out().contains("FAIL"), r.out());
  }

  @Test
  void regexThatWouldCompileToMillionsOfInstructionsIsAOneLineErrorInCatalogAndConfig()
      throws Exception {
    String hostile = RULE.replace("(demo_[a-z]{8})", "((((a{50}){50}){50}){50})");
    Files.writeString(dir.resolve("hostile.yaml"), hostile);
    Cli.Run catalog =
        Cli.run(
            tree, "scan", "--no-git", "--patterns", dir.resolve("hostile.yaml").toString(), ".");
    assertEquals(2, catalog.code(), catalog.all());
    assertTrue(
        catalog
            .err()
            .contains("hostile.yaml:5: rule 'demo-token': invalid regex: nested repetition"),
        catalog.err());
    Files.writeString(
        tree.resolve(".sealant.yaml"), "allow:\n  regexes: ['" + "x{999}".repeat(200) + "']\n");
    Cli.Run config = Cli.run(tree, "scan", "--no-git", ".");
    assertEquals(2, config.code(), config.all());
    assertTrue(config.err().contains("instructions"), config.err());
    assertFalse(config.all().contains("OutOfMemoryError"), config.all());
  }
}
