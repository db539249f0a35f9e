package dev.sealant.git;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Blob versions recently read (their text, or why they have none), shared by the threads of one
 * scan. A history scan compares each version of a file with the one before it, so nearly every
 * version is wanted twice: as the new side of the commit that wrote it and as the old side of the
 * next commit to change it. With this cache each is inflated once, whichever of the two comes
 * first. Bounded by weight (about the bytes held), least recently used out.
 */
final class BlobTextCache {

  private final Lru<ObjectId, Blobs.Version> map;

  /**
   * @param capacity how many bytes of content and line tables to hold, roughly
   */
  BlobTextCache(long capacity) {
    this.map = new Lru<>(capacity, Blobs.Version::weight);
  }

  /** Sized from the heap: an eighth of it, 128 MiB at the very most. */
  static BlobTextCache forHeap() {
    return new BlobTextCache(Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 8));
  }

  synchronized Blobs.Version get(AnyObjectId id) {
    return map.get(id.toObjectId());
  }

  synchronized void put(AnyObjectId id, Blobs.Version v) {
    map.put(id.toObjectId(), v);
  }
}
