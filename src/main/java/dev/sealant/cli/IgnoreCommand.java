package dev.sealant.cli;

import dev.sealant.allow.IgnoreFile;
import dev.sealant.error.ConfigException;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealant ignore FINGERPRINT --reason ...}: appends an entry to the ignore file. */
@Command(
    name = "ignore",
    mixinStandardHelpOptions = true,
    description = {
      "Record a finding as not a secret (or already rotated) in the ignore file, by the fingerprint",
      "printed in reports. The entry survives line moves and renames, applies to every commit,",
      "and stops matching if the secret changes."
    },
    footer = {
      "",
      "Example:",
      "  sealant ignore 3f2a9c0d4b1e8f7a6c5d4e3f2a1b0c9d --reason \"test fixture\" --expires 2027-03-01"
    })
public final class IgnoreCommand implements Callable<Integer> {

  private final Env env;

  @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The finding's fingerprint.")
  String fingerprint;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why this is not a leak (required).")
  String reason;

  @Option(
      names = "--path",
      paramLabel = "GLOB",
      description = "Only ignore it in paths matching GLOB.")
  String path;

  @Option(
      names = "--expires",
      paramLabel = "YYYY-MM-DD",
      description = "Stop ignoring it from this date on.")
  String expires;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      defaultValue = IgnoreFile.FILE_NAME,
      description = "The ignore file (default: ${DEFAULT-VALUE}).")
  String file;

  public IgnoreCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Optional<LocalDate> exp = Optional.empty();
    if (expires != null) {
      try {
        exp = Optional.of(LocalDate.parse(expires));
      } catch (DateTimeParseException e) {
        throw new UsageException("--expires '" + expires + "' is not a date (YYYY-MM-DD)");
      }
    }
    // The ignore file is committed: what goes in it must be fit to show, as every report is.
    if (!Messages.safe(reason).equals(reason)) {
      throw new UsageException(
          "--reason holds a control character or what looks like a secret; nothing was"
              + " written to "
              + file
              + " (a file that is committed): describe the finding instead");
    }
    if (path != null && !Messages.safeName(path).equals(path)) {
      throw new UsageException(
          "--path holds a control character or what looks like a secret; nothing was"
              + " written to "
              + file
              + ": use a glob such as 'config/*.env'");
    }
    String line;
    try {
      line = IgnoreFile.format(fingerprint, Optional.ofNullable(path), reason, exp);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    Path p = env.resolve(file);
    try {
      IgnoreFile.append(p, List.of(line));
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + p + ": " + e.getMessage(), e);
    }
    env.out().println(Messages.safe("Added to " + file + ": " + line));
    return ExitCodes.CLEAN;
  }
}
