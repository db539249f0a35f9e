package dev.sealant.git;

import dev.sealant.error.GitException;
import dev.sealant.error.SealantException;
import dev.sealant.error.UsageException;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What {@code git commit} would record right now: HEAD's tree (the empty tree before the first
 * commit) against the blobs in the index. The working tree is never read, so a partially staged
 * file is scanned as staged, and a secret staged then removed only from the working tree is still
 * caught. Nothing is written: the index is read, not locked.
 *
 * <p>An index with unmerged (conflicted) entries is refused with a usage error (exit 2) naming the
 * paths: there is no single staged version to scan until the conflict is resolved.
 */
public final class StagedSource implements Source {

  private final Repository repo;
  private final Limits limits;
  private final Predicate<String> pathAllowed;

  public StagedSource(Repository repo, Limits limits, Predicate<String> pathAllowed) {
    this.repo = repo;
    this.limits = limits;
    this.pathAllowed = pathAllowed;
  }

  @Override
  public void run(Sink sink) {
    DirCache index = Indexes.read(repo);
    refuseConflicts(index);
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = changes(reader, index)) {
      new ChangeScanner(
              reader,
              limits,
              pathAllowed,
              Claims.unordered(new LongSet()),
              sink,
              new BlobTextCache(1 << 16))
          .scan(walk, Optional.empty());
      sink.progress(1, 1);
    } catch (MissingObjectException e) {
      throw new GitException(
          "missing object "
              + e.getObjectId().name()
              + " (staged changes in "
              + repo.getDirectory()
              + "): the repository is corrupt",
          e);
    } catch (IOException e) {
      throw new GitException(
          unreadable(index)
              .map(
                  u ->
                      "cannot read object "
                          + u
                          + " (staged changes in "
                          + repo.getDirectory()
                          + "): the repository is corrupt ("
                          + e.getMessage()
                          + ")")
              .orElse(
                  "cannot read the staged changes in "
                      + repo.getDirectory()
                      + ": "
                      + e.getMessage()),
          e);
    } catch (RuntimeException e) {
      // JGit fails on some damaged objects with an unchecked exception (a loose object longer than
      // its header says): name the object when one does not read, else it is not the repository's.
      if (e instanceof SealantException) {
        throw e;
      }
      Optional<String> bad = unreadable(index);
      if (bad.isEmpty()) {
        throw e;
      }
      throw new GitException(
          "cannot read object "
              + bad.get()
              + " (staged changes in "
              + repo.getDirectory()
              + "): the repository is corrupt ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  /** HEAD's tree (or the empty tree) against the index, changed paths only. */
  private TreeWalk changes(ObjectReader reader, DirCache index) throws IOException {
    TreeWalk walk = new TreeWalk(repo, reader);
    walk.setRecursive(true);
    walk.setFilter(TreeFilter.ANY_DIFF);
    Optional<ObjectId> head = headTree(reader);
    if (head.isPresent()) {
      walk.addTree(head.get());
    } else {
      walk.addTree(new EmptyTreeIterator());
    }
    walk.addTree(new DirCacheIterator(index));
    return walk;
  }

  /**
   * After a read failed: the first staged blob that cannot be read to its end, as "ID (PATH)", so
   * the error names the object. JGit's inflater errors do not say which object they were reading.
   */
  private Optional<String> unreadable(DirCache index) {
    try (ObjectReader reader = repo.newObjectReader();
        TreeWalk walk = changes(reader, index)) {
      while (walk.next()) {
        ObjectId id = walk.getObjectId(1);
        if (walk.getFileMode(1).getObjectType() != Constants.OBJ_BLOB
            || id.equals(ObjectId.zeroId())) {
          continue;
        }
        try (InputStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
          in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
          return Optional.of(id.name() + " (" + walk.getPathString() + ")");
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private Optional<ObjectId> headTree(ObjectReader reader) throws IOException {
    ObjectId head = repo.resolve("HEAD");
    if (head == null) {
      return Optional.empty();
    }
    try (RevWalk rw = new RevWalk(reader)) {
      return Optional.of(rw.parseCommit(head).getTree().getId());
    }
  }

  private static void refuseConflicts(DirCache index) {
    if (!index.hasUnmergedPaths()) {
      return;
    }
    TreeSet<String> paths = new TreeSet<>();
    for (int i = 0; i < index.getEntryCount(); i++) {
      if (index.getEntry(i).getStage() != 0) {
        paths.add(index.getEntry(i).getPathString());
      }
    }
    throw new UsageException(
        "the index has unmerged (conflicted) paths: "
            + String.join(", ", paths)
            + "; resolve the conflicts and 'git add' the files, then scan again");
  }

  @Override
  public String describe() {
    return "staged changes";
  }
}
