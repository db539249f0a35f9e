package dev.sealant.git;

/**
 * Which changes a scan reads: a change (a path, its old blobs and its new blob; see {@link
 * ChangeScanner}) made by several commits is read once, for the first of them to claim it.
 */
interface Claims {

  /** Claims each key in turn; true where this caller is the first to claim it. */
  boolean[] claim(long[] keys);

  /** Claims in call order: for one thread, or where which commit reports a change is free. */
  static Claims unordered(LongSet seen) {
    return keys -> {
      boolean[] mine = new boolean[keys.length];
      for (int i = 0; i < keys.length; i++) {
        mine[i] = seen.add(keys[i]);
      }
      return mine;
    };
  }
}
