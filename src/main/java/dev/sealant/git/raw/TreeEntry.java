package dev.sealant.git.raw;

import java.nio.charset.CharsetDecoder;
import java.util.ArrayList;
import java.util.List;

/** One entry of a tree object: git's mode bits, the name and the id. */
public record TreeEntry(int mode, String name, Oid id) {

  public static final int TYPE_MASK = 0170000;
  public static final int TYPE_TREE = 0040000;
  public static final int TYPE_FILE = 0100000;
  public static final int TYPE_SYMLINK = 0120000;
  public static final int TYPE_GITLINK = 0160000;

  public boolean isTree() {
    return (mode & TYPE_MASK) == TYPE_TREE;
  }

  /** Parses a tree object's content. Names that are not UTF-8 are left to JGit. */
  public static List<TreeEntry> parse(byte[] b) {
    List<TreeEntry> out = new ArrayList<>();
    CharsetDecoder utf8 = null;
    int p = 0;
    while (p < b.length) {
      int mode = 0;
      int digits = 0;
      while (p < b.length && b[p] != ' ') {
        if (b[p] < '0' || b[p] > '7' || ++digits > 7) {
          throw StepAside.because("bad tree entry");
        }
        mode = (mode << 3) | (b[p++] - '0');
      }
      int nameAt = ++p;
      while (p < b.length && b[p] != 0) {
        p++;
      }
      if (p >= b.length || p == nameAt || digits == 0) {
        throw StepAside.because("bad tree entry");
      }
      String name = Names.decode(b, nameAt, p, utf8);
      out.add(new TreeEntry(mode, name, Oid.of(b, p + 1)));
      p += 1 + Oid.LENGTH;
    }
    return out;
  }
}
