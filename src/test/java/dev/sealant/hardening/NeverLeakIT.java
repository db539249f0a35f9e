package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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

  static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "csv");

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
    GitCli.write(repo, "staged/creds.txt", "token: " + Planted.PAT + "\n" + Planted.PEM
        + "password = \"" + Planted.PASSWORD + "\"\n");
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
  private static String check(String label, String stdin, List<String> command, boolean toFile) throws IOException {
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
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), label);
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
            String label = m.name() + " " + format + (suppressed ? " suppressed" : "") + (toFile ? " file" : "");
            String report = check(label, m.stdin(), args, toFile);
            if (format.equals("json")) {
              assertTrue(report.contains("github-pat-classic") && report.contains("private-key-pem"), label + report);
              assertTrue(m.name().equals("staged") || report.contains("\"encoding\": \"base64\""), label + report);
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
        check("ci " + format + (toFile ? " file" : ""), "", List.of("ci", "--base", "base", "--format", format,
            "--include-suppressed", "--sarif", sarif.toString()), toFile);
        Planted.assertNoLeak("ci --sarif file", Files.readString(sarif));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif)));
      }
    }
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
    Cli.Run i = run("", List.of("ignore", fingerprint, "--reason", "rotated", "--file", ignore.toString()));
    assertEquals(0, i.code(), i.all());
    Planted.assertNoLeak("ignore output", i.all());
    Planted.assertNoLeak("ignore file", Files.readString(ignore));

    String head = g.ok(repo, "rev-parse", "main").trim();
    Path gitleaks = reports.resolve("gitleaksignore");
    Files.writeString(gitleaks, head + ":config/app.env:github-pat:2\n" + head + ":src/settings.py:generic:2\n");
    Path imported = reports.resolve("imported");
    Cli.Run im = run("", List.of("import", "gitleaks-ignore", gitleaks.toString(), "--output", imported.toString()));
    assertEquals(0, im.code(), im.all());
    Planted.assertNoLeak("import output", im.all());
    if (Files.exists(imported)) {
      Planted.assertNoLeak("imported ignore file", Files.readString(imported));
    }

    for (String format : FORMATS) {
      Cli.Run s = run("", List.of("scan", "--format", format, "--include-suppressed", "--baseline", baseline.toString(),
          "--ignore-file", ignore.toString(), "--report-unused-ignores"));
      assertEquals(0, s.code(), s.all());
      Planted.assertNoLeak("suppressed " + format, s.all());
    }
  }

  @Test
  void explainPrintsNoSecretForAnyFindingByLineOrFingerprint() {
    String json = run("", List.of("scan", "--no-git", "--format", "json", "--include-suppressed", ".")).out();
    int explained = 0;
    for (int at = json.indexOf("\"path\": \""); at >= 0; at = json.indexOf("\"path\": \"", at + 1)) {
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
    Files.delete(clone.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2)));
    Cli.Run missing = Cli.run(clone, "", Map.of(), "scan", "--verbose");
    assertEquals(3, missing.code(), missing.all());
    assertTrue(missing.err().contains(blob), missing.err());
    Planted.assertNoLeak("missing object --verbose", missing.all());

    Path config = reports.resolve("broken.yaml");
    Files.writeString(config, "allow:\n  stopwords: [" + Planted.PASSWORD + "\n  regexes: '" + Planted.PAT + "\n");
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
