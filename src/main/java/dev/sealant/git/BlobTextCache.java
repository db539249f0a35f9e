package dev.sealant.git;

import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;

/**
 * Blob versions recently read (their text, or that they are binary), shared by the threads of one
 * scan. A history scan compares each version of a file with the one before it, so nearly every
 * version is wanted twice: as the new side of the commit that wrote it and as the old side of the
 * next commit to change it. With this cache each is inflated once, whichever of the two comes
 * first. Bounded by bytes, in an {@link ObjectRing} (the texts it holds outlive many young
 * collections: kept in one array, they cost the collector nothing). A blob too large to read has no
 * text to keep: finding that again costs only its size.
 */
final class BlobTextCache {

  private static final int TEXT = 0;
  private static final int BINARY = 1;
  private static final byte[] NONE = new byte[0];
  private static final int ID = Constants.OBJECT_ID_LENGTH;

  private final ObjectRing ring;

  /**
   * @param capacity how many bytes of content to hold, roughly
   */
  BlobTextCache(long capacity) {
    this.ring = new ObjectRing((int) Math.min(capacity, Integer.MAX_VALUE - 8));
  }

  /** Sized from the heap: an eighth of it, 128 MiB at the very most. */
  static BlobTextCache forHeap() {
    return new BlobTextCache(Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 8));
  }

  /**
   * The version of {@code id} kept here, or {@code null}; {@code scratch} is the calling thread's
   * buffer.
   */
  Blobs.Version get(AnyObjectId id, ObjectRing.Buffer scratch) {
    byte[] raw = new byte[ID];
    id.copyRawTo(raw, 0);
    int type = ring.get(key(raw), scratch);
    // The key is part of the id: the whole id, stored first, tells a collision from a hit.
    if (type < 0 || scratch.length < ID || !Arrays.equals(raw, 0, ID, scratch.bytes, 0, ID)) {
      return null;
    }
    return type == BINARY
        ? Blobs.Version.none(Blobs.BINARY)
        : Blobs.Version.of(Arrays.copyOfRange(scratch.bytes, ID, scratch.length));
  }

  void put(AnyObjectId id, Blobs.Version v) {
    byte[] raw = new byte[ID];
    id.copyRawTo(raw, 0);
    if (v.text().isPresent()) {
      byte[] text = v.text().get();
      ring.put(key(raw), TEXT, raw, text, text.length);
    } else if (v.whyNot().equals(Blobs.BINARY)) {
      ring.put(key(raw), BINARY, raw, NONE, 0);
    }
  }

  private static long key(byte[] raw) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (raw[i] & 0xff);
    }
    return k == 0 ? 1 : k;
  }
}
