package dev.sealant.git.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads objects from one objects directory: loose objects first, then every pack through its
 * version-2 index. Packs and indexes are memory-mapped, so opening a large pack costs nothing until
 * an object in it is read. Deltas (by offset or by reference) are resolved here. Anything missing,
 * malformed or larger than the caller's limit is {@link StepAside}, never a guess.
 */
public final class ObjectStore implements AutoCloseable {

  public static final int COMMIT = 1;
  public static final int TREE = 2;
  public static final int BLOB = 3;
  private static final int TAG = 4;
  private static final int OFS_DELTA = 6;
  private static final int REF_DELTA = 7;

  /** Trees and commits larger than this are not what a hook should be reading: JGit takes over. */
  private static final long MAX_METADATA = 64L << 20;

  private static final int MAX_CHAIN = 10_000;
  private static final long BASE_CACHE_BYTES = 32L << 20;

  /** An object's type and size, known before its content is inflated. */
  public record Header(int type, long size) {}

  private final Path objects;
  private List<Pack> packs;
  private final Inflater inflater = new Inflater();

  /**
   * Resolved delta bases by pack and offset; a hook reads few objects, so a byte budget suffices.
   */
  private final Map<String, Map<Long, byte[]>> bases = new HashMap<>();

  private long cachedBytes;

  public ObjectStore(Path objects) {
    this.objects = objects;
  }

  /** The object's type and size, read without inflating its content. */
  public Header header(Oid id) {
    Path loose = loose(id);
    if (Files.isRegularFile(loose)) {
      return looseHeader(loose, id);
    }
    for (Pack p : packs()) {
      long at = p.find(id);
      if (at >= 0) {
        return p.header(at);
      }
    }
    if (id.equals(Oid.EMPTY_BLOB)) {
      return new Header(BLOB, 0); // git's empty blob exists even when no file or pack holds it
    }
    throw StepAside.because("object " + id.name() + " not found");
  }

  /**
   * The content of an object of the expected type (at most {@code maxSize} bytes, else step aside).
   */
  public byte[] read(Oid id, int type, long maxSize) {
    Path loose = loose(id);
    if (Files.isRegularFile(loose)) {
      return readLoose(loose, id, type, maxSize);
    }
    for (Pack p : packs()) {
      long at = p.find(id);
      if (at >= 0) {
        Header h = p.header(at);
        if (h.type() != type) {
          throw StepAside.because(
              "object " + id.name() + " has type " + h.type() + ", not " + type);
        }
        if (h.size() > maxSize) {
          throw StepAside.because("object " + id.name() + " is larger than expected");
        }
        return p.content(at, 0);
      }
    }
    if (id.equals(Oid.EMPTY_BLOB) && type == BLOB) {
      return new byte[0];
    }
    throw StepAside.because("object " + id.name() + " not found");
  }

  /** A tree or commit (bounded in size). */
  public byte[] read(Oid id, int type) {
    return read(id, type, MAX_METADATA);
  }

  private Path loose(Oid id) {
    String hex = id.name();
    return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
  }

  private Header looseHeader(Path file, Oid id) {
    try (InputStream in = Files.newInputStream(file)) {
      return looseStart(in.readNBytes(256), id).header();
    } catch (IOException e) {
      throw StepAside.because("cannot read loose object " + id.name());
    }
  }

  /** The header of the loose object whose compressed bytes start with {@code zipped}. */
  private LooseStart looseStart(byte[] zipped, Oid id) {
    Inflater inf = inflater;
    inf.reset();
    inf.setInput(zipped);
    try {
      byte[] out = new byte[64];
      int n = inf.inflate(out);
      return parseLooseHeader(out, n, id);
    } catch (DataFormatException e) {
      throw StepAside.because("loose object " + id.name() + " is not zlib data");
    }
  }

  private record LooseStart(Header header, int contentAt) {}

