package dev.sealant.cli;

import dev.sealant.allow.BaselineFilter;
import dev.sealant.allow.IgnoreFilter;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.detect.Display;
import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ExitCodes;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.FindingFilter;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Redaction;
import dev.sealant.kernel.Suppression;
import dev.sealant.scan.ScanRequest;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Scanner;
import dev.sealant.scan.Session;
import dev.sealant.source.Content;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealant explain PATH:LINE} (or a fingerprint): the detector's decision trace for one line,
 * as a user tuning a false positive (or chasing a miss) needs it. Secrets are redacted as in every
 * report unless {@code --show-secrets}; the line itself is never printed.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Show why a line is (or is not) reported: the path allowlists' verdict, which rules' keywords",
      "hit, what each regex matched, entropy against the threshold, the allowlists and validator,",
      "inline annotations, a generic rule stepping aside, and the ignore file and baseline.",
      "Reads the file on disk with the configuration that applies to it. At most "
          + ExplainSteps.MAX_SHOWN
          + " steps",
      "and " + ExplainRender.MAX_FINDINGS + " findings are shown per line (the rest are counted).",
      "Exit code 0; 2 when the line does not exist or no file under DIR has the fingerprint."
    },
    footer = {
      "",
      "Examples:",
      "  sealant explain config/app.env:12",
      "  sealant explain 3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d     find the fingerprint's lines here, explain each"
    })
public final class ExplainCommand implements Callable<Integer> {

  private final Env env;

  @Parameters(
      index = "0",
      paramLabel = "PATH:LINE|FINGERPRINT",
      description = "A file and line, or a fingerprint.")
  String target;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Where to look for a fingerprint's lines (default: the current directory).")
  String dir;

  @Option(
      names = "--show-secrets",
      description = "Print candidate secrets in full (redacted by default).")
  boolean showSecrets;

  @Mixin CatalogOptions catalogOptions = new CatalogOptions();
  @Mixin SuppressionOptions suppression = new SuppressionOptions();

  public ExplainCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Catalog catalog = catalogOptions.load(env);
    Session session = suppression.session(env, () -> catalog, Limits.defaults(), 1);
    if (Fingerprints.isFingerprint(target)) {
      return byFingerprint(session);
    }
    int colon = target.lastIndexOf(':');
    int line = colon > 0 ? lineNumber(target.substring(colon + 1)) : -1;
    if (line < 1) {
      throw new UsageException(
          "'explain' needs PATH:LINE (a 1-based line) or a 32-digit fingerprint");
    }
    Path file = env.resolve(target.substring(0, colon));
    Path root = root(file);
    Suppressions sup = session.configuration(root);
    explain(env.out(), root, file, List.of(line), sup);
    return ExitCodes.CLEAN;
  }

  private static int lineNumber(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  /**
   * The root the configuration lives at: the enclosing repository's work tree, else the current
   * directory.
   */
  private Path root(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (Path p = abs.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return env.cwd().toAbsolutePath().normalize();
  }

  private int byFingerprint(Session session) {
    Path root = env.resolve(dir == null ? "." : dir).toAbsolutePath().normalize();
    // The files under the directory (never its history), configured at the directory.
    Session.Outcome o =
        session
            .run(
                new ScanRequest.OnDisk(List.of(root.toString()), true, false, false),
                new Session.Listener() {})
            .orElseThrow();
    Suppressions sup = o.suppressions();
    ScanResult r = o.result();
    List<Finding> hits = new ArrayList<>();
    for (List<Finding> fs : List.of(r.findings(), r.suppressed())) {
      fs.stream().filter(f -> f.fingerprint().equals(target)).forEach(hits::add);
    }
    if (hits.isEmpty()) {
      throw new UsageException(
          "no finding with fingerprint "
              + target
              + " in the files under "
              + Display.redacting(sup.engine()).terminal(root.toString())
              + " (history is not searched; try PATH:LINE)");
    }
    hits.sort(Scanner.ORDER);
    // One explanation per line, however often the secret repeats on it; the lines of a file are
    // explained from one scan of it.
    Map<String, TreeSet<Integer>> lines = new LinkedHashMap<>();
    for (Finding f : hits) {
      lines.computeIfAbsent(f.path(), k -> new TreeSet<>()).add(f.line());
    }
    for (Map.Entry<String, TreeSet<Integer>> e : lines.entrySet()) {
      explain(env.out(), root, root.resolve(e.getKey()), List.copyOf(e.getValue()), sup);
    }
    return ExitCodes.CLEAN;
  }

  private void explain(
      PrintStream out, Path root, Path file, List<Integer> lines, Suppressions sup) {
    String rel = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScanIoException(
          file.getFileName() + ": cannot read: " + e.getClass().getSimpleName(), e);
    }
    // A file name may itself hold a secret: shown as every report shows it.
    Display display = showSecrets ? Display.PLAIN : Display.redacting(sup.engine());
    boolean binary = Content.isBinary(bytes);
    String text = binary ? "" : Content.decode(bytes);
    long count = binary ? 0 : text.lines().count();
    int last = lines.get(lines.size() - 1);
    if (!binary && last > count) {
      // Checked before anything is printed: an error never follows half an explanation.
      throw new UsageException(
          display.terminal(rel) + " has " + count + " lines; there is no line " + last);
    }
    for (int line : lines) {
      out.println("explain " + display.terminal(rel) + ":" + line);
      if (binary) {
        out.println("  file  binary (a NUL byte early on): never scanned");
        continue;
      }
      ExplainSteps steps = new ExplainSteps(line);
      List<Finding> found = sup.engine().traced(steps).scan(Fragment.of(rel, text));
      new ExplainRender(out, showSecrets)
          .render(
              line,
              steps.shown(),
              steps.hidden(),
              found.stream().filter(f -> f.line() == line).toList(),
              verdicts(sup));
    }
  }

  /** Each post-detection filter by name, as the explanation lists it. */
  private static List<ExplainRender.Filter> verdicts(Suppressions sup) {
    List<ExplainRender.Filter> out = new ArrayList<>();
    boolean ignore = false;
    boolean baseline = false;
    for (FindingFilter f : sup.filters()) {
      String name =
          f instanceof IgnoreFilter
              ? "ignore file"
              : f instanceof BaselineFilter ? "baseline" : "filter";
      ignore |= f instanceof IgnoreFilter;
      baseline |= f instanceof BaselineFilter;
      out.add(new ExplainRender.Filter(name, Optional.of(f::suppress)));
    }
    if (!ignore) {
      out.add(new ExplainRender.Filter("ignore file", Optional.empty()));
    }
    if (!baseline) {
      out.add(new ExplainRender.Filter("baseline", Optional.empty()));
    }
    return out;
  }

  static String show(String secret, boolean showSecrets) {
    return showSecrets ? secret : Redaction.redact(secret);
  }

  static String kind(Suppression s) {
    return switch (s.kind()) {
      case INLINE -> "an inline sealant:allow annotation";
      case IGNORE_FILE -> "the ignore file";
      case BASELINE -> "the baseline";
    };
  }
}
