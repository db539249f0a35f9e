package dev.sealant.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/** Helpers for running shipped shell scripts as a user's machine or a CI runner would. */
final class Shell {

  private Shell() {}

  /**
   * A directory of links to every command in /usr/bin and /bin except {@code without}: a PATH on
   * which those commands (e.g. Maven) do not exist.
   */
  static Path pathWithout(Path dir, Set<String> without) throws IOException {
    Files.createDirectories(dir);
    for (String d : new String[] {"/usr/bin", "/bin"}) {
      Path from = Path.of(d);
      if (!Files.isDirectory(from)) {
        continue;
      }
      try (var entries = Files.list(from)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          String name = p.getFileName().toString();
          Path link = dir.resolve(name);
          if (!without.contains(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, p);
          }
        }
      }
    }
    // The JDK running the tests, whatever /usr/bin/java is.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.deleteIfExists(dir.resolve("java"));
    Files.createSymbolicLink(dir.resolve("java"), java);
    return dir;
  }

  /** Removes a {@link #pathWithout} directory (its links, never their targets), quietly. */
  static void removeLinks(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  static Path tarball() {
    Path t = Path.of(System.getProperty("sealant.tarball", "target/sealant-dev.tar.gz"));
    if (!Files.isRegularFile(t)) {
      throw new AssertionError(
          t + " is missing: these tests run after 'mvn package' (mvn verify runs them)");
    }
    return t;
  }

  static String version() {
    return System.getProperty("sealant.version", "dev");
  }
}
