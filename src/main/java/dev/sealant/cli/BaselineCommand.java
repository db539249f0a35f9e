package dev.sealant.cli;

import dev.sealant.allow.Baseline;
import dev.sealant.error.ConfigException;
import dev.sealant.error.ScanIoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sealant baseline}: record accepted findings; {@code baseline merge}: the git merge driver. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Manage the baseline of accepted findings.",
    subcommands = {BaselineCommand.Merge.class})
public final class BaselineCommand {

  /** {@code sealant baseline merge BASE OURS THEIRS}: a three-way merge, written to OURS. */
  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = {
        "Three-way merge of baseline files, for git's merge driver: entries added on either side are",
        "kept, entries removed on either side are removed. Writes the result to OURS. Set it up with:",
        "  git config merge.sealant-baseline.driver 'sealant baseline merge %O %A %B'",
        "  echo '.sealant-baseline.json merge=sealant-baseline' >> .gitattributes"
      })
  static final class Merge implements Callable<Integer> {
    private final Env env;

    @Parameters(index = "0", paramLabel = "BASE") String base;

    @Parameters(index = "1", paramLabel = "OURS") String ours;

    @Parameters(index = "2", paramLabel = "THEIRS") String theirs;

    Merge(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Set<Baseline.Entry> merged = Baseline.merge(read(base), read(ours), read(theirs));
      try {
        Files.writeString(env.resolve(ours), Baseline.write(merged), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ScanIoException("cannot write " + ours + ": " + e.getMessage(), e);
      }
      return ExitCodes.CLEAN;
    }

    private Set<Baseline.Entry> read(String file) {
      Path p = env.resolve(file);
      try {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        return text.isBlank() ? Set.of() : Baseline.parse(file, text);
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
  }
}