  private static LooseStart parseLooseHeader(byte[] b, int n, Oid id) {
    int sp = -1;
    int nul = -1;
    for (int i = 0; i < n; i++) {
      if (b[i] == ' ' && sp < 0) {
        sp = i;
      } else if (b[i] == 0) {
        nul = i;
        break;
      }
    }
    if (sp <= 0 || nul <= sp + 1) {
      throw StepAside.because("loose object " + id.name() + " has no header");
    }
    String type = new String(b, 0, sp, StandardCharsets.US_ASCII);
    long size = 0;
    for (int i = sp + 1; i < nul; i++) {
      // Canonical decimal, as git requires: no leading zero (git refuses "blob 007" as corrupt).
      if (b[i] < '0'
          || b[i] > '9'
          || (i == sp + 1 && b[i] == '0' && nul > sp + 2)
          || size > (Long.MAX_VALUE - 9) / 10) {
        throw StepAside.because("loose object " + id.name() + " has a bad size");
      }
      size = size * 10 + (b[i] - '0');
    }
    int t =
        switch (type) {
          case "commit" -> COMMIT;
          case "tree" -> TREE;
          case "blob" -> BLOB;
          case "tag" -> TAG;
          default -> throw StepAside.because("loose object " + id.name() + " has unknown type");
        };
    return new LooseStart(new Header(t, size), nul + 1);
  }

  private byte[] readLoose(Path file, Oid id, int type, long maxSize) {
    byte[] zipped;
    LooseStart start;
    Header h;
    try (InputStream in = Files.newInputStream(file)) {
      // The header first, from the file's start: a loose object over maxSize is never read whole.
      byte[] head = in.readNBytes(256);
      start = looseStart(head, id);
      h = start.header();
      if (h.type() != type) {
        throw StepAside.because("object " + id.name() + " has another type");
      }
      if (h.size() > maxSize || h.size() > Integer.MAX_VALUE - 64) {
        throw StepAside.because("object " + id.name() + " is larger than expected");
      }
      byte[] rest = in.readAllBytes();
      zipped = Arrays.copyOf(head, head.length + rest.length);
      System.arraycopy(rest, 0, zipped, head.length, rest.length);
    } catch (IOException e) {
      throw StepAside.because("cannot read loose object " + id.name());
    }
    // The content starts where the parsed header ended, not where a header of this type and size
    // would usually end.
    byte[] all = inflate(ByteBuffer.wrap(zipped), start.contentAt() + (int) h.size(), id);
    byte[] out = new byte[(int) h.size()];
    System.arraycopy(all, start.contentAt(), out, 0, out.length);
    return out;
  }

  /** Inflates exactly {@code size} bytes from the stream at the buffer's position. */
  private byte[] inflate(ByteBuffer in, int size, Object what) {
    Inflater inf = inflater;
    inf.reset();
    byte[] out = new byte[size];
    try {
      inf.setInput(in);
      int n = 0;
      while (n < size) {
        int k = inf.inflate(out, n, size - n);
        if (k == 0 && (inf.finished() || inf.needsDictionary() || inf.needsInput())) {
          break;
        }
        n += k;
      }
      if (n != size) {
        throw StepAside.because("object " + what + " is shorter than its header says");
      }
      if (!inf.finished()) {
        // One more byte must end the stream: anything longer is not the object its header says.
        byte[] probe = new byte[1];
        if (inf.inflate(probe) != 0 || !inf.finished()) {
          throw StepAside.because("object " + what + " is longer than its header says");
        }
      }
      return out;
    } catch (DataFormatException e) {
      throw StepAside.because("object " + what + " is not zlib data");
    }
  }

  private List<Pack> packs() {
    if (packs == null) {
      packs = new ArrayList<>();
      for (Path i : PackIndex.list(objects)) {
        Path pack = PackIndex.packOf(i);
        try {
          packs.add(
              new Pack(PackIndex.open(i), PackIndex.map(pack), pack.getFileName().toString()));
        } catch (IOException e) {
          throw StepAside.because("cannot read " + pack.getFileName());
        }
      }
    }
    return packs;
  }

  @Override
  public void close() {
    inflater.end();
  }

  /** One pack and its version-2 index. */
  private final class Pack {
    private final PackIndex index;
    private final ByteBuffer data;
    private final String name;

    Pack(PackIndex index, ByteBuffer data, String name) {
      this.index = index;
      this.data = data;
      this.name = name;
      if (data.capacity() < 32 || data.getInt(0) != 0x5041434b) {
        throw StepAside.because(name + " is not a pack");
      }
    }

    /** The object's offset in the pack, or -1. */
    long find(Oid id) {
      return index.find(id);
    }

    /** Type and size of the object at {@code at}, following deltas to their base for the type. */
    Header header(long at) {
      Entry e = entry(at);
      long size = e.size;
      int depth = 0;
      boolean delta = e.type == OFS_DELTA || e.type == REF_DELTA;
      if (delta) {
        size = deltaResultSize(e);
      }
      while (e.type == OFS_DELTA || e.type == REF_DELTA) {
        if (++depth > MAX_CHAIN) {
          throw StepAside.because("delta chain too long in " + name);
        }
        e = base(e);
      }
      return new Header(e.type, size);
    }

