package dev.sealant.git;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What an earlier full-history scan of this repository already covered, so that the next one scans
 * only what is new: {@code .git/sealant/history.cache}.
 *
 * <p>It holds commit ids only, never text: the ref tips the earlier scan started from (everything
 * reachable from them was scanned) and the commits in which it found anything (findings, suppressed
 * findings, or content left unread: too large or unreadable). The next scan excludes the history
 * below those tips and scans the new commits plus the listed ones again, so a cached finding is
 * re-derived from the repository and reported exactly as a full scan would report it (with {@code
 * --show-secrets} too), and no secret is ever written to disk. A commit with nothing to report is
 * skipped.
 *
 * <p>The file is keyed by a hash of everything that changes what the detector finds (the catalog,
 * the configuration, the size limits, the version); a different key means a full scan. Its contents
 * end in a SHA-256 of what precedes them: a truncated, corrupt or foreign file is ignored with a
 * warning and replaced. It is written to a temporary file (mode 0600) and renamed into place, so
 * concurrent scans never see half a file; the last one to finish wins.
 */
public final class ScanCache {

  static final String DIR = "sealant";
  static final String FILE = "history.cache";
  private static final byte[] MAGIC = "sealant history cache\n".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int MAX_IDS = 50_000_000;

  /**
   * What the earlier scan covered.
   *
   * @param tips the ref tips it started from
   * @param rescan the commits it found something in, which are scanned again
   */
  public record Covered(List<ObjectId> tips, List<ObjectId> rescan) {
    public Covered {
      tips = List.copyOf(tips);
      rescan = List.copyOf(rescan);
    }
  }

  private final Path file;
  private final byte[] key;

  private ScanCache(Path file, byte[] key) {
    this.file = file;
    this.key = key;
  }

  /**
   * The cache of the repository whose git directory is {@code gitDir}, for scans configured as
   * {@code parts} describe (each part is hashed into the key, in order).
   */
  public static ScanCache of(Path gitDir, List<String> parts) {
    return new ScanCache(gitDir.resolve(DIR).resolve(FILE), key(parts));
  }

  static byte[] key(List<String> parts) {
    MessageDigest md = sha256();
    for (String p : parts) {
      byte[] b = p.getBytes(StandardCharsets.UTF_8);
      md.update(intBytes(b.length));
      md.update(b);
    }
    return md.digest();
  }

  Path file() {
    return file;
  }

  /**
   * What an earlier scan with the same key covered; empty when there is no cache, it was written
   * under another key, or it cannot be trusted (then {@code warn} hears why).
   */
  public Optional<Covered> load(Consumer<String> warn) {
    byte[] all;
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      warn.accept(
          file
              + ": cannot read the scan cache ("
              + e.getClass().getSimpleName()
              + "); scanning the"
              + " whole history and writing a new one");
      return Optional.empty();
    }
    Optional<String> why = check(all);
    if (why.isPresent()) {
      warn.accept(
          file
              + ": ignoring the scan cache ("
              + why.get()
              + "); scanning the whole history and writing"
              + " a new one");
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 32))) {
      in.skipNBytes(MAGIC.length + 4L);
      byte[] k = new byte[32];
      in.readFully(k);
      if (!Arrays.equals(k, key)) {
        // Another catalog, configuration or version: what it covered says nothing about this one.
        return Optional.empty();
      }
      List<ObjectId> tips = ids(in);
      List<ObjectId> rescan = ids(in);
      if (in.available() != 0) {
        throw new IOException("trailing bytes");
      }
      return Optional.of(new Covered(tips, rescan));
    } catch (IOException e) {
      warn.accept(
          file
              + ": ignoring the scan cache (malformed); scanning the whole history and writing a new one");
      return Optional.empty();
    }
  }

  /** Why {@code all} is not a cache file this version wrote, if it is not. */
  private static Optional<String> check(byte[] all) {
    if (all.length < MAGIC.length + 4 + 32 + 8 + 32
        || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      return Optional.of(all.length < MAGIC.length ? "truncated" : "not a Sealant scan cache");
    }
    MessageDigest md = sha256();
    md.update(all, 0, all.length - 32);
    if (!MessageDigest.isEqual(md.digest(), Arrays.copyOfRange(all, all.length - 32, all.length))) {
      return Optional.of("checksum mismatch: truncated or corrupt");
    }
    int version =
        ((all[MAGIC.length] & 0xff) << 24)
            | ((all[MAGIC.length + 1] & 0xff) << 16)
            | ((all[MAGIC.length + 2] & 0xff) << 8)
            | (all[MAGIC.length + 3] & 0xff);
    return version == VERSION
        ? Optional.empty()
        : Optional.of("written by another version, format " + version);
  }

  private static List<ObjectId> ids(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_IDS || (long) n * 20 > in.available()) {
      throw new IOException("bad count");
    }
    List<ObjectId> out = new ArrayList<>(n);
    byte[] raw = new byte[20];
    for (int i = 0; i < n; i++) {
      in.readFully(raw);
      out.add(ObjectId.fromRaw(raw));
    }
    return out;
  }

  /**
   * Records a completed scan: it started from {@code tips} and found something in {@code rescan}. A
   * cache that cannot be written is a warning, never a failed scan.
   */
  public void save(
      Collection<? extends ObjectId> tips,
      Collection<? extends ObjectId> rescan,
      Consumer<String> warn) {
    Path dir = file.getParent();
    Path tmp = null;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.write(key);
        write(out, tips);
        write(out, rescan);
      }
      MessageDigest md = sha256();
      md.update(bytes.toByteArray());
      bytes.write(md.digest());
      Files.createDirectories(dir);
      tmp = temp(dir);
      Files.write(tmp, bytes.toByteArray());
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      warn.accept(
          file
              + ": cannot write the scan cache ("
              + e.getClass().getSimpleName()
              + "); the next scan"
              + " reads the whole history again");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // A stray temporary file is harmless: it is never read.
        }
      }
    }
  }

  private static Path temp(Path dir) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          FILE + ".",
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, FILE + ".", ".tmp");
    } catch (FileAlreadyExistsException e) {
      throw new IOException(e);
    }
  }

  private static void write(DataOutputStream out, Collection<? extends ObjectId> ids)
      throws IOException {
    Set<ObjectId> unique = new LinkedHashSet<>(ids);
    out.writeInt(unique.size());
    byte[] raw = new byte[20];
    for (ObjectId id : unique) {
      id.copyRawTo(raw, 0);
      out.write(raw);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Big-endian int bytes, for length prefixes in the key. */
  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
