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
 * Reads blobs as text through one worker's {@link ObjectReader}. The size is checked before the
 * content is loaded, so a blob over {@link Limits#maxFileSize()} is never read whole.
 */
final class Blobs {

  /** A blob's content as BOM-free UTF-8 bytes ({@link Content#utf8}), or why it has none. */
  record Text(Optional<byte[]> bytes, String whyNot) {
    static Text of(byte[] b) {
      return new Text(Optional.of(b), "");
    }

    static Text none(String why) {
      return new Text(Optional.empty(), why);
    }
  }

  private final ObjectReader reader;
  private final Limits limits;
  private final HashCache cache;

  Blobs(ObjectReader reader, Limits limits, HashCache cache) {
    this.reader = reader;
    this.limits = limits;
    this.cache = cache;
  }

  Text read(ObjectId id) throws IOException {
    byte[] bytes;
    try {
      ObjectLoader ld = reader.open(id, Constants.OBJ_BLOB);
      long size = ld.getSize();
      if (size > limits.maxFileSize()) {
        return Text.none("larger than --max-file-size (" + size + " > " + limits.maxFileSize() + " bytes)");
      }
      bytes = ld.getCachedBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileSize()));
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      throw e;
    } catch (IOException e) {
      throw new dev.sealant.error.GitException("cannot read object " + id.name()
          + ": the repository is corrupt (" + e.getMessage() + ")", e);
    }
    if (Content.isBinary(bytes)) {
      return Text.none("binary");
    }
    return Text.of(Content.utf8(bytes));
  }

  /** An old version's line hashes; one that is binary or too large has none (so all is new). */
  long[] old(ObjectId id) throws IOException {
    long[] cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    long[] hashes = read(id).bytes().map(b -> Lines.of(b).hashes()).orElse(new long[0]);
    cache.put(id, hashes);
    return hashes;
  }

  /** Remembers a new version's hashes: the next commit to touch its path compares against it. */
  void remember(ObjectId id, Lines lines) {
    cache.put(id, lines.hashes());
  }
}
