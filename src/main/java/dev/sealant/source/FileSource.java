package dev.sealant.source;

import dev.sealant.error.ScanIoException;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Files on disk under a root directory (or one file). {@code .git} directories are not entered,
 * symbolic links inside the tree are never followed (reported as skipped), binary and oversized
 * files are skipped and reported. Files are read and handed to the sink on {@code threads} threads.
 *
 * <p>The root itself is what the user named, so it is taken as named: a symbolic link is followed
 * (as {@code cat} and {@code grep} do), and a pipe or device ({@code sealant scan <(cmd)}, {@code
 * /dev/stdin}) is read as a stream like standard input. A root that still cannot be read, such as a
 * dangling link, is {@linkplain Skipped#unscanned() unscanned}, never a silent "clean".
 */
public final class FileSource implements Source {

  private final Path root;
  private final Limits limits;
  private final int threads;
  private final Predicate<String> pathAllowed;

  /**
   * @param pathAllowed paths (relative, {@code /}-separated) that are never read at all
   */
  public FileSource(Path root, Limits limits, int threads, Predicate<String> pathAllowed) {
    this.root = root;
    this.limits = limits;
    this.threads = Math.max(1, threads);
    this.pathAllowed = pathAllowed;
  }

  @Override
  public void run(Sink sink) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new ScanIoException(root + ": no such file or directory");
    }
    if (Files.isSymbolicLink(root)
        || !(Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
            || Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS))) {
      operand(sink);
      return;
    }
    List<Path> files = list(sink);
    AtomicLong done = new AtomicLong();
    if (threads == 1 || files.size() < 2) {
      for (Path f : files) {
        read(f, sink);
        sink.progress(done.incrementAndGet(), files.size());
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sealant-files");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(
            pool.submit(
                () -> {
                  read(f, sink);
                  sink.progress(done.incrementAndGet(), files.size());
                }));
      }
      for (Future<?> fu : futures) {
        Workers.await(fu);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Path> list(Sink sink) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && dir.getFileName().toString().equals(".git")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String rel = relative(file);
              if (attrs.isSymbolicLink()) {
                sink.skipped(Skipped.of(rel, "symbolic link (not followed)"));
              } else if (!attrs.isRegularFile()) {
                sink.skipped(Skipped.of(rel, "not a regular file"));
              } else if (pathAllowed.test(rel)) {
                sink.skipped(Skipped.of(rel, "path allowlisted"));
              } else if (attrs.size() > limits.maxFileSize()) {
                sink.skipped(
                    Skipped.tooLarge(
                        rel,
                        "--max-file-size ("
                            + attrs.size()
                            + " > "
                            + limits.maxFileSize()
                            + " bytes)",
                        Optional.empty()));
              } else {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              sink.skipped(Skipped.unreadable(relative(file), why(e), Optional.empty()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new ScanIoException(root + ": cannot list: " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  private void read(Path file, Sink sink) {
    String rel = relative(file);
    try {
      if (Files.size(file) > limits.inMemory()) {
        readInChunks(file, rel, sink);
        return;
      }
    } catch (IOException e) {
      sink.skipped(Skipped.unreadable(rel, why(e), Optional.empty()));
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError e) {
      sink.skipped(Skipped.unreadable(rel, why(e), Optional.empty()));
      return;
    }
    if (bytes.length > limits.maxFileSize()) {
      sink.skipped(
          Skipped.tooLarge(
              rel,
              "--max-file-size (" + bytes.length + " > " + limits.maxFileSize() + " bytes)",
              Optional.empty()));
    } else if (Content.isBinary(bytes)) {
      sink.skipped(Skipped.of(rel, "binary"));
      sink.accept(Fragment.binary(rel, Optional.empty(), bytes, bytes.length));
    } else {
      sink.accept(Fragment.of(rel, Content.decode(bytes)));
    }
  }

  /** A root that is a symbolic link, a pipe or a device: followed, or read as a stream. */
  private void operand(Sink sink) {
    String name = relative(root);
    if (!Files.exists(root)) {
      sink.skipped(
          Skipped.unreadable(
              name, "a symbolic link whose target does not exist", Optional.empty()));
    } else if (Files.isDirectory(root)) {
      Path real;
      try {
        real = root.toRealPath();
      } catch (IOException e) {
        sink.skipped(Skipped.unreadable(name, why(e), Optional.empty()));
        return;
      }
      new FileSource(real, limits, threads, pathAllowed).run(sink);
    } else if (pathAllowed.test(name)) {
      sink.skipped(Skipped.of(name, "path allowlisted"));
    } else if (Files.isRegularFile(root)) {
      read(root, sink);
      sink.progress(1, 1);
    } else {
      // Opened through the link: /dev/fd/N names a pipe that has no path of its own.
      try (InputStream in = Files.newInputStream(root)) {
        new StdinSource(in, limits, name).run(sink);
      } catch (IOException e) {
        sink.skipped(Skipped.unreadable(name, why(e), Optional.empty()));
      }
    }
  }

  /**
   * A file larger than what is read whole (but within --max-file-size): scanned as it streams by.
   */
  private static void readInChunks(Path file, String rel, Sink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] probe = in.readNBytes(Content.BINARY_PROBE);
      if (Content.isBinary(probe, probe.length)) {
        sink.skipped(Skipped.of(rel, "binary"));
        return;
      }
      new Chunks(rel, sink).scan(probe, probe.length, in);
    } catch (IOException e) {
      sink.skipped(Skipped.unreadable(rel, why(e), Optional.empty()));
    }
  }

  /**
   * The kind of a read error, never its message (which may quote the path twice): {@code permission
   * denied}, {@code name too long} (beyond PATH_MAX), or the exception's simple name.
   */
  static String why(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m =
        e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : "";
    if (m.contains("too long")) {
      return "name too long (beyond the system's path limit)";
    }
    return m.isEmpty() || m.length() > 60 ? e.getClass().getSimpleName() : m;
  }

  /** The path relative to the root, {@code /}-separated; a single-file root is its own name. */
  String relative(Path file) {
    Path base = Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) ? root : root.getParent();
    Path rel = base == null ? file : base.relativize(file);
    String s = rel.toString().replace(File.separatorChar, '/');
    return s.isEmpty() ? file.getFileName().toString() : s;
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
