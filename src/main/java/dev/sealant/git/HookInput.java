package dev.sealant.git;

import dev.sealant.error.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * What git tells the push hooks on standard input, turned into the commits to scan.
 *
 * <ul>
 *   <li>pre-push: {@code <local ref> <local sha> <remote ref> <remote sha>} per line. The commits
 *       the remote lacks: reachable from the local shas, not from the remote shas we have, nor from
 *       any {@code refs/remotes/<remote>/*}. A deletion (local sha all zeros) pushes nothing.
 *   <li>pre-receive: {@code <old sha> <new sha> <ref>} per line, in the receiving repository. The
 *       incoming commits: reachable from the new shas, not from any ref the repository already has.
 *       A deletion (new sha all zeros) brings nothing.
 * </ul>
 */
public final class HookInput {

  private HookInput() {}

  public static CommitSet prePush(Repository repo, String remote, InputStream in) {
    List<ObjectId> include = new ArrayList<>();
    List<ObjectId> exclude =
        new ArrayList<>(CommitSets.refs(repo, "refs/remotes/" + remote + "/", false));
    for (String[] f :
        lines(in, 4, "pre-push", "<local ref> <local sha> <remote ref> <remote sha>")) {
      ObjectId local = id(f[1], "pre-push");
      ObjectId theirs = id(f[3], "pre-push");
      if (!local.equals(ObjectId.zeroId())) {
        include.add(local);
      }
      if (!theirs.equals(ObjectId.zeroId()) && has(repo, theirs)) {
        exclude.add(theirs);
      }
    }
    return new CommitSet(include, exclude, "push to " + remote);
  }

  public static CommitSet preReceive(Repository repo, InputStream in) {
    List<ObjectId> include = new ArrayList<>();
    for (String[] f : lines(in, 3, "pre-receive", "<old sha> <new sha> <ref>")) {
      ObjectId now = id(f[1], "pre-receive");
      if (!now.equals(ObjectId.zeroId())) {
        include.add(now);
      }
    }
    return new CommitSet(include, CommitSets.refs(repo, false), "incoming push");
  }

  private static boolean has(Repository repo, ObjectId id) {
    try {
      return repo.getObjectDatabase().has(id);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String[]> lines(InputStream in, int fields, String hook, String shape) {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split(" ");
        if (f.length != fields) {
          throw new UsageException(hook + ": standard input line " + n + " is not '" + shape + "'");
        }
        out.add(f);
      }
    } catch (IOException e) {
      throw new UsageException(hook + ": cannot read standard input: " + e.getMessage(), e);
    }
    return out;
  }

  private static ObjectId id(String hex, String hook) {
    if (!ObjectId.isId(hex)) {
      throw new UsageException(hook + ": '" + hex + "' is not an object id");
    }
    return ObjectId.fromString(hex);
  }
}
