package dev.sealant.git;

import dev.sealant.git.raw.Delta;
import dev.sealant.git.raw.Oid;
import dev.sealant.git.raw.PackIndex;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads trees and blobs straight from the repository's pack files, for a history scan that reads
 * most of them once, in pack order.
 *
 * <p>Why not JGit's reader: a packed object is usually a delta on a base that may itself be a
 * delta, and JGit keeps only the base immediately below the object asked for. A scan that reads
 * objects one after another along such chains (as a history scan does) then inflates each delta two
 * or more times, and in packs written by {@code git fast-import} (whose deltas chain through
 * unrelated files, up to fifty deep) many times over. This reader keeps every object it resolves,
 * base or not, in a small least-recently-used cache, as git itself does, so each delta on the way
 * is inflated once.
 *
 * <p>It handles only the plain case: an object in one of the repository's own packs, of the
 * expected type, no larger than the caller's bound. For anything else ({@link #read} returns {@code
 * null}: loose objects, alternates, large or unreadable objects) the caller asks JGit, which also
 * reports corrupt and missing objects in its own words.
 *
 * <p>The resolved objects are kept in a {@link Shared} cache that all threads of a scan use, so a
 * chain one thread resolved serves the next object the other thread reads; each thread has its own
 * {@code PackReader} (an inflater and a few windows on the pack files).
 */
final class PackReader implements AutoCloseable {

  private static final int OBJ_OFS_DELTA = 6;
  private static final int OBJ_REF_DELTA = 7;
  private static final int WINDOW = 16 << 10;
  private static final int WINDOWS = 32;
  private static final int MAX_CHAIN = 10_000;

  /** An aligned piece of a pack file, read into memory outside the heap. */
  private static final class Window {
    final ByteBuffer buf = ByteBuffer.allocateDirect(WINDOW);
    Pack pack;
    long start;
    int length;
    long used;

    boolean holds(Pack s, long pos) {
      return pack == s && pos >= start && pos < start + length;
    }
  }

  /**
   * One pack: its index ({@link PackIndex}, shared with the hook's reader), and its file once
   * opened.
   */
  private static final class Pack {
    final Path pack;
    final String name;
    final PackIndex index;

    /** Which of its objects are delta bases, once a reader has looked ({@link #bases}). */
    Bases bases;

    private FileChannel channel;
    private long length;

    Pack(Path pack, PackIndex index) {
      this.pack = pack;
      this.name = pack.getFileName().toString();
      this.index = index;
    }

    /** The open file (positional reads on it are safe from any thread). */
    synchronized FileChannel channel() throws IOException {
      if (channel == null) {
        channel = FileChannel.open(pack, StandardOpenOption.READ);
        length = channel.size();
      }
      return channel;
    }

    synchronized long length() {
      return length;
    }

