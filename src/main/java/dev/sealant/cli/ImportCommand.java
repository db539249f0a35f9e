package dev.sealant.cli;

import dev.sealant.allow.IgnoreFile;
import dev.sealant.allow.Importers;
import dev.sealant.allow.Suppressions;
import dev.sealant.error.ConfigException;
import dev.sealant.error.ExitCodes;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.LineLookup;
import dev.sealant.scan.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealant import KIND FILE}: convert another scanner's suppressions to {@code
 * .sealantignore}.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Convert another scanner's suppressions into .sealantignore entries, for teams switching.",
      "KIND is gitleaks-ignore (a .gitleaksignore file) or detect-secrets-baseline (.secrets.baseline).",
      "Their entries name positions; an entry converts only when Sealant finds exactly that secret on",
      "the line it names, and is then scoped to that path. The rest is listed, never guessed.",
      "Run it from the repository root."
    })
public final class ImportCommand implements Callable<Integer> {

  private final Env env;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      description = "gitleaks-ignore or detect-secrets-baseline")
  String kind;

  @Parameters(index = "1", paramLabel = "FILE", description = "The file to convert.")
  String file;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      defaultValue = IgnoreFile.FILE_NAME,
      description = "The ignore file to append to (default: ${DEFAULT-VALUE}).")
  String output;

  @Mixin CatalogOptions catalog;

  @Mixin SuppressionOptions suppression;

  public ImportCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Path in = env.resolve(file);
    String text;
    try {
      text = Files.readString(in, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
    Session session = suppression.session(env, () -> catalog.load(env), Limits.defaults(), 1);
    Suppressions sup = session.configuration(env.cwd());
    LineLookup lines = session.committedLines();
    Importers.Conversion o =
        switch (kind) {
          case "gitleaks-ignore" -> Importers.gitleaksIgnore(file, text, sup.engine(), lines);
          case "detect-secrets-baseline" ->
              Importers.detectSecretsBaseline(file, text, sup.engine(), lines);
          default ->
              throw new UsageException(
                  "unknown KIND '"
                      + kind
                      + "' (expected gitleaks-ignore or detect-secrets-baseline)");
        };
    if (!o.entries().isEmpty()) {
      Path out = env.resolve(output);
      try {
        IgnoreFile.append(out, o.entries());
      } catch (IOException e) {
        throw new ScanIoException("cannot write " + output + ": " + e.getMessage(), e);
      }
    }
    for (String f : o.notConverted()) {
      env.out().println(Messages.safe("not converted: " + f));
    }
    env.out()
        .printf(
            "%d converted into %s, %d not converted%n",
            o.entries().size(), Messages.safe(output), o.notConverted().size());
    return ExitCodes.CLEAN;
  }
}
