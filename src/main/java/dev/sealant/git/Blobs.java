package dev.sealant.git;

import dev.sealant.error.GitException;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.source.Chunks;
import dev.sealant.source.Content;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ObjectStream;

/**
 * Reads blobs as text through one thread's readers: the scan's {@link PackReader} when there is
 * one, else (and for whatever it leaves) JGit's {@link ObjectReader}. The size is checked before
 * the content is loaded, so a blob over {@link Limits#maxFileSize()} is never read whole. What is
 * read goes through the shared {@link BlobTextCache}.
 */
final class Blobs {

  private static final byte[] NO_TEXT = new byte[0];

  /** Why a blob that is binary has no text. */
  static final String BINARY = "binary";

  /**
   * A blob as the scan sees it: its text (BOM-free UTF-8, see {@link Content#utf8}), or why it has
   * none (binary, too large). The text is kept raw: comparing two versions looks at their bytes
   * first and splits into lines only what differs ({@link AddedLines}).
   */
  static final class Version {
    private final byte[] text;
    private final String whyNot;
    private final boolean notice;

    private Version(byte[] text, String whyNot, boolean notice) {
      this.text = text;
      this.whyNot = whyNot;
      this.notice = notice;
    }

    static Version of(byte[] text) {
      return new Version(text, "", false);
    }

    static Version none(String why) {
      return new Version(null, why, false);
    }

    /**
     * Skipped although the user's size limit allows it: worth a warning, not only a verbose line.
     */
    static Version tooLarge(String why) {
      return new Version(null, why, true);
    }

    boolean notice() {
      return notice;
    }

    /** The text, or none when the blob has none (see {@link #whyNot}). */
    Optional<byte[]> text() {
      return Optional.ofNullable(text);
    }

    /** The text to compare a later version against: none (so all is new) when it has none. */
    byte[] oldText() {
      return text != null ? text : NO_TEXT;
    }

    String whyNot() {
      return whyNot;
    }
  }

  private final ObjectReader reader;
  private final Optional<PackReader> packs;
  private final Limits limits;
  private final BlobTextCache cache;
  private final boolean newestFirst;

  /** This thread's buffer for what it copies out of the cache. */
  private final ObjectRing.Buffer scratch;

  /**
   * @param newestFirst whether the scan goes from new commits to old ones: then a new version is
   *     not wanted again (its newer versions were compared already), else it is, as the old side of
   *     the next commit to change its path
   */
  Blobs(
      ObjectReader reader,
      Optional<PackReader> packs,
      Limits limits,
      BlobTextCache cache,
      boolean newestFirst) {
    this.reader = reader;
    this.packs = packs;
    this.limits = limits;
    this.cache = cache;
    this.newestFirst = newestFirst;
    this.scratch =
        new ObjectRing.Buffer(
            1 << 14, packs.map(PackReader::keep).orElse(ObjectRing.Buffer.keep(1)));
  }

  /** A new version: its text, or why it has none (binary, too large). */
  Version read(ObjectId id) throws IOException {
    Version v = cached(id);
    if (v != null) {
      return v;
    }
    v = load(id);
    if (!newestFirst) {
      // The next commit to change this path compares against it.
      cache.put(id, v);
    }
    return v;
  }

  /** An old version's text; one that is binary or too large has none (so all is new). */
  byte[] old(ObjectId id) throws IOException {
    Version v = cached(id);
    if (v == null) {
      v = load(id);
      cache.put(id, v);
    }
    return v.oldText();
  }

  private Version cached(ObjectId id) {
    Version v = cache.get(id, scratch);
    scratch.shrink();
    return v;
  }

  /**
   * Scans a blob over the in-memory bound (within --max-file-size) as it streams out of the object
   * store, in overlapping fragments ({@link Chunks}): every line of it, since telling its added
   * lines needs it whole. False when it cannot be streamed (then it is skipped with a warning).
   */
  boolean stream(ObjectId id, String path, Optional<CommitInfo> commit, Sink sink)
      throws IOException {
    try (ObjectStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
      byte[] probe = in.readNBytes(Content.BINARY_PROBE);
      if (Content.isBinary(probe, probe.length)) {
        sink.skipped(new Skipped(path, "binary", commit.map(CommitInfo::id)));
      } else {
        Chunks.ofBlob(path, commit, sink).scan(probe, probe.length, in);
      }
      return true;
    } catch (MissingObjectException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A blob's bytes (one {@link #read} called binary, so it is within the in-memory bound). */
  byte[] bytes(ObjectId id) throws IOException {
    int bound =
        (int) Math.min(Integer.MAX_VALUE - 8, Math.min(limits.maxFileSize(), limits.inMemory()));
    byte[] bytes = packs.isPresent() ? packs.get().read(id, Constants.OBJ_BLOB, bound) : null;
    return bytes != null ? bytes : reader.open(id, Constants.OBJ_BLOB).getCachedBytes(bound);
  }

  private Version load(ObjectId id) throws IOException {
    int bound =
        (int) Math.min(Integer.MAX_VALUE - 8, Math.min(limits.maxFileSize(), limits.inMemory()));
    byte[] bytes = packs.isPresent() ? packs.get().read(id, Constants.OBJ_BLOB, bound) : null;
    if (bytes == null) {
      try {
        ObjectLoader ld = reader.open(id, Constants.OBJ_BLOB);
        long size = ld.getSize();
        if (size > limits.maxFileSize()) {
          return Version.none(
              "larger than --max-file-size (" + size + " > " + limits.maxFileSize() + " bytes)");
        }
        if (size > limits.inMemory()) {
          return tooLarge(size);
        }
        bytes = ld.getCachedBytes(bound);
      } catch (LargeObjectException e) {
        return tooLarge(-1);
      } catch (MissingObjectException e) {
        throw e;
      } catch (IOException e) {
        throw new GitException(
            "cannot read object "
                + id.name()
                + ": the repository is corrupt ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    if (Content.isBinary(bytes)) {
      return Version.none(BINARY);
    }
    return Version.of(Content.utf8(bytes));
  }

  /**
   * A blob within --max-file-size but too large to compare in memory: comparing it with its other
   * versions needs it whole, several times over, on every thread at once.
   */
  private Version tooLarge(long size) {
    return Version.tooLarge(
        "larger than a git blob is read into memory ("
            + (size < 0 ? "" : size + " > ")
            + limits.inMemory()
            + " bytes with this heap; a larger -Xmx raises the bound)");
  }
}
