package dev.sealant.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code sealant} executable for end-to-end tests: a POSIX sh script running this test JVM's
 * class path, so tests drive the real command without depending on {@code mvn package}.
 */
public final class Launcher {

  private Launcher() {}

  /** Writes {@code dir/sealant} and returns its path. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String cp = System.getProperty("java.class.path");
    Path script = dir.resolve("sealant");
    Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '" + cp
        + "' dev.sealant.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
