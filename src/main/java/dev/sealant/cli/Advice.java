package dev.sealant.cli;

import dev.sealant.git.CommitSet;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a blocked hook tells the user to do, as commands that work: a secret in a commit that is
 * already made stays in the push until that commit is rewritten, so pushes get the commit that
 * added it and the amend or rebase that takes it out. {@code GitHooksIT} runs every command given.
 */
final class Advice {

  private Advice() {}

  static List<String> preCommit(ScanResult r) {
    return List.of(
        falsePositive(r) + ", or use 'sealant ignore FINGERPRINT --reason ...' as shown above.",
        "a real secret? remove it from the file, rotate it, 'git add' the file and commit again.");
  }

  static List<String> prePush(Repository repo, ScanResult r) {
    List<String> out = new ArrayList<>();
    out.add(
        falsePositive(r)
            + " (in the commit, rewritten as below), or use 'sealant ignore FINGERPRINT"
            + " --reason ...' as shown above.");
    out.addAll(rewrite(repo, r, head(repo)));
    out.add("then push again (the same 'git push').");
    return out;
  }

  static List<String> preReceive(
      Repository repo, CommitSet pushed, ScanResult r, Optional<String> config) {
    List<String> out = new ArrayList<>();
    out.add(falsePositive(r) + " (in the commit, rewritten as below).");
    out.add(
        "this server's policy is "
            + config
                .map(c -> "its configuration " + c + " (SEALANT_CONFIG)")
                .orElse("Sealant's built-in rules (no server configuration is set)")
            + "; .sealant.yaml and .sealantignore in a push do not change it: ask the server's administrators.");
    out.addAll(rewrite(repo, r, pushed.include()));
    out.add("then push again (the same 'git push').");
    return out;
  }

  private static String falsePositive(ScanResult r) {
    String rule = r.findings().stream().findFirst().map(Finding::ruleId).orElse("RULE");
    return "a false positive? add 'sealant:allow " + rule + "' in a comment on that line";
  }

  /**
   * The rewrite: {@code git commit --amend} when the one commit that adds secrets is the tip being
   * pushed, else an interactive rebase from the parent of the oldest such commit.
   */
  private static List<String> rewrite(Repository repo, ScanResult r, List<ObjectId> tips) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> files = new TreeSet<>();
    for (Finding f : r.findings()) {
      f.commit().map(CommitInfo::id).ifPresent(ids::add);
      files.add(f.path());
    }
    String paths = String.join(" ", files.stream().map(Advice::shellWord).toList());
    List<String> out = new ArrayList<>();
    String notEnough =
        "a new commit that deletes it is not enough: the push would still carry the old one.";
    if (ids.isEmpty()) {
      return out;
    }
    Optional<RevCommit> oldest = oldest(repo, ids);
    if (oldest.isEmpty()) {
      return out;
    }
    RevCommit c = oldest.get();
    String shortId = c.name().substring(0, 12);
    if (ids.size() == 1 && tips.contains(c.getId())) {
      out.add(
          "a real secret? rotate it, then rewrite commit "
              + shortId
              + " (\""
              + subject(c)
              + "\", the last one), which added it; "
              + notEnough);
      out.add(
          "  edit "
              + paths
              + " to take the secret out, then: git add "
              + paths
              + " && git commit --amend --no-edit");
      return out;
    }
    String from =
        c.getParentCount() == 0 ? "git rebase -i --root" : "git rebase -i " + shortId + "^";
    out.add(
        "a real secret? rotate it, then rewrite the "
            + (ids.size() == 1 ? "commit" : ids.size() + " commits")
            + " that added it, starting at "
            + shortId
            + " (\""
            + subject(c)
            + "\"); "
            + notEnough);
    out.add(
        "  "
            + from
            + "   (on the branch being pushed; change 'pick' to 'edit' on the line of each commit"
            + " named above)");
    out.add(
        "  at each stop: edit "
            + paths
            + " to take the secret out, then: git add "
            + paths
            + " && git commit --amend --no-edit && git rebase --continue");
    return out;
  }

  /** The commit that every other one descends from, else the one committed first. */
  private static Optional<RevCommit> oldest(Repository repo, Set<String> ids) {
    try (RevWalk walk = new RevWalk(repo)) {
      List<RevCommit> commits = new ArrayList<>();
      for (String id : ids) {
        commits.add(walk.parseCommit(ObjectId.fromString(id)));
      }
      for (RevCommit c : commits) {
        boolean ancestorOfAll = true;
        for (RevCommit d : commits) {
          if (!d.equals(c) && !walk.isMergedInto(c, d)) {
            ancestorOfAll = false;
            break;
          }
        }
        if (ancestorOfAll) {
          return Optional.of(c);
        }
      }
      return commits.stream().min(Comparator.comparingInt(RevCommit::getCommitTime));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<ObjectId> head(Repository repo) {
    try {
      return Optional.ofNullable(repo.resolve("HEAD")).stream().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String subject(RevCommit c) {
    String s = c.getShortMessage();
    if (s.length() <= 60) {
      return s;
    }
    // Cut between words: a token cut in half would no longer look like one to the redaction.
    int cut = s.lastIndexOf(' ', 57);
    return (cut > 0 ? s.substring(0, cut) : "") + "...";
  }

  /** A path as one shell word: plain when safe, else single-quoted. */
  private static String shellWord(String p) {
    return p.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "/._-+".indexOf(ch) >= 0)
        ? p
        : "'" + p.replace("'", "'\\''") + "'";
  }
}
