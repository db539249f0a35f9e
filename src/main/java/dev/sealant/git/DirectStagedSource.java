package dev.sealant.git;

import dev.sealant.git.raw.IndexFile;
import dev.sealant.git.raw.ObjectStore;
import dev.sealant.git.raw.Oid;
import dev.sealant.git.raw.RawRepo;
import dev.sealant.git.raw.StepAside;
import dev.sealant.git.raw.TreeEntry;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import dev.sealant.source.Content;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The staged changes read straight from git's files ({@link dev.sealant.git.raw}), for the
 * pre-commit hook: the same comparison and the same fragments as {@link StagedSource}, without
 * setting up JGit. HEAD's subtrees that the index's cache tree shows unchanged are not read at all.
 * Everything is computed before anything is delivered; if the direct reader steps aside at any
 * point, the JGit source given as the fallback scans instead, so the sink never sees a partial
 * result twice.
 */
public final class DirectStagedSource implements Source {

  private final RawRepo repo;
  private final IndexFile index;
  private final Limits limits;
  private final Predicate<String> pathAllowed;
  private final Supplier<Source> fallback;

  private DirectStagedSource(
      RawRepo repo,
      IndexFile index,
      Limits limits,
      Predicate<String> pathAllowed,
      Supplier<Source> fallback) {
    this.repo = repo;
    this.index = index;
    this.limits = limits;
    this.pathAllowed = pathAllowed;
    this.fallback = fallback;
  }

  /** The repository's staged changes, if its index can be read directly. */
  public static Optional<Opened> open(RawRepo repo) {
    try {
      return Optional.of(new Opened(repo, IndexFile.read(repo.indexFile())));
    } catch (StepAside e) {
      return Optional.empty();
    }
  }

  /** A directly readable repository and its index, before a scan is set up. */
  public record Opened(RawRepo repo, IndexFile index) {

    public Path workTree() {
      return repo.workTree();
    }

    /**
     * Tracked files named {@code name} below the top directory, like {@link Repos#trackedFiles}.
     */
    public List<Path> trackedFiles(String name) {
      List<Path> out = new ArrayList<>();
      for (IndexFile.Entry e : index.entries()) {
        Path p = repo.workTree().resolve(e.path());
        if (e.path().endsWith("/" + name) && Files.isRegularFile(p)) {
          out.add(p);
        }
      }
      return out;
    }

    public Source source(Limits limits, Predicate<String> pathAllowed, Supplier<Source> fallback) {
      return new DirectStagedSource(repo, index, limits, pathAllowed, fallback);
    }
  }

  @Override
  public void run(Sink sink) {
    List<Consumer<Sink>> events;
    try (ObjectStore store = new ObjectStore(repo.objects())) {
      events = scan(store);
    } catch (StepAside e) {
      fallback.get().run(sink);
      return;
    }
    events.forEach(ev -> ev.accept(sink));
    sink.progress(1, 1);
  }

  @Override
  public String describe() {
    return "staged changes";
  }

  private record Leaf(int mode, Oid id) {}

  /** A blob's content as BOM-free UTF-8 bytes, or why it has none (as the JGit path words it). */
  private record Text(Optional<byte[]> bytes, String whyNot, Optional<byte[]> binary) {
    static Text of(byte[] b) {
      return new Text(Optional.of(b), "", Optional.empty());
    }

    static Text none(String why) {
      return new Text(Optional.empty(), why, Optional.empty());
    }

    /** Binary content: skipped as text, its text runs still read by high-confidence rules. */
    static Text binary(byte[] b) {
      return new Text(Optional.empty(), "binary", Optional.of(b));
    }
  }

  private record Change(String path, Oid now, Optional<Oid> before) {}

