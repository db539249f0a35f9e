package dev.sealant.git.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git's index (versions 2 to 4): the staged entries and the cache tree, which records the tree id
 * of every directory whose entries have not changed since it was last written. Split and sparse
 * indexes, unmerged entries and paths that are not UTF-8 are left to JGit ({@link StepAside}).
 */
public final class IndexFile {

  /** One staged path: its mode (as git writes it) and blob (or gitlink commit) id. */
  public record Entry(String path, int mode, Oid id) {}

  private final List<Entry> entries;
  private final Map<String, Oid> trees;

  private IndexFile(List<Entry> entries, Map<String, Oid> trees) {
    this.entries = entries;
    this.trees = trees;
  }

  /** Entries in the index's order (git's byte order of paths). */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The cache tree: directory path ("" for the top, no trailing slash) to the tree id its entries
   * make, for the directories whose id is still valid.
   */
  public Map<String, Oid> trees() {
    return trees;
  }

  public static IndexFile read(Path file) {
    byte[] b;
    try {
      b = Files.readAllBytes(file);
    } catch (IOException e) {
      throw StepAside.because("cannot read the index");
    }
    return parse(b);
  }

  static IndexFile parse(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    if (b.length < 12 + Oid.LENGTH || in.getInt(0) != 0x44495243) {
      throw StepAside.because("not an index file");
    }
    int version = in.getInt(4);
    int count = in.getInt(8);
    if (version < 2 || version > 4 || count < 0) {
      throw StepAside.because("index version " + version);
    }
    int end = b.length - Oid.LENGTH;
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // The header's count is untrusted: an entry takes at least 62 bytes, so no real index holds
    // more than that allows (a 2^31 count in a tiny file made this allocation fail, found by
    // fuzzing).
    if (count > b.length / 62) {
      throw StepAside.because("truncated index");
    }
    List<Entry> entries = new ArrayList<>(count);
    byte[] previous = new byte[0];
    int p = 12;
    for (int i = 0; i < count; i++) {
      int start = p;
      need(p + 62, end);
      int mode = in.getInt(p + 24);
      Oid id = Oid.of(b, p + 40);
      int flags = in.getShort(p + 60) & 0xffff;
      p += 62;
      if ((flags & 0x4000) != 0) {
        if (version < 3) {
          throw StepAside.because("extended flags in a version 2 index");
        }
        need(p + 2, end);
        p += 2;
      }
      if ((flags & 0x3000) != 0) {
        throw StepAside.because("unmerged entries");
      }
      byte[] path;
      if (version == 4) {
        int[] at = {p};
        long strip = offsetVarint(b, at, end);
        p = at[0];
        int nul = nul(b, p, end);
        if (strip > previous.length) {
          throw StepAside.because("bad path compression");
        }
        int keep = previous.length - (int) strip;
        path = new byte[keep + nul - p];
        System.arraycopy(previous, 0, path, 0, keep);
        System.arraycopy(b, p, path, keep, nul - p);
        p = nul + 1;
      } else {
        int nul = nul(b, p, end);
        path = Arrays.copyOfRange(b, p, nul);
        // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
        p = start + ((nul - start + 8) & ~7);
        need(p, end);
      }
      if ((mode & 0xf000) == 0x4000) {
        throw StepAside.because("sparse directory entries");
      }
      entries.add(new Entry(decode(utf8, path), mode, id));
      previous = path;
    }
    Map<String, Oid> trees = new HashMap<>();
    while (p + 8 <= end) {
      int sig = in.getInt(p);
      int size = in.getInt(p + 4);
      p += 8;
      if (size < 0 || p + size > end) {
        throw StepAside.because("truncated index extension");
      }
      if (sig == 0x54524545) { // TREE
        cacheTree(b, p, p + size, trees, utf8);
      } else if ((sig >>> 24) < 'A' || (sig >>> 24) > 'Z') {
        // A lower-case signature ("link" for a split index, "sdir" for a sparse one) must be
        // understood to read the index correctly.
        throw StepAside.because("required index extension");
      }
      p += size;
    }
    return new IndexFile(List.copyOf(entries), trees);
  }

  private static void cacheTree(
      byte[] b, int from, int to, Map<String, Oid> trees, CharsetDecoder utf8) {
    int[] at = {from};
    node(b, at, to, "", true, trees, utf8);
  }

  private static void node(
      byte[] b,
      int[] at,
      int to,
      String parent,
      boolean top,
      Map<String, Oid> trees,
      CharsetDecoder utf8) {
    int nul = nul(b, at[0], to);
    String name = decode(utf8, Arrays.copyOfRange(b, at[0], nul));
    String path = top ? "" : parent.isEmpty() ? name : parent + "/" + name;
    int p = nul + 1;
    int sp = indexOf(b, p, to, (byte) ' ');
    int nl = indexOf(b, sp + 1, to, (byte) '\n');
    int entryCount = number(b, p, sp);
    int subtrees = number(b, sp + 1, nl);
    p = nl + 1;
    if (entryCount >= 0) {
      need(p + Oid.LENGTH, to);
      trees.put(path, Oid.of(b, p));
      p += Oid.LENGTH;
    }
    at[0] = p;
    if (subtrees < 0) {
      throw StepAside.because("bad cache tree");
    }
    for (int i = 0; i < subtrees; i++) {
      node(b, at, to, path, false, trees, utf8);
    }
  }

  private static int number(byte[] b, int from, int to) {
    boolean minus = from < to && b[from] == '-';
    int v = 0;
    for (int i = minus ? from + 1 : from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9' || v > 100_000_000) {
        throw StepAside.because("bad cache tree");
      }
      v = v * 10 + (b[i] - '0');
    }
    if (from == to || (minus && to == from + 1)) {
      throw StepAside.because("bad cache tree");
    }
    return minus ? -v : v;
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    throw StepAside.because("truncated index");
  }

  private static int nul(byte[] b, int from, int to) {
    return indexOf(b, from, to, (byte) 0);
  }

  private static void need(int at, int end) {
    if (at > end) {
      throw StepAside.because("truncated index");
    }
  }

  /** Git's "offset" variable-length number (each continuation adds one before shifting). */
  private static long offsetVarint(byte[] b, int[] at, int end) {
    need(at[0] + 1, end);
    int c = b[at[0]++] & 0xff;
    long v = c & 0x7f;
    while ((c & 0x80) != 0) {
      need(at[0] + 1, end);
      if (v > (Long.MAX_VALUE >>> 8)) {
        throw StepAside.because("bad path compression");
      }
      c = b[at[0]++] & 0xff;
      v = ((v + 1) << 7) | (c & 0x7f);
    }
    return v;
  }

  private static String decode(CharsetDecoder utf8, byte[] path) {
    return Names.decode(path, 0, path.length, utf8);
  }
}