    synchronized void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // Read-only: nothing was written that closing could lose.
        }
      }
    }
  }

  /**
   * Which objects of one pack other objects are stored as deltas on: the pack's object offsets,
   * sorted, and a bit per offset. A resolved blob nothing is a delta on need not be cached here
   * (the scan keeps what it wants of it in {@link BlobTextCache}), which leaves the room to the
   * bases.
   */
  static final class Bases {
    static final Bases ALL = new Bases(new long[0], new BitSet());

    private final long[] offsets;
    private final BitSet base;

    private Bases(long[] offsets, BitSet base) {
      this.offsets = offsets;
      this.base = base;
    }

    boolean isBase(long offset) {
      if (this == ALL) {
        return true;
      }
      int i = Arrays.binarySearch(offsets, offset);
      return i >= 0 && base.get(i);
    }

    void mark(long offset) {
      int i = Arrays.binarySearch(offsets, offset);
      if (i >= 0) {
        base.set(i);
      }
    }
  }

  /** The packs of one repository and the objects resolved from them, shared by a scan's threads. */
  static final class Shared implements AutoCloseable {
    private final List<Pack> packs;
    private final ObjectRing cache;

    /** What each of a reader's buffers keeps between objects ({@link ObjectRing.Buffer#keep}). */
    final int keep;

    private Shared(List<Pack> packs, long cacheBytes, int threads) {
      this.packs = packs;
      this.cache = new ObjectRing((int) Math.min(cacheBytes, Integer.MAX_VALUE - 8));
      this.keep = ObjectRing.Buffer.keep(threads);
    }

    @Override
    public void close() {
      for (Pack s : packs) {
        s.close();
      }
    }
  }

  private final Shared shared;
  private final List<Pack> packs;
  private final boolean owner;
  private final Inflater inflater = new Inflater();

  /**
   * This thread's buffers: the object a delta applies to, the next one up the chain, and the
   * inflated delta. Only the object asked for is allocated, at its exact size.
   */
  private ObjectRing.Buffer base;

  private ObjectRing.Buffer next;
  private final ObjectRing.Buffer delta;
  private final byte[] rawId = new byte[Constants.OBJECT_ID_LENGTH];
  private long[] chain = new long[24];
  private final Window[] windows = new Window[WINDOWS];
  private Window last;
  private long tick;

  /** A reader for one thread over packs and a cache shared with others. */
  PackReader(Shared shared) {
    this(shared, false);
  }

  private PackReader(Shared shared, boolean owner) {
    this.shared = shared;
    this.packs = shared.packs;
    this.owner = owner;
    this.base = new ObjectRing.Buffer(1 << 14, shared.keep);
    this.next = new ObjectRing.Buffer(1 << 14, shared.keep);
    this.delta = new ObjectRing.Buffer(1 << 14, shared.keep);
  }

  /** What this thread's buffers keep between objects. */
  int keep() {
    return shared.keep;
  }

  /** {@link #open(Repository, long, int)} for one thread. */
  static Shared open(Repository repo, long cacheBytes) {
    return open(repo, cacheBytes, 1);
  }

  /**
   * The packs of {@code repo} (none when its objects are not in a local object directory), with a
   * cache of {@code cacheBytes} for the objects resolved from them, for {@code threads} readers.
   */
  static Shared open(Repository repo, long cacheBytes, int threads) {
    List<Pack> packs = new ArrayList<>();
    File dir = repo.getDirectory();
    if (dir != null) {
      // The repository's own objects directory. Objects are named by their content, so what is
      // found here is right even when GIT_OBJECT_DIRECTORY points JGit elsewhere; what is not, JGit
      // reads.
      try {
        for (Path idx : PackIndex.list(dir.toPath().resolve("objects"))) {
          try {
            packs.add(new Pack(PackIndex.packOf(idx), PackIndex.open(idx)));
          } catch (RuntimeException e) {
            // An unreadable or unfamiliar index: JGit reads (or reports) this pack's objects.
          }
        }
      } catch (RuntimeException e) {
        // An unreadable pack directory: JGit reads everything.
      }
    }
    return new Shared(packs, cacheBytes, threads);
  }

  /** A reader with a cache of its own, closed with it. */
  static PackReader of(Repository repo, long cacheBytes) {
    return new PackReader(open(repo, cacheBytes), true);
  }

  /**
   * The content of {@code id} if it is a packed object of {@code type} of at most {@code maxBytes};
   * otherwise {@code null}, and the caller reads it through JGit.
   */
  byte[] read(AnyObjectId id, int type, int maxBytes) {
    return content(id, type, maxBytes, null);
  }

  /**
   * The same into {@code into} ({@code into.bytes[0, into.length)}), for a caller that reuses its
   * buffer: false where {@link #read} returns {@code null}.
   */
  boolean readInto(AnyObjectId id, int type, int maxBytes, ObjectRing.Buffer into) {
    return content(id, type, maxBytes, Objects.requireNonNull(into)) != null;
  }

  /** The content, in {@code into} when there is one, else in an array of its own. */
  private byte[] content(AnyObjectId id, int type, int maxBytes, ObjectRing.Buffer into) {
    Oid oid = oid(id);
    for (int i = 0; i < packs.size(); i++) {
      Pack s = packs.get(i);
      long offset = s.index.find(oid);
      if (offset < 0) {
        continue;
      }
      try {
        return resolve(i, s, offset, type, maxBytes, into);
      } catch (IOException | DataFormatException | RuntimeException e) {
        return null;
      } finally {
        base.shrink();
        next.shrink();
        delta.shrink();
      }
    }
    return null;
  }

  /**
   * Where {@code id} is stored: the pack's number in the high 16 bits and the offset in the pack
   * below them, or -1 when no pack of this reader holds it.
   */
  long position(AnyObjectId id) {
    Oid oid = oid(id);
    for (int i = 0; i < packs.size(); i++) {
      long offset = packs.get(i).index.find(oid);
      if (offset >= 0) {
        return key(i, offset);
      }
    }
    return -1;
  }

  /**
   * Follows the delta chain down to a cached or whole object, then applies the deltas back up; the
   * content of the object at {@code offset}, or {@code null} when it is not of {@code type} or is
   * over {@code maxBytes}.
   */
  private byte[] resolve(
      int packNo, Pack s, long offset, int type, int maxBytes, ObjectRing.Buffer into)
      throws IOException, DataFormatException {
    int depth = 0;
    long pos = offset;
    int baseType;
    while (true) {
      baseType = shared.cache.get(key(packNo, pos), base);
      if (baseType >= 0) {
        break;
      }
      long p = pos;
      int c = at(s, p++);
      int t = (c >> 4) & 7;
      long size = c & 15;
      for (int shift = 4; (c & 0x80) != 0; shift += 7) {
        c = at(s, p++);
        size += (long) (c & 0x7f) << shift;
      }
      if (size > maxBytes) {
        return null;
      }
      if (t >= Constants.OBJ_COMMIT && t <= Constants.OBJ_TAG) {
        if (t != type) {
          return null;
        }
        if (pos == offset) {
          byte[] out = output(into, (int) size);
          inflate(s, p, out, (int) size);
          keepIfWorth(packNo, s, pos, t, out, (int) size);
          return out;
        }
        base.ensure((int) size);
        inflate(s, p, base.bytes, (int) size);
        base.length = (int) size;
        shared.cache.put(key(packNo, pos), t, base.bytes, base.length);
        baseType = t;
        break;
      }
      long basePos;
      if (t == OBJ_OFS_DELTA) {
        c = at(s, p++);
        long back = c & 0x7f;
        while ((c & 0x80) != 0) {
          c = at(s, p++);
          back = ((back + 1) << 7) + (c & 0x7f);
        }
        basePos = pos - back;
      } else if (t == OBJ_REF_DELTA) {
        for (int i = 0; i < rawId.length; i++) {
          rawId[i] = (byte) at(s, p++);
        }
        basePos = s.index.find(Oid.of(rawId, 0));
      } else {
        return null;
      }
      if (basePos < 0 || basePos >= pos || depth / 3 >= MAX_CHAIN) {
        return null;
      }
      if (depth + 3 > chain.length) {
        chain = Arrays.copyOf(chain, chain.length * 2);
      }
      chain[depth++] = pos;
      chain[depth++] = p;
      chain[depth++] = size;
      pos = basePos;
    }
    if (baseType != type) {
      return null;
    }
    if (depth == 0) { // the object asked for was cached
      if (base.length > maxBytes) {
        return null;
      }
      byte[] out = output(into, base.length);
      System.arraycopy(base.bytes, 0, out, 0, base.length);
      return out;
    }
    while (depth > 0) {
      int size = (int) chain[--depth];
      long dataPos = chain[--depth];
      long at = chain[--depth];
      delta.ensure(size);
      inflate(s, dataPos, delta.bytes, size);
      long resultSize = Delta.resultSize(delta.bytes, size, "pack");
      if (resultSize > maxBytes) {
        return null;
      }
      if (at == offset) {
        byte[] out = output(into, (int) resultSize);
        Delta.apply(base.bytes, base.length, delta.bytes, size, out, s.name);
        keepIfWorth(packNo, s, at, type, out, (int) resultSize);
        return out;
      }
      // What lies below the object asked for is a base by definition.
      next.ensure((int) resultSize);
      next.length = Delta.apply(base.bytes, base.length, delta.bytes, size, next.bytes, s.name);
      shared.cache.put(key(packNo, at), type, next.bytes, next.length);
      ObjectRing.Buffer applied = next;
      next = base;
      base = applied;
    }
    throw new IllegalStateException("the chain ends at the object asked for");
  }

  /**
   * Where the object asked for goes: the caller's buffer (its length set), or an array of exactly
   * its size.
   */
  private static byte[] output(ObjectRing.Buffer into, int size) {
    if (into == null) {
      return new byte[size];
    }
    into.ensure(size);
    into.length = size;
    return into.bytes;
  }

  /**
   * Keeps the object asked for when it is a tree (the next commit compares against it) or a base.
   */
  private void keepIfWorth(int packNo, Pack s, long at, int type, byte[] data, int length) {
    if (worthKeeping(s, at, type)) {
      shared.cache.put(key(packNo, at), type, data, length);
    }
  }

  /** Whether another object of {@code id}'s pack is stored as a delta on it (for tests). */
  boolean isDeltaBase(AnyObjectId id) {
    Oid oid = oid(id);
    for (Pack s : packs) {
      long offset = s.index.find(oid);
      if (offset >= 0) {
        return bases(s).isBase(offset);
      }
    }
    return false;
  }

  private boolean worthKeeping(Pack s, long at, int type) {
    return type == Constants.OBJ_TREE || bases(s).isBase(at);
  }

  /**
   * The pack's {@link Bases}, read once (by whichever reader asks first) from its object headers.
   */
  private Bases bases(Pack s) {
    synchronized (s) {
      if (s.bases == null) {
        try {
          s.bases = readBases(s);
        } catch (IOException | RuntimeException e) {
          s.bases = Bases.ALL; // headers it cannot read: keep everything, as without the table
        }
      }
      return s.bases;
    }
  }

  /** Reads each object's header (a few bytes, in pack order) for the base it is a delta on. */
  private Bases readBases(Pack s) throws IOException {
    int n = s.index.count();
    long[] offsets = new long[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = s.index.offsetAt(i);
    }
    Arrays.sort(offsets);
    Bases b = new Bases(offsets, new BitSet(n));
    byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
    for (int i = 0; i < n; i++) {
      long p = offsets[i];
      int c = at(s, p++);
      int type = (c >> 4) & 7;
      while ((c & 0x80) != 0) {
        c = at(s, p++);
      }
      if (type == OBJ_OFS_DELTA) {
        c = at(s, p++);
        long back = c & 0x7f;
        while ((c & 0x80) != 0) {
          c = at(s, p++);
          back = ((back + 1) << 7) + (c & 0x7f);
        }
        b.mark(offsets[i] - back);
      } else if (type == OBJ_REF_DELTA) {
        for (int k = 0; k < raw.length; k++) {
          raw[k] = (byte) at(s, p++);
        }
        long base = s.index.find(Oid.of(raw, 0));
        if (base >= 0) {
          b.mark(base);
        }
      }
    }
    return b;
  }

  private static Oid oid(AnyObjectId id) {
    byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
    id.copyRawTo(raw, 0);
    return Oid.of(raw, 0);
  }

  private static long key(int packNo, long offset) {
    return ((long) packNo << 48) | offset;
  }

  /**
   * Inflates the zlib stream at {@code pos}, which must hold exactly {@code size} bytes, into
   * {@code out}.
   */
  private void inflate(Pack s, long pos, byte[] out, int size)
      throws IOException, DataFormatException {
    inflater.reset();
    Window w = window(s, pos);
    // The window's buffer is this reader's own: the inflater reads it in place, no view needed.
    inflater.setInput(w.buf.limit(w.length).position((int) (pos - w.start)));
    int n = 0;
    while (true) {
      int r = inflater.inflate(out, n, size - n);
      n += r;
      if (inflater.finished()) {
        break;
      }
      if (inflater.needsInput()) {
        long next = w.start + w.length;
        if (next >= s.length()) {
          throw new DataFormatException("truncated object");
        }
        w = window(s, next);
        inflater.setInput(w.buf.limit(w.length).position(0));
      } else if (r == 0) {
        throw new DataFormatException("no progress inflating");
      }
    }
    if (n != size) {
      throw new DataFormatException("object size mismatch");
    }
  }

  /** The byte of the pack at {@code pos}. */
  private int at(Pack s, long pos) throws IOException {
    Window w = last != null && last.holds(s, pos) ? last : window(s, pos);
    return w.buf.get((int) (pos - w.start)) & 0xff;
  }

  /** The window holding {@code pos}: one already read, or the least recently used one refilled. */
  private Window window(Pack s, long pos) throws IOException {
    tick++;
    Window victim = null;
    for (int i = 0; i < WINDOWS; i++) {
      Window w = windows[i];
      if (w == null) {
        w = windows[i] = new Window();
      }
      if (w.holds(s, pos)) {
        w.used = tick;
        last = w;
        return w;
      }
      if (victim == null || w.used < victim.used) {
        victim = w;
      }
    }
    FileChannel channel = s.channel();
    long start = pos & -WINDOW;
    if (start >= s.length()) {
      throw new IOException("read past the end of " + s.pack);
    }
    ByteBuffer b = victim.buf.clear();
    while (b.hasRemaining()) {
      if (channel.read(b, start + b.position()) < 0) {
        break;
      }
    }
    victim.pack = s;
    victim.start = start;
    victim.length = b.position();
    victim.used = tick;
    last = victim;
    return victim;
  }

  @Override
  public void close() {
    inflater.end();
    if (owner) {
      shared.close();
    }
  }
}
