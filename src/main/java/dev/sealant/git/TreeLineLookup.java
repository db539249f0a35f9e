package dev.sealant.git;

import dev.sealant.kernel.LineLookup;
import dev.sealant.source.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Looks up one line of a file, in a commit's tree (through JGit) or in the working tree, for the
 * importers. A missing repository, commit or path simply yields nothing.
 */
public final class TreeLineLookup implements LineLookup {

  private final Path workTree;

  public TreeLineLookup(Path workTree) {
    this.workTree = workTree;
  }

  @Override
  public Optional<String> line(Optional<String> commit, String path, int line) {
    try {
      byte[] bytes =
          commit.isPresent()
              ? blob(commit.get(), path)
              : Files.readAllBytes(workTree.resolve(path));
      if (bytes == null || Content.isBinary(bytes)) {
        return Optional.empty();
      }
      List<String> lines = Content.decode(bytes).lines().toList();
      return line >= 1 && line <= lines.size()
          ? Optional.of(lines.get(line - 1))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private byte[] blob(String commit, String path) throws IOException {
    FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(workTree.toFile());
    if (b.getGitDir() == null) {
      return null;
    }
    try (Repository repo = b.build();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
      try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
        if (tw == null) {
          return null;
        }
        ObjectLoader loader = repo.open(tw.getObjectId(0));
        return loader.isLarge() ? null : loader.getBytes();
      }
    }
  }
}
