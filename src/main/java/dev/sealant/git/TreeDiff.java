package dev.sealant.git;

import dev.sealant.source.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The paths that differ between some old trees and a new tree, read straight from the raw tree
 * objects: exactly the entries a recursive {@code TreeWalk} with {@code TreeFilter.ANY_DIFF} yields
 * over the same trees (the new tree last), in the same order, without its per-entry objects.
 *
 * <p>A history scan compares every commit with its parents, and most of each tree is unchanged:
 * with one old tree, equal runs of entries are skipped with one vectorised byte comparison ({@link
 * Arrays#mismatch}), and equal subtrees are never loaded. A subtree is entered when any tree has a
 * different mode or id for it; a name that is a file in one tree and a directory in another is two
 * entries, ordered as git orders them (a directory's name sorts as if it ended in {@code /}).
 */
final class TreeDiff {

  /** Loads a tree's raw bytes (the caller's reader, possibly through a cache). */
  interface Trees {
    byte[] load(ObjectId tree) throws IOException;

    /**
     * Loads the tree into {@code into}: {@code into.bytes[0, into.length)}. By default the array
     * {@link #load} returns becomes the buffer's; a reader with buffers of its own (a history
     * scan's, see {@link Buffers}) copies into them instead, and allocates nothing.
     */
    default void load(ObjectId tree, ObjectRing.Buffer into) throws IOException {
      byte[] b = load(tree);
      into.bytes = b;
      into.length = b.length;
    }
  }

  /**
   * The buffers one thread's tree comparisons load trees into, each reused once the level of the
   * walk that held it is done (a level's trees are the last ones taken: the walk is depth first).
   */
  static final class Buffers {
    private final List<ObjectRing.Buffer> all = new ArrayList<>();
    private final int keep;
    private int used;

    /** Buffers for one thread working alone. */
    Buffers() {
      this(ObjectRing.Buffer.keep(1));
    }

    /**
     * @param keep the largest array each buffer keeps ({@link ObjectRing.Buffer#keep})
     */
    Buffers(int keep) {
      this.keep = keep;
    }

    ObjectRing.Buffer take() {
      if (used == all.size()) {
        all.add(new ObjectRing.Buffer(0, keep));
      }
      return all.get(used++);
    }

    void release(int n) {
      for (int i = used - n; i < used; i++) {
        all.get(i).shrink();
      }
      used -= n;
    }
  }

  private static final byte[] EMPTY = new byte[0];
  private static final int TREE = FileMode.TYPE_TREE;
  private static final int TYPE_MASK = FileMode.TYPE_MASK;

  private final Trees trees;
  private final Buffers buffers;
  private final boolean changesOnly;
  private final List<DiffEntry> out = new ArrayList<>();
  private byte[] path = new byte[256];

  private TreeDiff(Trees trees, Buffers buffers, boolean changesOnly) {
    this.trees = trees;
    this.buffers = buffers;
    this.changesOnly = changesOnly;
  }

  /**
   * The differing non-tree entries of {@code roots} (old trees first, the new tree last; {@code
   * null} for an empty tree), recursively, in git's path order.
   */
  static List<DiffEntry> diff(Trees trees, ObjectId... roots) throws IOException {
    return run(new TreeDiff(trees, new Buffers(), false), roots);
  }

  /**
   * The same, less the entries {@link ChangeScanner} reads nothing from: a file whose new version
   * is an old tree's file (the same blob; only the mode may differ), and in a merge, a path it
   * deletes or takes unchanged from a parent, with every path under a subtree it so takes (never
   * loaded). A merge differs from each parent in every path the other parent changed: on git's own
   * history these were nearly all of the millions of entries a full scan listed.
   */
  static List<DiffEntry> changes(Trees trees, ObjectId... roots) throws IOException {
    return changes(trees, new Buffers(), roots);
  }

  /** The same, loading the trees into {@code buffers} (this thread's). */
  static List<DiffEntry> changes(Trees trees, Buffers buffers, ObjectId... roots)
      throws IOException {
    return run(new TreeDiff(trees, buffers, true), roots);
  }

  private static List<DiffEntry> run(TreeDiff d, ObjectId... roots) throws IOException {
    Cursor[] c = new Cursor[roots.length];
    int taken = 0;
    try {
      for (int i = 0; i < roots.length; i++) {
        c[i] = roots[i] == null ? new Cursor(EMPTY, 0) : d.load(roots[i]);
        taken += roots[i] == null ? 0 : 1;
      }
      d.walk(new Level(c, 0, taken));
    } finally {
      d.buffers.release(d.buffers.used);
    }
    return d.out;
  }

  private Cursor load(ObjectId tree) throws IOException {
    ObjectRing.Buffer b = buffers.take();
    trees.load(tree, b);
    return new Cursor(b.bytes, b.length);
  }

  /** One directory level being walked: its cursors and its path prefix {@code path[0, prefix)}. */
  private static final class Level {
    final Cursor[] c;
    final boolean[] match;
    final int prefix;

    /** How many {@link Buffers} its trees took, given back when it is done. */
    final int taken;

    /** The matched cursors still point at the subtree just walked; advance them first. */
    boolean entered;

    Level(Cursor[] c, int prefix, int taken) {
      this.c = c;
      this.match = new boolean[c.length];
      this.prefix = prefix;
      this.taken = taken;
    }

    void advance() throws CorruptObjectException {
      for (int i = 0; i < c.length; i++) {
        if (match[i]) {
          c[i].next();
        }
      }
    }
  }

  /**
   * Walks the trees depth first with an explicit stack of levels, not recursion: a tree nested
   * thousands deep (a pushed commit can hold one) costs heap, never the thread's stack.
   */
  private void walk(Level root) throws IOException {
    int n = root.c.length;
    ArrayDeque<Level> stack = new ArrayDeque<>();
    stack.push(root);
    levels:
    while (!stack.isEmpty()) {
      Level l = stack.peek();
      Cursor[] c = l.c;
      boolean[] match = l.match;
      if (l.entered) {
        l.entered = false;
        l.advance();
      }
      while (true) {
        skipEqual(c);
        int min = -1;
        for (int i = 0; i < n; i++) {
          if (!c[i].eof() && (min < 0 || c[i].compareTo(c[min]) < 0)) {
            min = i;
          }
        }
        if (min < 0) {
          buffers.release(stack.pop().taken);
          continue levels;
        }
        for (int i = 0; i < n; i++) {
          match[i] = !c[i].eof() && c[i].compareTo(c[min]) == 0;
        }
        if (differs(c, match)) {
          int at = c[min].appendName(this, l.prefix);
          if ((c[min].mode & TYPE_MASK) == TREE) {
            if (changesOnly && mergeAddsNothing(c, match)) {
              l.advance();
              continue;
            }
            path = ensure(path, at + 1);
            path[at] = '/';
            Cursor[] sub = new Cursor[n];
            int taken = 0;
            for (int i = 0; i < n; i++) {
              sub[i] = match[i] ? load(c[i].id()) : new Cursor(EMPTY, 0);
              taken += match[i] ? 1 : 0;
            }
            l.entered = true;
            stack.push(new Level(sub, at + 1, taken));
            continue levels;
          }
          emit(c, match, at);
        }
        l.advance();
      }
    }
  }

  /** True unless every tree has the entry with the same mode and id (TreeFilter.ANY_DIFF). */
  private static boolean differs(Cursor[] c, boolean[] match) {
    for (int i = 1; i < c.length; i++) {
      if (match[i] != match[0]) {
        return true;
      }
      if (match[i] && (c[i].mode != c[0].mode || !c[i].sameId(c[0]))) {
        return true;
      }
    }
    return false;
  }

  private void emit(Cursor[] c, boolean[] match, int pathLen) {
    if (changesOnly && readsNothing(c, match)) {
      return;
    }
    int n = c.length;
    int[] modes = new int[n];
    ObjectId[] ids = new ObjectId[n];
    for (int i = 0; i < n; i++) {
      modes[i] = match[i] ? c[i].mode : 0;
      ids[i] = match[i] ? c[i].id() : ObjectId.zeroId();
    }
    out.add(new DiffEntry(pathString(pathLen), modes, ids));
  }

  /** Whether {@link ChangeScanner} would pass the entry over (see {@link #changes}). */
  private static boolean readsNothing(Cursor[] c, boolean[] match) {
    if (mergeAddsNothing(c, match)) {
      return true;
    }
    int last = c.length - 1;
    if (!match[last]) {
      return false; // a single-parent commit compares its deletions with its new paths
    }
    if (!ChangeScanner.isFile(c[last].mode)) {
      return false;
    }
    for (int i = 0; i < last; i++) {
      if (match[i] && ChangeScanner.isFile(c[i].mode) && c[i].sameId(c[last])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a merge takes the entry (a file, link, submodule or whole subtree) unchanged from one
   * of its parents, or deletes it: it then adds nothing there that its parents' own commits did
   * not. A merge differs from each parent in everything the other parent changed since they forked;
   * on git's own history, walking those subtrees was most of the time a full scan spent on trees.
   */
  private static boolean mergeAddsNothing(Cursor[] c, boolean[] match) {
    int last = c.length - 1;
    if (last < 2) {
      return false;
    }
    if (!match[last]) {
      return true;
    }
    for (int i = 0; i < last; i++) {
      if (match[i] && c[i].mode == c[last].mode && c[i].sameId(c[last])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path as JGit decodes it. Nearly every path is ASCII, which needs no decoder: a history scan
   * emits millions of paths (a merge's every path that differs from either parent).
   */
  private String pathString(int pathLen) {
    for (int i = 0; i < pathLen; i++) {
      if (path[i] < 0) {
        return RawParseUtils.decode(StandardCharsets.UTF_8, path, 0, pathLen);
      }
    }
    return new String(path, 0, pathLen, StandardCharsets.ISO_8859_1);
  }

  /**
   * Advances every cursor over the entries all of them have byte for byte in common (a merge's
   * three trees as well as a commit's two).
   */
  private static void skipEqual(Cursor[] c) throws CorruptObjectException {
    Cursor a = c[0];
    if (c.length < 2) {
      return;
    }
    for (Cursor x : c) {
      if (x.eof()) {
        return;
      }
    }
    int k = Integer.MAX_VALUE;
    for (int i = 1; i < c.length; i++) {
      Cursor b = c[i];
      int m = Arrays.mismatch(a.buf, a.pos, a.length, b.buf, b.pos, b.length);
      if (m >= 0) {
        k = Math.min(k, m);
      }
    }
    if (k == Integer.MAX_VALUE) {
      for (Cursor x : c) {
        x.toEnd();
      }
      return;
    }
    int skipped = a.skipWhole(a.pos + k);
    if (skipped > 0) {
      for (int i = 1; i < c.length; i++) {
        c[i].skipBytes(skipped);
      }
    }
  }

  private static byte[] ensure(byte[] b, int n) {
    return n <= b.length ? b : Arrays.copyOf(b, Math.max(n, b.length * 2));
  }

  /** The current entry of one raw tree: {@code <octal mode> SP <name> NUL <20-byte id>}. */
  private static final class Cursor {
    final byte[] buf;
    final int length;
    int pos;
    int mode;
    int nameStart;
    int nameEnd;
    int end;

    /** The entries of {@code buf[0, length)}. */
    Cursor(byte[] buf, int length) throws CorruptObjectException {
      this.buf = buf;
      this.length = length;
      parse(0);
    }

    boolean eof() {
      return pos >= length;
    }

    void next() throws CorruptObjectException {
      parse(end);
    }

    void toEnd() {
      pos = length;
    }

    void skipBytes(int n) throws CorruptObjectException {
      parse(pos + n);
    }

    /**
     * Moves over the entries that end at or before {@code limit} (bytes every tree has in common),
     * finding each one's end by its name's NUL, and parses the entry it stops at; returns the bytes
     * moved over. Most of a commit's trees are such runs: parsing each entry in them was a tenth of
     * a history scan. Each mode is still checked, as {@link #parse} checks it: a range scan whose
     * commit shares a malformed entry with a parent outside the range fails, as git's own readers
     * do, and is never reported clean.
     */
    int skipWhole(int limit) throws CorruptObjectException {
      int from = pos;
      if (eof() || end > limit) {
        return 0;
      }
      int p = end;
      while (p < limit) {
        int nul = Content.indexOfNul(buf, p, limit);
        if (nul < 0 || nul + 1 + 20 > limit) {
          break;
        }
        checkMode(p);
        p = nul + 1 + 20;
      }
      parse(p);
      return p - from;
    }

    /** Octal digits up to a space, or the error {@link #parse} gives (the name's NUL stops it). */
    private void checkMode(int at) throws CorruptObjectException {
      byte ch;
      for (int q = at; (ch = buf[q]) != ' '; q++) {
        if (ch < '0' || ch > '7') {
          throw new CorruptObjectException("malformed tree entry mode");
        }
      }
    }

    private void parse(int at) throws CorruptObjectException {
      pos = at;
      if (at >= length) {
        return;
      }
      int m = 0;
      int p = at;
      byte ch;
      while ((ch = buf[p++]) != ' ') {
        if (ch < '0' || ch > '7' || p >= length) {
          throw new CorruptObjectException("malformed tree entry mode");
        }
        m = (m << 3) + (ch - '0');
      }
      mode = m;
      nameStart = p;
      int nul = Content.indexOfNul(buf, p, length);
      p = nul < 0 ? length : nul;
      nameEnd = p;
      end = p + 1 + 20;
      if (end > length) {
        throw new CorruptObjectException("truncated tree entry");
      }
    }

    ObjectId id() {
      return ObjectId.fromRaw(buf, nameEnd + 1);
    }

    boolean sameId(Cursor o) {
      return Arrays.equals(buf, nameEnd + 1, end, o.buf, o.nameEnd + 1, o.end);
    }

    /** Git's order: byte-wise names, a tree's name continuing with {@code /}. */
    int compareTo(Cursor o) {
      int aLen = nameEnd - nameStart;
      int bLen = o.nameEnd - o.nameStart;
      int len = Math.min(aLen, bLen);
      int m =
          Arrays.mismatch(buf, nameStart, nameStart + len, o.buf, o.nameStart, o.nameStart + len);
      if (m >= 0) {
        return (buf[nameStart + m] & 0xff) - (o.buf[o.nameStart + m] & 0xff);
      }
      int ca = aLen > len ? buf[nameStart + len] & 0xff : last(mode);
      int cb = bLen > len ? o.buf[o.nameStart + len] & 0xff : last(o.mode);
      return ca - cb;
    }

    private static int last(int mode) {
      return (mode & TYPE_MASK) == TREE ? '/' : 0;
    }

    /**
     * Appends this entry's name to the diff's path after {@code prefix}; returns the new length.
     */
    int appendName(TreeDiff d, int prefix) {
      int len = nameEnd - nameStart;
      d.path = ensure(d.path, prefix + len + 1);
      System.arraycopy(buf, nameStart, d.path, prefix, len);
      return prefix + len;
    }
  }
}
