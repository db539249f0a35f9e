package dev.sealant.git;

import dev.sealant.source.Content;
import dev.sealant.source.Limits;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads blobs as lines of text through one thread's readers: the scan's {@link PackReader} when
 * there is one, else (and for whatever it leaves) JGit's {@link ObjectReader}. The size is checked
 * before the content is loaded, so a blob over {@link Limits#maxFileSize()} is never read whole.
 * What is read goes through the shared {@link HashCache}.
 */
final class Blobs {

  private static final long[] NO_HASHES = new long[0];

  /** A blob's content as lines of BOM-free UTF-8 ({@link Content#utf8}), or why it has none. */
  record Version(Optional<Lines> lines, String whyNot) {
    static Version of(Lines lines) {
      return new Version(Optional.of(lines), "");
    }

    static Version none(String why) {
      return new Version(Optional.empty(), why);
    }

    /** What holding it costs, roughly in bytes. */
    long weight() {
      return 64 + lines.map(Lines::weight).orElse(0L);
    }
  }

  private final ObjectReader reader;
  private final Optional<PackReader> packs;
  private final Limits limits;
  private final HashCache cache;

  Blobs(ObjectReader reader, Optional<PackReader> packs, Limits limits, HashCache cache) {
    this.reader = reader;
    this.packs = packs;
    this.limits = limits;
    this.cache = cache;
  }

  /** The blob's lines, or why it has none (binary, too large). */
  Version read(ObjectId id) throws IOException {
    Version v = cache.get(id);
    if (v == null) {
      v = load(id);
      cache.put(id, v);
    }
    return v;
  }

  /** An old version's line hashes; one that is binary or too large has none (so all is new). */
  long[] old(ObjectId id) throws IOException {
    return read(id).lines().map(Lines::hashes).orElse(NO_HASHES);
  }

  private Version load(ObjectId id) throws IOException {
    int bound = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileSize());
    byte[] bytes = packs.isPresent() ? packs.get().read(id, Constants.OBJ_BLOB, bound) : null;
    if (bytes == null) {
      try {
        ObjectLoader ld = reader.open(id, Constants.OBJ_BLOB);
        long size = ld.getSize();
        if (size > limits.maxFileSize()) {
          return Version.none("larger than --max-file-size (" + size + " > " + limits.maxFileSize() + " bytes)");
        }
        bytes = ld.getCachedBytes(bound);
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        throw e;
      } catch (IOException e) {
        throw new dev.sealant.error.GitException("cannot read object " + id.name()
            + ": the repository is corrupt (" + e.getMessage() + ")", e);
      }
    }
    if (Content.isBinary(bytes)) {
      return Version.none("binary");
    }
    return Version.of(Lines.of(Content.utf8(bytes)));
  }
}
