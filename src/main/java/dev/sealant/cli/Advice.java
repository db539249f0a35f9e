package dev.sealant.cli;

import dev.sealant.git.Rewrite;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  static List<String> prePush(Optional<Rewrite> start, ScanResult r) {
    List<String> out = new ArrayList<>();
    out.add(
        falsePositive(r)
            + " (in the commit, rewritten as below), or use 'sealant ignore FINGERPRINT"
            + " --reason ...' as shown above.");
    out.addAll(rewrite(start, r));
    out.add("then push again (the same 'git push').");
    return out;
  }

  static List<String> preReceive(Optional<Rewrite> start, ScanResult r, Optional<String> config) {
    List<String> out = new ArrayList<>();
    out.add(falsePositive(r) + " (in the commit, rewritten as below).");
    out.add(
        "this server's policy is "
            + config
                .map(c -> "its configuration " + c + " (SEALANT_CONFIG)")
                .orElse("Sealant's built-in rules (no server configuration is set)")
            + "; .sealant.yaml and .sealantignore in a push do not change it: ask the server's administrators.");
    out.addAll(rewrite(start, r));
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
  private static List<String> rewrite(Optional<Rewrite> start, ScanResult r) {
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
    if (ids.isEmpty() || start.isEmpty()) {
      return out;
    }
    Rewrite c = start.get();
    String shortId = c.id().substring(0, 12);
    if (ids.size() == 1 && c.tip()) {
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
    String from = c.root() ? "git rebase -i --root" : "git rebase -i " + shortId + "^";
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

  private static String subject(Rewrite c) {
    String s = c.subject();
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
