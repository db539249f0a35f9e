package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.detect.Display;
import dev.sealant.error.ExitCodes;
import dev.sealant.error.Failure;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Skipped;
import dev.sealant.report.ReportOptions;
import dev.sealant.report.TextReporter;
import dev.sealant.scan.ScanRequest;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealant hook NAME}: what the installed hook scripts run. The report goes to standard error
 * (git shows it to the user); standard output carries one status line, {@code sealant-hook: clean}
 * or {@code sealant-hook: blocked}, which the script reads to tell a verdict from a sealant that
 * could not run at all.
 */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = {
      "Run a git hook's scan. The scripts 'sealant install' writes call this; exit 1 blocks."
    },
    subcommands = {
      HookCommand.PreCommitCommand.class,
      HookCommand.PreApplypatchCommand.class,
      HookCommand.PrePushCommand.class,
      HookCommand.PreReceiveCommand.class
    })
public final class HookCommand implements Callable<Integer> {

  static final String CLEAN = "sealant-hook: clean";
  static final String BLOCKED = "sealant-hook: blocked";

  /** The server's verdict: its report suggests nothing the server does not read. */
  private static final String REJECTED = "PUSH REJECTED";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** {@code sealant hook pre-commit}: the staged changes. */
  @Command(
      name = "pre-commit",
      mixinStandardHelpOptions = true,
      description = "Scan the staged changes (index against HEAD); exit 1 blocks the commit.")
  static final class PreCommitCommand implements Callable<Integer> {
    private final Env env;
    @Mixin CatalogOptions catalog;
    @Mixin SuppressionOptions suppression;

    PreCommitCommand(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return preCommit(env, catalog, suppression);
    }
  }

  /**
   * {@code sealant hook pre-applypatch}: {@code git am} applies a patch to the index and commits it
   * without running pre-commit, so a mailed or downloaded patch would go in unscanned; this hook
   * scans the same staged changes before the commit is made.
   */
  @Command(
      name = "pre-applypatch",
      mixinStandardHelpOptions = true,
      description =
          "Scan the staged changes of a patch 'git am' applied; exit 1 stops it before the commit.")
  static final class PreApplypatchCommand implements Callable<Integer> {
    private final Env env;
    @Mixin CatalogOptions catalog;
    @Mixin SuppressionOptions suppression;

    PreApplypatchCommand(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return preCommit(env, catalog, suppression, "PATCH BLOCKED", "git am --no-verify");
    }
  }

  static int preCommit(Env env, CatalogOptions catalog, SuppressionOptions suppression) {
    return preCommit(env, catalog, suppression, "COMMIT BLOCKED", "git commit --no-verify");
  }

  static int preCommit(
      Env env,
      CatalogOptions catalog,
      SuppressionOptions suppression,
      String verdict,
      String bypass) {
    Session.Outcome o = scan(env, catalog, suppression, new ScanRequest.Staged(true));
    return gate(env, o, verdict, "the staged changes", bypass, Advice::preCommit);
  }

  /**
   * Runs a hook's request in a session with default limits, every core and the catalog loaded once
   * the repository is open; a hook shows no progress.
   */
  private static Session.Outcome scan(
      Env env, CatalogOptions catalog, SuppressionOptions suppression, ScanRequest request) {
    return suppression
        .session(env, () -> catalog.load(env), Limits.defaults(), cores())
        .run(request, new Session.Listener() {})
        .orElseThrow();
  }

  /** {@code sealant hook pre-push REMOTE URL}: the commits the remote does not have yet. */
  @Command(
      name = "pre-push",
      mixinStandardHelpOptions = true,
      description = "Scan the commits being pushed (read from standard input as git gives them).")
  static final class PrePushCommand implements Callable<Integer> {
    private final Env env;
    @Mixin CatalogOptions catalog;
    @Mixin SuppressionOptions suppression;

    @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote's name (or URL).")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "The remote's URL.")
    String url;

    PrePushCommand(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return prePush(env, catalog, suppression, remote);
    }
  }

  static int prePush(
      Env env, CatalogOptions catalog, SuppressionOptions suppression, String remote) {
    Session.Outcome o = scan(env, catalog, suppression, new ScanRequest.PrePush(remote));
    return gate(
        env,
        o,
        "PUSH BLOCKED",
        "the commits being pushed",
        "git push --no-verify",
        r -> Advice.prePush(o.rewrite(), r));
  }

  /** {@code sealant hook pre-receive}: the commits a push brings into this (bare) repository. */
  @Command(
      name = "pre-receive",
      mixinStandardHelpOptions = true,
      description = "Scan the incoming commits of a push (server side); exit 1 rejects the push.")
  static final class PreReceiveCommand implements Callable<Integer> {
    private final Env env;
    @Mixin CatalogOptions catalog;
    @Mixin SuppressionOptions suppression;

