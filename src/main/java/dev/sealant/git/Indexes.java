package dev.sealant.git;

import dev.sealant.error.GitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The index as JGit's {@link DirCache}, also when JGit cannot read the file: a split index ({@code
 * core.splitIndex}, extension {@code link}) or a sparse index ({@code index.sparse}, extension
 * {@code sdir}). Then git itself lists the index, expanded ({@code git ls-files --stage -z}); a
 * hook always runs where git is. Nothing is written: the index is only read.
 */
final class Indexes {

  private Indexes() {}

  static DirCache read(Repository repo) {
    try {
      return DirCache.read(repo.getIndexFile(), repo.getFS());
    } catch (IOException | RuntimeException e) {
      return fromGit(repo, e);
    }
  }

  private static DirCache fromGit(Repository repo, Exception cause) {
    String why =
        "cannot read the index " + repo.getIndexFile() + " (" + firstLine(cause.getMessage()) + ")";
    byte[] listing;
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
              "git",
              "--git-dir=" + repo.getDirectory().getAbsolutePath(),
              "-c",
              "core.quotePath=false",
              "ls-files",
              "--stage",
              "-z");
      if (!repo.isBare()) {
        pb.directory(repo.getWorkTree());
      }
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().remove("GIT_INDEX_FILE");
      pb.environment().put("GIT_INDEX_FILE", repo.getIndexFile().getAbsolutePath());
      Process p = pb.start();
      p.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new GitException(why + ", and 'git ls-files' failed too", cause);
      }
      listing = out.toByteArray();
    } catch (IOException e) {
      throw new GitException(why + ", and git could not be run to read it", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException(why + ": interrupted", cause);
    }
    return parse(listing, why);
  }

  /** {@code MODE SP ID SP STAGE TAB PATH NUL}, repeated. */
  static DirCache parse(byte[] listing, String why) {
    DirCache dc = DirCache.newInCore();
    DirCacheBuilder b = dc.builder();
    int i = 0;
    while (i < listing.length) {
      int end = i;
      while (end < listing.length && listing[end] != 0) {
        end++;
      }
      String rec = new String(listing, i, end - i, StandardCharsets.UTF_8);
      int tab = rec.indexOf('\t');
      int s1 = rec.indexOf(' ');
      int s2 = s1 < 0 ? -1 : rec.indexOf(' ', s1 + 1);
      if (s1 <= 0 || s2 <= s1 || tab <= s2) {
        throw new GitException(why + ": unexpected 'git ls-files' output");
      }
      try {
        DirCacheEntry e =
            new DirCacheEntry(rec.substring(tab + 1), Integer.parseInt(rec.substring(s2 + 1, tab)));
        e.setFileMode(FileMode.fromBits(Integer.parseInt(rec.substring(0, s1), 8)));
        e.setObjectId(ObjectId.fromString(rec.substring(s1 + 1, s2)));
        b.add(e);
      } catch (RuntimeException e) {
        throw new GitException(why + ": unexpected 'git ls-files' output", e);
      }
      i = end + 1;
    }
    b.finish();
    return dc;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
