package dev.sealant.git.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A version-2 pack index ({@code pack-*.idx}), memory-mapped: the object ids of one pack in sorted
 * order with a 256-entry fan-out table, and each object's offset in the pack. The one index reader
 * of both the hook ({@link ObjectStore}) and history scans. A repository's multi-pack index is not
 * read: git keeps every pack's own index beside it, and this reads those.
 */
public final class PackIndex {

  private static final int HEADER = 8 + 256 * 4;

  private final ByteBuffer idx;
  private final String name;
  private final int count;

  private PackIndex(ByteBuffer idx, String name) {
    this.idx = idx;
    this.name = name;
    if (idx.capacity() < HEADER + 40 || idx.getInt(0) != 0xff744f63 || idx.getInt(4) != 2) {
      throw StepAside.because("pack index of " + name + " is not version 2");
    }
    this.count = idx.getInt(8 + 255 * 4);
    if (count < 0 || (long) idx.capacity() < HEADER + 28L * count + 40) {
      throw StepAside.because("pack index of " + name + " is truncated");
    }
  }

  /** Maps the index file {@code file}; {@link StepAside} when it is not a version-2 index. */
  public static PackIndex open(Path file) {
    try {
      return new PackIndex(map(file), file.getFileName().toString());
    } catch (IOException e) {
      throw StepAside.because("cannot read " + file.getFileName());
    }
  }

  /**
   * The {@code pack-*.idx} files of an objects directory that have their pack beside them, by name.
   */
  public static List<Path> list(Path objects) {
    List<Path> idx = new ArrayList<>();
    // A plain listing: a glob filter would compile a regex behind it, milliseconds cold.
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(objects.resolve("pack"))) {
      for (Path p : dir) {
        String name = p.getFileName().toString();
        if (name.startsWith("pack-") && name.endsWith(".idx") && Files.isRegularFile(packOf(p))) {
          idx.add(p);
        }
      }
    } catch (NoSuchFileException e) {
      // No pack directory: a fresh repository keeps only loose objects.
    } catch (IOException e) {
      throw StepAside.because("cannot list packs");
    }
    idx.sort(null);
    return idx;
  }

  /** The pack file an index file describes. */
  public static Path packOf(Path idx) {
    String name = idx.getFileName().toString();
    return idx.resolveSibling(name.substring(0, name.length() - 4) + ".pack");
  }

  static ByteBuffer map(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE) {
        throw StepAside.because(p.getFileName() + " is larger than 2 GiB");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    }
  }

  /** How many objects the pack holds. */
  public int count() {
    return count;
  }

  /** The object's offset in the pack, or -1 when the pack does not hold it. */
  public long find(Oid id) {
    int first = id.firstByte();
    int lo = first == 0 ? 0 : idx.getInt(8 + (first - 1) * 4);
    int hi = idx.getInt(8 + first * 4);
    byte[] key = new byte[Oid.LENGTH];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      idx.get(HEADER + mid * Oid.LENGTH, key, 0, Oid.LENGTH);
      int c = id.compareTo(key, 0);
      if (c == 0) {
        return offset(mid);
      } else if (c < 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return -1;
  }

  /** The offset in the pack of the object at position {@code i} of the index (in id order). */
  public long offsetAt(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException(i);
    }
    return offset(i);
  }

  private long offset(int i) {
    int offsets = HEADER + 24 * count;
    int o = idx.getInt(offsets + 4 * i);
    if (o >= 0) {
      return o;
    }
    int large = offsets + 4 * count + 8 * (o & 0x7fffffff);
    if (large + 8 > idx.capacity()) {
      throw StepAside.because("pack index of " + name + " is truncated");
    }
    return idx.getLong(large);
  }
}
