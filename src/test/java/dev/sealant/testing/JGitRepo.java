package dev.sealant.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A repository built with JGit for history tests: files written under its directory, commits with a
 * fixed identity and dates one minute apart, so commit ids are stable from run to run.
 */
public final class JGitRepo implements AutoCloseable {

  private final Path dir;
  private final Git git;
  private int tick;

  private JGitRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  public static JGitRepo init(Path dir) throws Exception {
    return new JGitRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
  }

  public Git git() {
    return git;
  }

  public Path dir() {
    return dir;
  }

  public void write(String path, String text) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** The next fixed identity: Ada, 2026-01-01T00:00Z plus one minute per call. */
  public PersonIdent who() {
    return new PersonIdent(
        "Ada",
        "ada@example.invalid",
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * tick++),
        ZoneOffset.UTC);
  }

  /** Stages everything (additions, changes and deletions) and commits it. */
  public RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = who();
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  @Override
  public void close() {
    git.close();
  }
}
