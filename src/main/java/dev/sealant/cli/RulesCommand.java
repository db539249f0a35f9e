package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.Rule;
import dev.sealant.detect.RuleSelfTest;
import dev.sealant.error.ExitCodes;
import dev.sealant.error.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sealant rules}: list the catalog, or run every rule's own examples. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Inspect and test the rule catalog.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class})
public final class RulesCommand {

  /** {@code sealant rules list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every rule: id, severity, keywords and description.")
  static final class ListRules implements Callable<Integer> {
    private final Env env;

    @Mixin CatalogOptions catalog;

    ListRules(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Catalog cat = catalog.load(env);
      PrintStream out = env.out();
      int width = cat.rules().stream().mapToInt(r -> r.id().length()).max().orElse(2);
      out.printf(
          "%-" + width + "s  %-8s  %-30s  %s%n", "ID", "SEVERITY", "KEYWORDS", "DESCRIPTION");
      for (Rule r : cat.rules().stream().sorted(Comparator.comparing(Rule::id)).toList()) {
        String kw = String.join(",", r.keywords());
        if (kw.length() > 30) {
          kw = kw.substring(0, 27) + "...";
        }
        out.printf(
            "%-" + width + "s  %-8s  %-30s  %s%n",
            r.id(),
            r.severity().label(),
            Messages.safe(kw),
            Messages.safe(r.description()));
      }
      out.printf("%d rules%n", cat.rules().size());
      return ExitCodes.CLEAN;
    }
  }

  /** {@code sealant rules test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run every rule's own examples: each 'match' example must yield exactly its secret, each",
        "'noMatch' example nothing. Exit 1 if any example fails. Use --patterns to test your own."
      })
  static final class TestRules implements Callable<Integer> {
    private final Env env;

    @Mixin CatalogOptions catalog;

    @Option(names = "--rule", paramLabel = "ID", description = "Only test this rule.")
    String only;

    @Option(
        names = {"-c", "--config"},
        paramLabel = "FILE",
        description =
            "Also test the rules of this configuration (default: $SEALANT_CONFIG, else"
                + " .sealant.yaml in the working directory when there is one).")
    String config;

    TestRules(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Catalog cat = withConfigRules(catalog.loadWithExamples(env));
      List<RuleSelfTest.Result> results = RuleSelfTest.run(cat);
      int failed = 0;
      int ran = 0;
      for (RuleSelfTest.Result r : results) {
        if (only != null && !r.ruleId().equals(only)) {
          continue;
        }
        ran++;
        if (!r.passed()) {
          failed++;
          env.out().println("FAIL " + r.describe());
        }
      }
      if (only != null && ran == 0) {
        throw new UsageException("--rule " + only + ": no such rule in the catalog");
      }
      env.out().printf("%d passed, %d failed%n", ran - failed, failed);
      return failed == 0 ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }

    /** The catalog plus the rules a repository configuration adds (and minus those it disables). */
    private Catalog withConfigRules(Catalog cat) {
      Optional<Path> given =
          Optional.ofNullable(config).or(() -> env.var("SEALANT_CONFIG")).map(env::resolve);
      return Suppressions.withConfigRules(cat, given, env.cwd());
    }
  }
}
