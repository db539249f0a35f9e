package dev.sealant.git;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One path that differs between trees: its raw mode and object id in each tree, old trees first and
 * the new tree last; a tree without the path has mode 0 and the zero id (as a {@code TreeWalk}
 * reports it).
 */
final class DiffEntry {

  private final String path;
  private final int[] modes;
  private final ObjectId[] ids;

  DiffEntry(String path, int[] modes, ObjectId[] ids) {
    this.path = path;
    this.modes = modes;
    this.ids = ids;
  }

  String path() {
    return path;
  }

  int trees() {
    return modes.length;
  }

  int mode(int tree) {
    return modes[tree];
  }

  ObjectId id(int tree) {
    return ids[tree];
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(path);
    for (int i = 0; i < modes.length; i++) {
      b.append(' ').append(Integer.toOctalString(modes[i])).append(':').append(ids[i].name(), 0, 8);
    }
    return b.toString();
  }
}
