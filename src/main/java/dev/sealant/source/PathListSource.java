package dev.sealant.source;

import dev.sealant.error.ScanIoException;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Several paths given on the command line (as the pre-commit framework passes them), each scanned
 * as a {@link FileSource} and reported under the path as given, so {@code src/app.py} stays {@code
 * src/app.py}. A path that does not exist is an error, never a silent "clean".
 */
public final class PathListSource implements Source {

  private final Path cwd;
  private final List<String> paths;
  private final Limits limits;
  private final int threads;
  private final Predicate<String> pathAllowed;

  public PathListSource(
      Path cwd, List<String> paths, Limits limits, int threads, Predicate<String> pathAllowed) {
    this.cwd = cwd;
    this.paths = List.copyOf(paths);
    this.limits = limits;
    this.threads = threads;
    this.pathAllowed = pathAllowed;
  }

  @Override
  public void run(Sink sink) {
    for (String p : paths) {
      if (!Files.exists(cwd.resolve(p), LinkOption.NOFOLLOW_LINKS)) {
        throw new ScanIoException(p + ": no such file or directory");
      }
    }
    for (String p : paths) {
      Path abs = cwd.resolve(p).normalize();
      String shown = p.replace(File.separatorChar, '/');
      // Followed: a link named on the command line is scanned as what it points to (FileSource).
      boolean dir = Files.isDirectory(abs);
      String prefix = dir ? (shown.endsWith("/") ? shown : shown + "/") : "";
      Predicate<String> allowed = rel -> pathAllowed.test(dir ? prefix + rel : shown);
      new FileSource(abs, limits, threads, allowed)
          .run(new Renaming(sink, dir ? prefix : null, shown));
    }
  }

  /** Reports a file root under the path as given, and a directory's files under its prefix. */
  private record Renaming(Sink sink, String prefix, String file) implements Sink {
    private String name(String rel) {
      return prefix == null ? file : prefix + rel;
    }

    @Override
    public void accept(Fragment f) {
      sink.accept(new Fragment(name(f.path()), f.commit(), f.firstLine(), f.text()));
    }

    @Override
    public void skipped(Skipped s) {
      sink.skipped(new Skipped(name(s.path()), s.reason(), s.commit()));
    }

    @Override
    public void warn(String message) {
      sink.warn(message);
    }
  }

  @Override
  public String describe() {
    return paths.size() + " paths";
  }
}