  private List<Consumer<Sink>> scan(ObjectStore store) {
    Map<String, Leaf> head = new HashMap<>();
    Set<String> unchangedDirs = new HashSet<>();
    Optional<Oid> headTree = repo.headTree(store);
    if (headTree.isPresent()) {
      if (headTree.get().equals(index.trees().get(""))) {
        return List.of();
      }
      walk(store, headTree.get(), "", head, unchangedDirs);
    }
    List<String> paths = new ArrayList<>();
    Map<String, Leaf> staged = new HashMap<>();
    for (IndexFile.Entry e : index.entries()) {
      if (under(e.path(), unchangedDirs)) {
        continue;
      }
      Leaf was = head.remove(e.path());
      if (was != null && was.mode() == e.mode() && was.id().equals(e.id())) {
        continue;
      }
      if (was != null) {
        head.put(e.path(), was);
      }
      staged.put(e.path(), new Leaf(e.mode(), e.id()));
      paths.add(e.path());
    }
    for (String p : head.keySet()) {
      if (!staged.containsKey(p)) {
        paths.add(p);
      }
    }
    paths.sort(DirectStagedSource::gitOrder);

    List<Consumer<Sink>> events = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<Oid> deleted = new ArrayList<>();
    for (String path : paths) {
      Leaf now = staged.get(path);
      Leaf was = head.get(path);
      if (now == null) {
        if (isFile(was.mode())) {
          deleted.add(was.id());
        }
      } else if (type(now.mode()) == TreeEntry.TYPE_GITLINK) {
        events.add(
            s ->
                s.skipped(
                    new Skipped(
                        path,
                        "submodule (gitlink): its commits are not scanned here",
                        Optional.empty())));
      } else if (type(now.mode()) == TreeEntry.TYPE_SYMLINK) {
        // The link's own text (its target path) is committed content; the file it names is not
        // read.
        events.add(s -> s.skipped(new Skipped(path, ChangeScanner.LINK, Optional.empty())));
        Optional<Oid> before =
            was != null && type(was.mode()) == TreeEntry.TYPE_SYMLINK
                ? Optional.of(was.id())
                : Optional.empty();
        if (before.isEmpty() || !before.get().equals(now.id())) {
          changes.add(new Change(path, now.id(), Optional.empty()));
        }
      } else if (isFile(now.mode())) {
        Optional<Oid> before =
            was != null && isFile(was.mode()) ? Optional.of(was.id()) : Optional.empty();
        if (before.isEmpty() || !before.get().equals(now.id())) {
          changes.add(new Change(path, now.id(), before));
        }
      }
    }
    Optional<LineMultiset> renamePool = Optional.empty();
    for (Change c : changes) {
      if (c.before().isEmpty() && !deleted.isEmpty() && renamePool.isEmpty()) {
        LineMultiset pool = new LineMultiset(64);
        for (Oid d : deleted) {
          pool.addAll(HashedLines.of(oldText(store, d)).hashes());
        }
        renamePool = Optional.of(pool);
      }
      change(store, c, c.before().isEmpty() ? renamePool : Optional.empty(), events);
    }
    return events;
  }

  private void change(
      ObjectStore store, Change c, Optional<LineMultiset> renamePool, List<Consumer<Sink>> events) {
    if (pathAllowed.test(c.path())) {
      events.add(s -> s.skipped(new Skipped(c.path(), "path allowlisted", Optional.empty())));
      return;
    }
    Text text = read(store, c.now());
    if (text.bytes().isEmpty()) {
      events.add(s -> s.skipped(new Skipped(c.path(), text.whyNot(), Optional.empty())));
      text.binary()
          .ifPresent(
              b ->
                  events.add(
                      s -> s.accept(Fragment.binary(c.path(), Optional.empty(), b, b.length))));
      return;
    }
    List<byte[]> befores = new ArrayList<>();
    c.before().ifPresent(old -> befores.add(oldText(store, old)));
    List<AddedLines.Run> runs =
        AddedLines.runs(text.bytes().get(), befores, renamePool, new LineMultiset(64));
    for (AddedLines.Run run : runs) {
      Fragment f = new Fragment(c.path(), Optional.empty(), run.line(), run.text());
      events.add(s -> s.accept(f));
    }
  }

  private Text read(ObjectStore store, Oid id) {
    long size = store.header(id).size();
    if (size > limits.maxFileSize()) {
      return Text.none(
          "larger than --max-file-size (" + size + " > " + limits.maxFileSize() + " bytes)");
    }
    if (size > limits.inMemory()) {
      // Too large to hold whole: the JGit path scans it as it streams by.
      throw new StepAside("a blob over the in-memory bound");
    }
    byte[] bytes = store.read(id, ObjectStore.BLOB, limits.maxFileSize());
    if (Content.isBinary(bytes)) {
      return Text.binary(bytes);
    }
    return Text.of(Content.utf8(bytes));
  }

  private byte[] oldText(ObjectStore store, Oid id) {
    return read(store, id).bytes().orElse(new byte[0]);
  }

  /** HEAD's leaves, not descending into subtrees the cache tree shows unchanged ({@code same}). */
  private void walk(
      ObjectStore store, Oid tree, String prefix, Map<String, Leaf> head, Set<String> same) {
    for (TreeEntry e : TreeEntry.parse(store.read(tree, ObjectStore.TREE))) {
      String path = prefix + e.name();
      if (e.isTree()) {
        if (e.id().equals(index.trees().get(path))) {
          same.add(path);
        } else {
          walk(store, e.id(), path + "/", head, same);
        }
      } else {
        head.put(path, new Leaf(e.mode(), e.id()));
      }
    }
  }

  private static boolean under(String path, Set<String> dirs) {
    if (dirs.isEmpty()) {
      return false;
    }
    for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (dirs.contains(path.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  private static int type(int mode) {
    return mode & TreeEntry.TYPE_MASK;
  }

  private static boolean isFile(int mode) {
    return type(mode) == TreeEntry.TYPE_FILE;
  }

  /** Git's order of full paths: their UTF-8 bytes, unsigned. */
  private static int gitOrder(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