    /** The inflated, delta-resolved content of the object at {@code at}. */
    byte[] content(long at, int depth) {
      if (depth > MAX_CHAIN) {
        throw StepAside.because("delta chain too long in " + name);
      }
      Map<Long, byte[]> cache = bases.computeIfAbsent(name, k -> new HashMap<>());
      byte[] cached = cache.get(at);
      if (cached != null) {
        return cached;
      }
      Entry e = entry(at);
      byte[] out;
      if (e.type == OFS_DELTA || e.type == REF_DELTA) {
        byte[] delta = inflateAt(e, e.size);
        byte[] base = e.type == OFS_DELTA ? content(e.baseOffset, depth + 1) : refBase(e.baseId);
        out = Delta.apply(base, delta, name);
      } else {
        out = inflateAt(e, e.size);
      }
      if (depth > 0 && cachedBytes + out.length <= BASE_CACHE_BYTES) {
        cache.put(at, out);
        cachedBytes += out.length;
      }
      return out;
    }

    private byte[] refBase(Oid base) {
      long at = find(base);
      if (at >= 0) {
        return content(at, 1);
      }
      // A thin base elsewhere: the same machinery, any type (the delta's own type is its base's).
      Header h = ObjectStore.this.header(base);
      return ObjectStore.this.read(base, h.type(), MAX_METADATA * 16);
    }

    private Entry base(Entry e) {
      if (e.type == OFS_DELTA) {
        return entry(e.baseOffset);
      }
      long at = find(e.baseId);
      if (at < 0) {
        Header h = ObjectStore.this.header(e.baseId);
        return new Entry(h.type(), h.size(), -1, -1, null);
      }
      return entry(at);
    }

    private long deltaResultSize(Entry e) {
      ByteBuffer in = slice(e.dataAt);
      Inflater inf = inflater;
      inf.reset();
      inf.setInput(in);
      byte[] head = new byte[32];
      try {
        int n = 0;
        while (n < head.length) {
          int k = inf.inflate(head, n, head.length - n);
          if (k == 0) {
            break;
          }
          n += k;
        }
        return Delta.resultSize(head, n, name);
      } catch (DataFormatException ex) {
        throw StepAside.because("corrupt delta in " + name);
      }
    }

    private byte[] inflateAt(Entry e, long size) {
      if (size > Integer.MAX_VALUE - 64) {
        throw StepAside.because("object too large in " + name);
      }
      return inflate(slice(e.dataAt), (int) size, name + "@" + e.dataAt);
    }

    private ByteBuffer slice(long at) {
      if (at < 12 || at >= data.capacity() - 20) {
        throw StepAside.because("offset outside " + name);
      }
      return data.duplicate().position((int) at);
    }

    private Entry entry(long at) {
      if (at < 12 || at >= data.capacity() - 20 || at > Integer.MAX_VALUE) {
        throw StepAside.because("offset outside " + name);
      }
      int p = (int) at;
      int c = data.get(p++) & 0xff;
      int type = (c >> 4) & 7;
      long size = c & 15;
      int shift = 4;
      while ((c & 0x80) != 0) {
        if (shift > 56) {
          throw StepAside.because("bad entry header in " + name);
        }
        c = data.get(p++) & 0xff;
        size |= (long) (c & 0x7f) << shift;
        shift += 7;
      }
      if (type == OFS_DELTA) {
        c = data.get(p++) & 0xff;
        long back = c & 0x7f;
        while ((c & 0x80) != 0) {
          if (back > (Long.MAX_VALUE >>> 8)) {
            throw StepAside.because("bad delta offset in " + name);
          }
          c = data.get(p++) & 0xff;
          back = ((back + 1) << 7) | (c & 0x7f);
        }
        if (back <= 0 || back > at) {
          throw StepAside.because("bad delta offset in " + name);
        }
        return new Entry(type, size, p, at - back, null);
      }
      if (type == REF_DELTA) {
        byte[] id = new byte[Oid.LENGTH];
        data.get(p, id, 0, Oid.LENGTH);
        return new Entry(type, size, p + Oid.LENGTH, -1, Oid.of(id, 0));
      }
      if (type < COMMIT || type > TAG) {
        throw StepAside.because("unknown object type " + type + " in " + name);
      }
      return new Entry(type, size, p, -1, null);
    }
  }

  private record Entry(int type, long size, long dataAt, long baseOffset, Oid baseId) {}
}
