package dev.sealant.cli;

import dev.sealant.detect.Display;
import dev.sealant.detect.Engine;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.report.Format;
import dev.sealant.report.ReportOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Report options shared by every command that reports findings. */
public final class OutputOptions {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      completionCandidates = FormatNames.class,
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (created with mode 0600) instead of standard output.")
  String output;

  @Option(
      names = "--show-secrets",
      description = "Print secrets in full. By default every report redacts them.")
  boolean showSecrets;

  @Option(
      names = "--redact",
      description = "Redact secrets in the report (the default; for the habit of other scanners).")
  boolean redact;

  @Option(
      names = "--exit-code",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Exit with N when secrets are found (default: ${DEFAULT-VALUE}; 0 reports without failing).")
  int exitCode;

  @Option(
      names = "--include-suppressed",
      description = "Also report suppressed findings, with who suppressed them and why.")
  boolean includeSuppressed;

  @Option(names = "--no-color", description = "No colour in the text report (also: NO_COLOR set).")
  boolean noColor;

  @Option(
      names = "--allow-unscanned",
      description =
          "Do not fail on content that could not be scanned (over --max-file-size, unreadable); "
              + "it is still listed. Also: SEALANT_ALLOW_UNSCANNED=1.")
  boolean allowUnscanned;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "List skipped inputs (binary, too large, symlinks); stack traces on internal errors.")
  boolean verbose;

  /** Reads a format name, naming the valid ones in lower case when it is not one. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected one of " + Format.names() + " but was '" + value + "'"));
    }
  }

  /** The format names, for help text and shell completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Format.values()).map(Format::toString).iterator();
    }
  }

  public Format format() {
    return format;
  }

  /**
   * The exit code for a scan with findings: {@code --exit-code}, checked to be one a shell keeps.
   */
  public int findingsExitCode() {
    if (exitCode < 0 || exitCode > 125) {
      throw new UsageException("--exit-code must be between 0 and 125 (was " + exitCode + ")");
    }
    return exitCode;
  }

  public boolean verbose() {
    return verbose;
  }

  /** Whether unscanned content is let through ({@code --allow-unscanned} or its variable). */
  public boolean allowUnscanned(Env env) {
    return allowUnscanned || Unscanned.allowedByEnv(env);
  }

  /**
   * How to render: strings from the repository (paths, authors, reasons) shown through a {@link
   * Display} that redacts what {@code engine} detects in them, unless {@code --show-secrets}.
   */
  public ReportOptions reportOptions(Env env, Engine engine) {
    boolean color =
        !noColor
            && output == null
            && env.var("NO_COLOR").isEmpty()
            && Terminal.attached()
            && env.out() == System.out
            && !"dumb".equals(env.vars().get("TERM"));
    return new ReportOptions(showSecrets, includeSuppressed, color, verbose).with(display(engine));
  }

  /** The display for this run's strings: redacting, or plain with {@code --show-secrets}. */
  public Display display(Engine engine) {
    return showSecrets ? Display.PLAIN : Display.redacting(engine);
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
    if (Files.isSymbolicLink(path)) {
      throw new UsageException(
          what
              + "is a symbolic link, which Sealant does not write through (name the"
              + " file itself)");
    }
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

  /**
   * Writes the report to {@code --output} (mode 0600) or standard output. A write that fails (a
   * full disk, {@code > /dev/full}, a closed pipe) is an I/O error (exit 3), never a lost report
   * with the scan's exit code.
   */
  public void write(Env env, String report) {
    Optional<Path> p = outputPath(env);
    if (p.isEmpty()) {
      env.out().print(report);
      env.out().flush();
      if (env.out().checkError()) {
        throw new ScanIoException(
            "cannot write the report to standard output (disk full, or the reader went away)");
      }
      return;
    }
    try {
      writePrivate(p.get(), report);
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + p.get() + ": " + reason(e), e);
    }
  }

  /** An I/O error's reason without the path its message repeats. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** Creates or truncates a file readable by its owner only, then writes the text. */
  static void writePrivate(Path path, String text) throws IOException {
    writeNoFollow(path, text, true);
  }

  /**
   * Writes {@code text} to {@code path} without ever following a symbolic link: a new file is
   * created exclusively ({@code O_CREAT|O_EXCL}, mode 0600 when {@code ownerOnly}); an existing one
   * is opened with {@code O_NOFOLLOW}, so a link planted there (even after the up-front check)
   * fails the write instead of redirecting it or its chmod to the link's target. A device such as
   * {@code /dev/null} is written as it is, and its mode is left alone.
   */
  static void writeNoFollow(Path path, String text, boolean ownerOnly) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    try (SeekableByteChannel ch = open(path, ownerOnly)) {
      while (data.hasRemaining()) {
        ch.write(data);
      }
    }
  }

  private static SeekableByteChannel open(Path path, boolean ownerOnly) throws IOException {
    Set<OpenOption> create =
        Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);
    try {
      return ownerOnly
          ? Files.newByteChannel(path, create, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
          : Files.newByteChannel(path, create);
    } catch (UnsupportedOperationException e) {
      return Files.newByteChannel(path, create); // not POSIX (Windows): the platform's permissions
    } catch (FileAlreadyExistsException e) {
      // exists (or is a dangling link): opened below, never through a link
    }
    BasicFileAttributes a =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      throw new FileSystemException(path.toString(), null, "is a symbolic link (not followed)");
    }
    if (!a.isRegularFile()) {
      return Files.newByteChannel(
          path, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    }
    SeekableByteChannel ch =
        Files.newByteChannel(
            path,
            Set.of(
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS));
    if (ownerOnly) {
      try {
        PosixFileAttributeView v =
            Files.getFileAttributeView(
                path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (v != null) {
          v.setPermissions(OWNER_ONLY);
        }
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }
    return ch;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
}
