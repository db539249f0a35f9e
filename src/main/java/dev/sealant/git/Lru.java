package dev.sealant.git;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used map bounded by the total weight (bytes, roughly) of its values. Not
 * thread-safe: the caches built on it lock around it, or belong to one thread.
 */
final class Lru<K, V> {

  private final long capacity;
  private final ToLongFunction<V> weight;
  private final LinkedHashMap<K, V> map = new LinkedHashMap<>(1024, 0.75f, true);
  private long held;

  /**
   * @param capacity the most weight held at once; a value heavier than a quarter of it is never
   *     held, so one huge value cannot flush everything else
   */
  Lru(long capacity, ToLongFunction<V> weight) {
    this.capacity = capacity;
    this.weight = weight;
  }

  V get(K key) {
    return map.get(key);
  }

  void put(K key, V value) {
    long w = weight.applyAsLong(value);
    if (w > capacity / 4) {
      return;
    }
    V old = map.put(key, value);
    held += w - (old == null ? 0 : weight.applyAsLong(old));
    var it = map.entrySet().iterator();
    while (held > capacity && it.hasNext()) {
      Map.Entry<K, V> eldest = it.next();
      held -= weight.applyAsLong(eldest.getValue());
      it.remove();
    }
  }

  int size() {
    return map.size();
  }
}
