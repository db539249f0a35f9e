package dev.sealant.cli;

import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.report.Format;
import dev.sealant.report.ReportOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Report options shared by every command that reports findings. */
public final class OutputOptions {

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      converter = FormatConverter.class, completionCandidates = FormatNames.class,
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (created with mode 0600) instead of standard output.")
  String output;

  @Option(names = "--show-secrets",
      description = "Print secrets in full. By default every report redacts them.")
  boolean showSecrets;

  @Option(names = "--redact",
      description = "Redact secrets in the report (the default; for the habit of other scanners).")
  boolean redact;

  @Option(names = "--exit-code", paramLabel = "N", defaultValue = "1",
      description = "Exit with N when secrets are found (default: ${DEFAULT-VALUE}; 0 reports without failing).")
  int exitCode;

  @Option(names = "--include-suppressed",
      description = "Also report suppressed findings, with who suppressed them and why.")
  boolean includeSuppressed;

  @Option(names = "--no-color", description = "No colour in the text report (also: NO_COLOR set).")
  boolean noColor;

  @Option(names = {"-v", "--verbose"},
      description = "List skipped inputs (binary, too large, symlinks); stack traces on internal errors.")
  boolean verbose;

  /** Reads a format name, naming the valid ones in lower case when it is not one. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value).orElseThrow(() -> new TypeConversionException(
          "expected one of " + Format.names() + " but was '" + value + "'"));
    }
  }

  /** The format names, for help text and shell completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Format.values()).map(Format::toString).iterator();
    }
  }

  public Format format() {
    return format;
  }

  /** The exit code for a scan with findings: {@code --exit-code}, checked to be one a shell keeps. */
  public int findingsExitCode() {
    if (exitCode < 0 || exitCode > 125) {
      throw new UsageException("--exit-code must be between 0 and 125 (was " + exitCode + ")");
    }
    return exitCode;
  }

  public boolean verbose() {
    return verbose;
  }

  public ReportOptions reportOptions(Env env) {
    boolean color = !noColor && output == null && env.var("NO_COLOR").isEmpty()
        && Terminal.attached() && env.out() == System.out && !"dumb".equals(env.vars().get("TERM"));
    return new ReportOptions(showSecrets, includeSuppressed, color, verbose);
  }

  public Optional<Path> outputPath(Env env) {
    return Optional.ofNullable(output).map(env::resolve);
  }

  /** Checks the output path up front, so a typo fails before a long scan rather than after it. */
  public void checkOutput(Env env) {
    if (redact && showSecrets) {
      throw new UsageException("choose one of --redact and --show-secrets");
    }
    findingsExitCode();
    outputPath(env).ifPresent(p -> checkWritable("--output", output, p));
  }

  /**
   * Fails with a usage error (exit 2) unless a report can be written at {@code path}: it is not a
   * directory, its directory exists, and the file (or, for a new file, its directory) is writable.
   */
  static void checkWritable(String option, String given, Path path) {
    Path parent = Optional.ofNullable(path.getParent()).orElse(Path.of("."));
    String what = option + " " + given + ": ";
    if (Files.isDirectory(path)) {
      throw new UsageException(what + "is a directory");
    }
    if (Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new UsageException(what + parent + " is not a directory");
    }
    if (!Files.isDirectory(parent)) {
      throw new UsageException(what + "directory " + parent + " does not exist");
    }
    if (Files.exists(path) ? !Files.isWritable(path) : !Files.isWritable(parent)) {
      throw new UsageException(what + "not writable");
    }
  }

  /** Writes the report to {@code --output} (mode 0600) or standard output. */
  public void write(Env env, String report) {
    Optional<Path> p = outputPath(env);
    if (p.isEmpty()) {
      env.out().print(report);
      env.out().flush();
      return;
    }
    try {
      writePrivate(p.get(), report);
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + p.get() + ": " + e.getMessage(), e);
    }
  }

  /** Creates or truncates a file readable by its owner only, then writes the text. */
  static void writePrivate(Path path, String text) throws IOException {
    try {
      if (!Files.exists(path)) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the platform's default permissions apply.
    }
    Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, StandardOpenOption.CREATE);
  }
}
