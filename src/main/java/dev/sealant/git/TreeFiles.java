package dev.sealant.git;

import dev.sealant.error.ConfigException;
import dev.sealant.error.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * Files as a commit's tree holds them, for {@code sealant ci}'s base policy: the configuration
 * files of the base and the head, and a tracked {@code --patterns} directory or {@code --config}
 * file.
 */
public final class TreeFiles {

  private TreeFiles() {}

  /**
   * Every file named {@code name} in the commit's tree, by path, as text, and the root's {@code
   * altName} (the other spelling a root may use) under the key {@code name}: a base that spells it
   * {@code altName} keeps its rules, and renaming it is no way around the comparison. Both at the
   * root is a configuration error.
   */
  public static Map<String, String> named(
      Repository repo, ObjectId commit, String name, String altName) {
    Map<String, String> out = new TreeMap<>();
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(rw.parseCommit(commit).getTree());
      tw.setRecursive(true);
      tw.setFilter(
          OrTreeFilter.create(PathSuffixFilter.create(name), PathSuffixFilter.create(altName)));
      while (tw.next()) {
        String p = tw.getPathString();
        String key = p.equals(altName) ? name : p;
        if (!key.equals(name) && !p.endsWith("/" + name)) {
          continue;
        }
        if (out.containsKey(key)) {
          throw new ConfigException(
              "commit "
                  + commit.name()
                  + ": both "
                  + name
                  + " and "
                  + altName
                  + " exist at the root; keep one (Sealant reads either, never both)");
        }
        byte[] raw = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(4 << 20);
        out.put(key, new String(raw, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new GitException(
          "commit " + commit.name() + ": cannot read its " + name + " files: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The blobs at {@code rel} in the commit's tree: the file itself, or the regular files directly
   * in the directory (as {@code --patterns} reads one), by name relative to {@code rel}.
   */
  public static Map<String, byte[]> at(Repository repo, ObjectId commit, String rel) {
    Map<String, byte[]> out = new TreeMap<>();
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(rw.parseCommit(commit).getTree());
      tw.setRecursive(true);
      tw.setFilter(PathFilter.create(rel));
      while (tw.next()) {
        String p = tw.getPathString();
        String name = p.equals(rel) ? "" : p.substring(rel.length() + 1);
        if (name.contains("/") || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
          continue;
        }
        out.put(name, reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(32 << 20));
      }
    } catch (IOException e) {
      throw new GitException(
          "commit " + commit.name() + ": cannot read " + rel + ": " + e.getMessage(), e);
    }
    return out;
  }
}