    PreReceiveCommand(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      return preReceive(env, catalog, suppression);
    }
  }

  static int preReceive(Env env, CatalogOptions catalog, SuppressionOptions suppression) {
    Session.Outcome o = scan(env, catalog, suppression, new ScanRequest.PreReceive());
    return gate(
        env,
        o,
        REJECTED,
        "the pushed commits",
        "none from the client; rewrite the commits as above and push again",
        r -> Advice.preReceive(o.rewrite(), r, env.var("SEALANT_CONFIG")));
  }

  /**
   * The hooks as git's scripts call them (no options), run without building the picocli model: a
   * pre-commit hook's whole budget is a few hundred milliseconds, and reflecting over every
   * command's options is a good part of it. Anything else goes through the full command line.
   */
  static Optional<Integer> fastPath(Env env, String... args) {
    if (args.length < 2 || !args[0].equals("hook")) {
      return Optional.empty();
    }
    for (String a : args) {
      if (a.startsWith("-")) {
        return Optional.empty();
      }
    }
    CatalogOptions catalog = new CatalogOptions();
    SuppressionOptions suppression = new SuppressionOptions();
    try {
      if (args[1].equals("pre-commit") && args.length == 2) {
        return Optional.of(preCommit(env, catalog, suppression));
      }
      if (args[1].equals("pre-applypatch") && args.length == 2) {
        return Optional.of(
            preCommit(env, catalog, suppression, "PATCH BLOCKED", "git am --no-verify"));
      }
      if (args[1].equals("pre-push") && (args.length == 3 || args.length == 4)) {
        return Optional.of(prePush(env, catalog, suppression, args[2]));
      }
      if (args[1].equals("pre-receive") && args.length == 2) {
        return Optional.of(preReceive(env, catalog, suppression));
      }
    } catch (RuntimeException e) {
      // The same line and code as Main's handler, less the --verbose hint: git runs the hook.
      env.err().println(Failure.line(e, Messages::safe, false));
      return Optional.of(Failure.exitCode(e));
    }
    return Optional.empty();
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs the scan; prints the report and the verdict on stderr, the status line on stdout. Content
   * that could not be scanned (over --max-file-size, unreadable) blocks like a secret unless {@code
   * SEALANT_ALLOW_UNSCANNED=1} (see {@link Unscanned}).
   */
  static int gate(
      Env env,
      Session.Outcome o,
      String verdict,
      String what,
      String bypass,
      Function<ScanResult, List<String>> advice) {
    ScanResult result = o.result();
    Suppressions sup = o.suppressions();
    Display display = Display.redacting(sup.engine());
    for (String w : result.warnings()) {
      env.err().println("sealant: warning: " + Messages.safe(sup.engine(), w));
    }
    List<Skipped> unscanned = Unscanned.of(result);
    boolean allowUnscanned = Unscanned.allowedByEnv(env);
    Unscanned.print(
        env.err(),
        display,
        unscanned,
        allowUnscanned,
        verdict,
        Unscanned.ENV
            + "=1 (for this command), or add the path to an allowlist; bypass: "
            + bypass);
    boolean blockUnscanned = !unscanned.isEmpty() && !allowUnscanned;
    if (result.findings().isEmpty() && !blockUnscanned) {
      env.out().println(CLEAN);
      env.out().flush();
      return ExitCodes.CLEAN;
    }
    if (result.findings().isEmpty()) {
      env.err().flush();
      env.out().println(BLOCKED);
      env.out().flush();
      return ExitCodes.FINDINGS;
    }
    boolean color = env.var("NO_COLOR").isEmpty() && Terminal.attached() && env.err() == System.err;
    env.err()
        .print(
            new TextReporter(!verdict.equals(REJECTED))
                .render(result, new ReportOptions(false, false, color, false).with(display)));
    int n = result.findings().size();
    env.err()
        .println(
            "sealant: "
                + verdict
                + ": "
                + n
                + (n == 1 ? " secret" : " secrets")
                + " in "
                + what
                + " (details above).");
    for (String line : advice.apply(result)) {
      // Advice quotes commit subjects and paths, which the repository controls: shown like
      // warnings.
      env.err().println("sealant:   " + Messages.safe(sup.engine(), line));
    }
    env.err().println("sealant:   bypass (the secret goes through unscanned): " + bypass);
    env.err().flush();
    env.out().println(BLOCKED);
    env.out().flush();
    return ExitCodes.FINDINGS;
  }
}
