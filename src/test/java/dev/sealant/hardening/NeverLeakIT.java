package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.report.Format;
import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command, mode or format ever prints or writes a planted secret unless {@code --show-secrets}
 * asks for it: not on stdout or stderr, not in a report file, a baseline or an ignore file, not in
 * an error with {@code --verbose}. The fixture is a real git repository whose history and index
 * both carry every {@link Planted} secret. Commands run in process; the hooks run through git.
 */
class NeverLeakIT {

  /** Every format the CLI offers: a new one is covered the day it is added. */
  static final List<String> FORMATS = Arrays.stream(Format.values()).map(Object::toString).toList();

  @TempDir static Path tmp;
  static GitCli g;
  static Path repo;
  static Path reports;
  static String everything;

  @BeforeAll
  static void fixture() throws IOException {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
    g.ok(repo, "branch", "base");
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, String> f : Planted.files().entrySet()) {
      GitCli.write(repo, f.getKey(), f.getValue());
      all.append(f.getValue());
    }
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "add configuration");
    GitCli.write(
        repo,
        "staged/creds.txt",
        "token: " + Planted.PAT + "\n" + Planted.PEM + "password = \"" + Planted.PASSWORD + "\"\n");
    g.ok(repo, "add", "staged/creds.txt");
    everything = all.toString();
    reports = Files.createDirectories(tmp.resolve("reports"));
  }

  /** Each scan mode with the stdin it reads. */
  record Mode(String name, String stdin, List<String> args) {}

  static List<Mode> modes() {
    return List.of(
        new Mode("history", "", List.of()),
        new Mode("range", "", List.of("--range", "base..main")),
        new Mode("since", "", List.of("--since", "base")),
        new Mode("staged", "", List.of("--staged")),
        new Mode("no-git", "", List.of("--no-git", ".")),
        new Mode("stdin", everything, List.of("-")));
  }

  private static Cli.Run run(String stdin, List<String> args) {
    return Cli.run(repo, stdin, Map.of(), args.toArray(new String[0]));
  }

  /** Runs one report command, checks its streams and report file, and returns what it printed. */
  private static String check(String label, String stdin, List<String> command, boolean toFile)
      throws IOException {
    List<String> args = new ArrayList<>(command);
    Path file = reports.resolve(label.replace(' ', '_') + ".out");
    if (toFile) {
      args.add("-o");
      args.add(file.toString());
    }
    Cli.Run r = run(stdin, args);
    assertEquals(1, r.code(), label + ": " + r.all());
    Planted.assertNoLeak(label + " stdout", r.out());
    Planted.assertNoLeak(label + " stderr", r.err());
    if (!toFile) {
      return r.out();
    }
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), label);
    String report = Files.readString(file);
    Planted.assertNoLeak(label + " report file", report);
    return report;
  }

  @Test
  void everyScanModeInEveryFormatRedacts() throws IOException {
    for (Mode m : modes()) {
      for (String format : FORMATS) {
        for (boolean suppressed : List.of(false, true)) {
          for (boolean toFile : List.of(false, true)) {
            List<String> args = new ArrayList<>(List.of("scan", "--format", format));
            if (suppressed) {
              args.addAll(List.of("--include-suppressed", "--verbose"));
            }
            args.addAll(m.args());
            String label =
                m.name()
                    + " "
                    + format
                    + (suppressed ? " suppressed" : "")
                    + (toFile ? " file" : "");
            String report = check(label, m.stdin(), args, toFile);
            if (format.equals("json")) {
              assertTrue(
                  report.contains("github-pat-classic") && report.contains("private-key-pem"),
                  label + report);
              assertTrue(
                  m.name().equals("staged") || report.contains("\"encoding\": \"base64\""),
                  label + report);
            }
          }
        }
      }
    }
  }

  @Test
  void ciGateRedactsInEveryFormatAndInItsSarifFile() throws IOException {
    for (String format : FORMATS) {
      for (boolean toFile : List.of(false, true)) {
        Path sarif = reports.resolve("ci-" + format + toFile + ".sarif");
        check(
            "ci " + format + (toFile ? " file" : ""),
            "",
            List.of(
                "ci",
                "--base",
                "base",
                "--format",
                format,
                "--include-suppressed",
                "--sarif",
                sarif.toString()),
            toFile);
        Planted.assertNoLeak("ci --sarif file", Files.readString(sarif));
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif)));
      }
    }
  }

  @Test
  void ciGateInGitHubActionsRedactsItsAnnotationsAndStepSummary() throws IOException {
    Path summary = reports.resolve("step-summary.md");
    for (String format : FORMATS) {
      Cli.Run r =
          Cli.run(
              repo,
              "",
              Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
              "ci",
              "--base",
              "base",
              "--format",
              format,
              "--include-suppressed");
      assertEquals(1, r.code(), r.all());
      assertTrue(r.all().contains("::error file="), format + r.all());
      Planted.assertNoLeak("ci in GitHub Actions " + format, r.all());
    }
    Planted.assertNoLeak("GitHub step summary", Files.readString(summary));
  }

  @Test
  void baselineIgnoreAndImportWriteNoSecret() throws IOException {
    Path baseline = reports.resolve("baseline.json");
    Cli.Run b = run("", List.of("baseline", "-o", baseline.toString()));
    assertEquals(0, b.code(), b.all());
    Planted.assertNoLeak("baseline output", b.all());
    Planted.assertNoLeak("baseline file", Files.readString(baseline));

    String json = run("", List.of("scan", "--format", "json")).out();
    int at = json.indexOf("\"fingerprint\": \"") + "\"fingerprint\": \"".length();
    String fingerprint = json.substring(at, at + 32);
    Path ignore = reports.resolve("ignore");
    Cli.Run i =
        run("", List.of("ignore", fingerprint, "--reason", "rotated", "--file", ignore.toString()));
    assertEquals(0, i.code(), i.all());
    Planted.assertNoLeak("ignore output", i.all());
    Planted.assertNoLeak("ignore file", Files.readString(ignore));

    String head = g.ok(repo, "rev-parse", "main").trim();
    Path gitleaks = reports.resolve("gitleaksignore");
    Files.writeString(
        gitleaks, head + ":config/app.env:github-pat:2\n" + head + ":src/settings.py:generic:2\n");
    Path imported = reports.resolve("imported");
    Cli.Run im =
        run(
            "",
            List.of(
                "import", "gitleaks-ignore", gitleaks.toString(), "--output", imported.toString()));
    assertEquals(0, im.code(), im.all());
    Planted.assertNoLeak("import output", im.all());
    if (Files.exists(imported)) {
      Planted.assertNoLeak("imported ignore file", Files.readString(imported));
    }

    for (String format : FORMATS) {
      Cli.Run s =
          run(
              "",
              List.of(
                  "scan",
                  "--format",
                  format,
                  "--include-suppressed",
                  "--baseline",
                  baseline.toString(),
                  "--ignore-file",
                  ignore.toString(),
                  "--report-unused-ignores"));
      assertEquals(0, s.code(), s.all());
      Planted.assertNoLeak("suppressed " + format, s.all());
    }
  }

  @Test
  void explainPrintsNoSecretForAnyFindingByLineOrFingerprint() {
    String json =
        run("", List.of("scan", "--no-git", "--format", "json", "--include-suppressed", ".")).out();
    int explained = 0;
    for (int at = json.indexOf("\"path\": \"");
        at >= 0;
        at = json.indexOf("\"path\": \"", at + 1)) {
      int from = at + "\"path\": \"".length();
      String path = json.substring(from, json.indexOf('"', from));
      int l = json.indexOf("\"line\": ", at) + "\"line\": ".length();
      String line = json.substring(l, json.indexOf(',', l));
      int f = json.indexOf("\"fingerprint\": \"", at) + "\"fingerprint\": \"".length();
      String fingerprint = json.substring(f, f + 32);
      for (String target : List.of(path + ":" + line, fingerprint)) {
        Cli.Run r = run("", List.of("explain", target));
        assertEquals(0, r.code(), target + ": " + r.err());
        Planted.assertNoLeak("explain " + target, r.all());
      }
      explained++;
    }
    assertTrue(explained >= 3, json);
  }

  @Test
  void rulesCommandsPrintNoSecret() {
    for (List<String> args : List.of(List.of("rules", "list"), List.of("rules", "test"))) {
      Cli.Run r = run("", args);
      assertEquals(0, r.code(), r.all());
      Planted.assertNoLeak(String.join(" ", args), r.all());
    }
  }

  @Test
  void errorsQuoteNoContentEvenWithVerbose() throws IOException {
    Path clone = tmp.resolve("corrupt");
    // A local clone copies the loose objects as they are; delete one blob that holds a secret.
    g.ok(tmp, "clone", "-q", "--no-hardlinks", repo.toString(), clone.toString());
    String blob = g.ok(clone, "rev-parse", "HEAD:config/app.env").trim();
    Files.delete(
        clone.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));
    Cli.Run missing = Cli.run(clone, "", Map.of(), "scan", "--verbose");
    assertEquals(3, missing.code(), missing.all());
    assertTrue(missing.err().contains(blob), missing.err());
    Planted.assertNoLeak("missing object --verbose", missing.all());

    Path config = reports.resolve("broken.yaml");
    Files.writeString(
        config,
        "allow:\n  stopwords: [" + Planted.PASSWORD + "\n  regexes: '" + Planted.PAT + "\n");
    Cli.Run bad = run("", List.of("scan", "--verbose", "--config", config.toString()));
    assertEquals(2, bad.code(), bad.all());
    Planted.assertNoLeak("broken config --verbose", bad.all());

    Cli.Run tiny = run("", List.of("scan", "--no-git", "--verbose", "--max-file-size", "10", "."));
    Planted.assertNoLeak("skipped inputs --verbose", tiny.all());
  }

  @Test
  void hooksThroughGitPrintNoSecret() throws IOException {
    Path work = tmp.resolve("hooked");
    g.ok(tmp, "clone", "-q", repo.toString(), work.toString());
    assertEquals(0, g.sealant(work, "install", "--pre-commit", "--pre-push").code());
    GitCli.write(work, "staged/creds.txt", "token: " + Planted.PAT + "\n" + Planted.PEM);
    g.ok(work, "add", "staged/creds.txt");
    GitCli.Result commit = g.git(work, "commit", "-m", "leak");
    assertNotEquals(0, commit.code(), commit.all());
    assertTrue(commit.err().contains("COMMIT BLOCKED"), commit.err());
    Planted.assertNoLeak("pre-commit", commit.all());

    Path target = tmp.resolve("target.git");
    g.ok(tmp, "init", "-q", "--bare", target.toString());
    GitCli.Result push = g.git(work, "push", target.toString(), "main");
    assertNotEquals(0, push.code(), push.all());
    assertTrue(push.err().contains("PUSH BLOCKED"), push.err());
    Planted.assertNoLeak("pre-push", push.all());

    assertEquals(0, g.sealant(target, "install").code());
    GitCli.Result receive = g.git(work, "push", "--no-verify", target.toString(), "main");
    assertNotEquals(0, receive.code(), receive.all());
    assertTrue(receive.err().contains("PUSH REJECTED"), receive.err());
    Planted.assertNoLeak("pre-receive", receive.all());
  }

  /** Terminal control characters a hostile file name or author could carry. */
  private static final String ESC = "\u001b";

  private static void assertNoLeakNorControl(String label, String text) {
    Planted.assertNoLeak(label, text);
    assertFalse(
        text.contains(ESC) || text.contains("\u0007"),
        label + " prints a raw control character:\n" + text);
  }

  /**
   * A repository whose file names, author name and e-mail, commit messages and inline-allow reasons
   * carry the planted secrets (and terminal escapes): every scan mode and format, the ci gate and
   * the three hooks redact them all.
   */
  @Test
  void secretsInFileNamesAuthorsMessagesAndAllowReasonsAreRedactedEverywhere() throws IOException {
    Path hostile = g.repo("hostile", false);
    g.ok(hostile, "branch", "base");
    GitCli.write(hostile, "names/" + Planted.PAT + ".env", "GITHUB_TOKEN=" + Planted.PAT + "\n");
    GitCli.write(
        hostile,
        "names/ctl" + ESC + "]0;pwned\u0007" + ESC + "[2J.env",
        "TOKEN=" + Planted.PAT + "\n");
    GitCli.write(
        hostile,
        "src/allow.js",
        "/* sealant:allow -- fixture */ t = \""
            + Planted.PAT
            + "\";\n"
            + "k = \""
            + Planted.PAT
            + "\" // sealant:allow -- copied "
            + Planted.PAT
            + " from prod\n"
            + "password = \""
            + Planted.PASSWORD
            + "\" # sealant:allow -- was "
            + Planted.PASSWORD
            + " "
            + Planted.PAT
            + "\n");
    g.ok(hostile, "add", "-A");
    Map<String, String> author =
        Map.of(
            "GIT_AUTHOR_NAME",
            "Eve " + Planted.PAT + " " + Planted.PASSWORD + ESC + "[31m",
            "GIT_AUTHOR_EMAIL",
            Planted.PASSWORD + "@" + Planted.PAT + ".invalid");
    GitCli.Result c =
        g.run(
            hostile,
            "",
            author,
            "git",
            "commit",
            "-q",
            "-m",
            "add " + Planted.PAT + " " + Planted.PASSWORD);
    assertEquals(0, c.code(), c.all());
    GitCli.write(hostile, "staged/" + Planted.PAT + ".txt", "token: " + Planted.PAT + "\n");
    g.ok(hostile, "add", "-A");

    for (List<String> mode :
        List.of(
            List.<String>of(),
            List.of("--staged"),
            List.of("--no-git", "."),
            List.of("--range", "base..main"))) {
      for (String format : FORMATS) {
        for (boolean file : List.of(false, true)) {
          List<String> args =
              new ArrayList<>(List.of("scan", "-f", format, "--include-suppressed", "-v"));
          args.addAll(mode);
          Path out = reports.resolve("hostile-" + format + mode.size() + file);
          if (file) {
            args.addAll(List.of("-o", out.toString()));
          }
          Cli.Run r = Cli.run(hostile, "", Map.of(), args.toArray(new String[0]));
          String label = "hostile " + mode + " " + format + (file ? " file" : "");
          assertEquals(1, r.code(), label + ": " + r.all());
          assertNoLeakNorControl(label + " stderr", r.err());
          String report = file ? Files.readString(out) : r.out();
          Planted.assertNoLeak(label + " report", report);
          if (format.equals("text")) {
            assertNoLeakNorControl(label + " report", report);
          }
          if (format.equals("json") && mode.isEmpty()) {
            assertTrue(
                report.contains("ghp_***.env") && report.contains("\"reason\": \"fixture\""),
                label + report);
          }
        }
      }
    }
    for (String format : FORMATS) {
      Path sarif = reports.resolve("hostile-ci-" + format + ".sarif");
      Cli.Run ci =
          Cli.run(
              hostile,
              "",
              Map.of(),
              "ci",
              "--base",
              "base",
              "-f",
              format,
              "--include-suppressed",
              "--sarif",
              sarif.toString());
      assertEquals(1, ci.code(), ci.all());
      assertNoLeakNorControl("hostile ci " + format + " stderr", ci.err());
      Planted.assertNoLeak("hostile ci " + format, ci.out());
      Planted.assertNoLeak("hostile ci sarif", Files.readString(sarif));
    }

    assertEquals(0, g.sealant(hostile, "install", "--pre-commit", "--pre-push").code());
    GitCli.Result commit = g.git(hostile, "commit", "-m", "leak " + Planted.PAT);
    assertNotEquals(0, commit.code(), commit.all());
    assertNoLeakNorControl("hostile pre-commit", commit.all());
    Path target = tmp.resolve("hostile-target.git");
    g.ok(tmp, "init", "-q", "--bare", target.toString());
    GitCli.Result push = g.git(hostile, "push", target.toString(), "main");
    assertNotEquals(0, push.code(), push.all());
    assertTrue(
        push.err().contains("PUSH BLOCKED") && push.err().contains("Author: Eve ghp_***"),
        push.err());
    assertNoLeakNorControl("hostile pre-push", push.all());
    assertEquals(0, g.sealant(target, "install").code());
    GitCli.Result receive = g.git(hostile, "push", "--no-verify", target.toString(), "main");
    assertNotEquals(0, receive.code(), receive.all());
    assertNoLeakNorControl("hostile pre-receive", receive.all());
  }

  /**
   * A secret pasted where Sealant expects something else (a fingerprint, a config key or value, a
   * rule id, a YAML alias or anchor, a baseline field, an option value, a path, a revision) is
   * never echoed by the error, with or without {@code --verbose}.
   */
  @Test
  void errorsNeverEchoASecretPastedAsAValue() throws IOException {
    String pat = Planted.PAT;
    String pw = Planted.PASSWORD;
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("config key", pat + ": 1\n");
    configs.put("config key (password)", pw + ": 1\n");
    configs.put("nested key", "allow:\n  " + pat + ": [a]\n");
    configs.put("disable entry", "disable: [" + pat + "]\n");
    configs.put("disable entry (password)", "disable: [" + pw + "]\n");
    configs.put("config value", "extend: " + pat + "\n");
    configs.put("undefined alias", "allow:\n  stopwords: *" + pat + "\n");
    configs.put("undefined alias (password)", "allow:\n  stopwords: *" + pw + "\n");
    configs.put(
        "anchor and bad alias", "allow: &" + pat + "\n  stopwords: [a]\nextend: *" + pw + "x\n");
    configs.put(
        "duplicate anchor key",
        "allow: &" + pat + " {stopwords: [a]}\n" + pat + ": *" + pat + "\n");
    configs.put("bad scalar", "extend: [" + pat + "\n");
    configs.put("tab", "allow:\n\t" + pat + ": x\n");
    int n = 0;
    for (Map.Entry<String, String> e : configs.entrySet()) {
      Path config = reports.resolve("hostile-config-" + n++ + ".yaml");
      Files.writeString(config, e.getValue());
      for (boolean verbose : List.of(false, true)) {
        List<String> args =
            new ArrayList<>(List.of("scan", "--no-git", ".", "--config", config.toString()));
        if (verbose) {
          args.add("--verbose");
        }
        Cli.Run r = run("", args);
        assertEquals(2, r.code(), e.getKey() + ": " + r.all());
        assertTrue(r.err().contains(config.toString()), e.getKey() + " names the file: " + r.err());
        Planted.assertNoLeak(e.getKey() + (verbose ? " --verbose" : ""), r.all());
      }
    }

    Path ignore = reports.resolve("hostile.sealantignore");
    for (String line :
        List.of(
            pat + " -- pasted",
            pat,
            "\uFEFF" + pat + " -- bom",
            "0123456789abcdef0123456789abcdef -- x # expires " + pat,
            pw + " -- pw")) {
      Files.writeString(ignore, line + "\n");
      Cli.Run r =
          run(
              "",
              List.of("scan", "--no-git", ".", "--ignore-file", ignore.toString(), "--verbose"));
      assertEquals(2, r.code(), line + ": " + r.all());
      assertTrue(r.err().contains(ignore + ":1:"), r.err());
      Planted.assertNoLeak("ignore entry " + line, r.all());
    }
    Files.writeString(
        ignore, "0123456789abcdef0123456789abcdef -- rotated " + pat + " " + pw + "\n");
    for (String format : FORMATS) {
      Cli.Run r =
          run(
              "",
              List.of(
                  "scan",
                  "--no-git",
                  ".",
                  "--ignore-file",
                  ignore.toString(),
                  "-f",
                  format,
                  "--include-suppressed",
                  "--report-unused-ignores"));
      Planted.assertNoLeak("ignore reason " + format, r.all());
    }

    Path baseline = reports.resolve("hostile-baseline.json");
    for (String doc :
        List.of(
            "{\"version\": \"" + pat + "\", \"findings\": []}",
            "{\"version\": 1, \"findings\": [{\"fingerprint\": \"" + pat + "\"}]}",
            "{\"version\": " + pw.length() + ", \"" + pat + "\": []}",
            "{\"" + pat)) {
      Files.writeString(baseline, doc);
      Cli.Run r =
          run("", List.of("scan", "--no-git", ".", "--baseline", baseline.toString(), "--verbose"));
      assertEquals(2, r.code(), doc + ": " + r.all());
      Planted.assertNoLeak("baseline " + doc, r.all());
    }

    for (List<String> args :
        List.of(
            List.of("ignore", pat, "--reason", "x"),
            List.of("ignore", pw, "--reason", "x", "--verbose"),
            List.of("scan", "--format", pat),
            List.of("scan", "--" + pat),
            List.of("scan", "--max-file-size", pat),
            List.of("scan", "--range", pat + "..main", "--verbose"),
            List.of("scan", "--since", pw),
            List.of("scan", "--no-git", "missing/" + pat, "--verbose"),
            List.of("scan", "--config", pat + ".yaml"),
            List.of("scan", "--patterns", pat),
            List.of("ci", "--base", pat),
            List.of("ci", "--base", "base", "--head", pw, "--verbose"),
            List.of("rules", "test", "--rule", pat),
            List.of("import", pat, "x"),
            List.of("scan", "-o", "missing/" + pat + "/out.json"),
            List.of(pat))) {
      Cli.Run r = run("", args);
      assertTrue(r.code() == 2 || r.code() == 3, args + ": " + r.all());
      Planted.assertNoLeak(String.join(" ", args), r.all());
    }
  }

  /**
   * What the non-report commands print back (a file name, a reason, an input line) is redacted too.
   */
  @Test
  void commandsEchoNoSecretGivenAsAFileNameReasonOrInputLine() throws IOException {
    Path dirOut = Files.createDirectories(reports.resolve("echo"));
    Cli.Run b =
        run("", List.of("baseline", "-o", dirOut.resolve(Planted.PAT + ".json").toString()));
    assertEquals(0, b.code(), b.all());
    Planted.assertNoLeak("baseline -o name", b.all());
    Cli.Run i =
        run(
            "",
            List.of(
                "ignore",
                "0123456789abcdef0123456789abcdef",
                "--reason",
                "rotated " + Planted.PAT,
                "--file",
                dirOut.resolve("ignore-" + Planted.PASSWORD).toString()));
    // Refused: the ignore file is committed, so a reason holding a secret is never written.
    assertEquals(2, i.code(), i.all());
    Planted.assertNoLeak("ignore echo", i.all());
    assertFalse(Files.exists(dirOut.resolve("ignore-" + Planted.PASSWORD)), i.all());
    Path gitleaks = dirOut.resolve("gitleaksignore");
    Files.writeString(
        gitleaks, "not-a-commit:" + Planted.PAT + ":rule:1\n" + Planted.PASSWORD + "\n");
    Cli.Run im =
        run(
            "",
            List.of(
                "import",
                "gitleaks-ignore",
                gitleaks.toString(),
                "--output",
                dirOut.resolve("imported").toString()));
    Planted.assertNoLeak("import echo", im.all());
  }

  @Test
  void showSecretsRevealsThemSoTheCheckerCanSeeALeak() {
    Cli.Run r = run("", List.of("scan", "--format", "json", "--show-secrets"));
    assertEquals(1, r.code(), r.all());
    List<String> leaks = Planted.leaks(r.out());
    assertTrue(r.out().contains(Planted.PAT), r.out());
    assertTrue(leaks.stream().anyMatch(l -> l.startsWith("github PAT")), leaks.toString());
    assertTrue(leaks.stream().anyMatch(l -> l.startsWith("PEM body")), leaks.toString());
    assertFalse(Planted.leaks("ghp_D0lP***").stream().findAny().isPresent());
  }
}
