package dev.sealant.git;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Line hashes of recently seen blobs, shared by the workers of one history scan. Commits are
 * scanned oldest first, so the version a commit adds is, more often than not, the old version the
 * next commit to touch that path compares against: with this cache each blob is inflated and
 * hashed once instead of twice. Bounded by the number of hashes held (least recently used out).
 */
final class HashCache {

  private final long capacity;
  private long held;
  private final LinkedHashMap<ObjectId, long[]> map = new LinkedHashMap<>(1024, 0.75f, true);

  /** @param capacity how many line hashes (8 bytes each) to hold at most */
  HashCache(long capacity) {
    this.capacity = capacity;
  }

  /** Sized from the heap: an eighth of it at most, 16M hashes (128 MiB) at the very most. */
  static HashCache forHeap() {
    return new HashCache(Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 8 / 8));
  }

  synchronized long[] get(AnyObjectId id) {
    return map.get(id);
  }

  synchronized void put(AnyObjectId id, long[] hashes) {
    if (hashes.length > capacity / 4 || map.containsKey(id)) {
      return;
    }
    map.put(id.copy(), hashes);
    held += hashes.length;
    var it = map.entrySet().iterator();
    while (held > capacity && it.hasNext()) {
      Map.Entry<ObjectId, long[]> eldest = it.next();
      held -= eldest.getValue().length;
      it.remove();
    }
  }
}
