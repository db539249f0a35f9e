package dev.sealant.cli;

import dev.sealant.allow.RepoConfig;
import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.Glob;
import dev.sealant.catalog.Rule;
import dev.sealant.catalog.RuleAllow;
import dev.sealant.error.ConfigException;
import dev.sealant.error.GitException;
import dev.sealant.error.ScanIoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * The scan policy of a change's base: the {@code .sealant.yaml} files (root and nested) as the base
 * commit has them, and what the change does to them. A pull request must not be able to switch its
 * own gate off: {@code sealant ci} scans with the base's policy and refuses a change that weakens
 * it (drops the default catalog, disables or loosens a rule, widens an allowlist, moves the ignore
 * file or baseline) unless {@code --accept-policy-change} is given.
 *
 * @param configs the base's configuration files by path ({@code .sealant.yaml}, {@code
 *     a/.sealant.yaml})
 * @param weakenings what the head's configuration loosens, each a short phrase naming no value
 */
record BasePolicy(
    Map<String, RepoConfig> configs, Map<String, String> texts, List<String> weakenings) {

  /** Reads both sides' configuration files and compares them. */
  static BasePolicy of(Repository repo, ObjectId base, ObjectId head) {
    Map<String, String> baseTexts = configTexts(repo, base);
    Map<String, RepoConfig> baseConfigs = parse(baseTexts);
    Map<String, RepoConfig> headConfigs = parse(configTexts(repo, head));
    List<String> weak = new ArrayList<>();
    RepoConfig none = RepoConfig.none();
    for (Map.Entry<String, RepoConfig> e : headConfigs.entrySet()) {
      RepoConfig h = e.getValue();
      RepoConfig b = baseConfigs.getOrDefault(e.getKey(), none);
      compareConfigs(e.getKey(), b, h, weak);
    }
    for (String gone : baseConfigs.keySet()) {
      if (!headConfigs.containsKey(gone)) {
        RepoConfig b = baseConfigs.get(gone);
        if (!b.rules().isEmpty()) {
          weak.add(gone + " is deleted with its " + b.rules().size() + " rule(s)");
        }
      }
    }
    return new BasePolicy(baseConfigs, baseTexts, List.copyOf(weak));
  }

  /** What configuration {@code h} loosens against {@code b}, each a phrase naming {@code file}. */
  static void compareConfigs(String file, RepoConfig b, RepoConfig h, List<String> weak) {
    if (b.extendDefault() && !h.extendDefault()) {
      weak.add(file + " drops the default catalog (extend: false)");
    }
    long newlyDisabled = h.disable().stream().filter(id -> !b.disable().contains(id)).count();
    if (newlyDisabled > 0) {
      weak.add(file + " disables " + newlyDisabled + " more rule(s)");
    }
    compareCatalogs(
        file, new Catalog(b.rules(), b.allow()), new Catalog(h.rules(), h.allow()), weak);
    if (!b.ignoreFile().equals(h.ignoreFile())) {
      weak.add(file + " points 'ignoreFile' elsewhere");
    }
    if (!b.baseline().equals(h.baseline())) {
      weak.add(file + " points 'baseline' elsewhere");
    }
  }

  /**
   * What {@code head} loosens against {@code base}, as rules and allowlists: a never-read or quiet
   * path glob, a value allowlist entry, a rule removed or detecting less. Anything not shown to be
   * the same or stricter counts, so a field added to rules later is a weakening until compared.
   */
  static void compareCatalogs(String file, Catalog b, Catalog h, List<String> weak) {
    long newPaths = added(b.allow().paths(), h.allow().paths());
    if (newPaths > 0) {
      weak.add(file + " adds " + newPaths + " path allowlist entr" + (newPaths == 1 ? "y" : "ies"));
    }
    long newQuiet = added(b.allow().quietPaths(), h.allow().quietPaths());
    if (newQuiet > 0) {
      weak.add(
          file
              + " adds "
              + newQuiet
              + " quiet path"
              + (newQuiet == 1 ? "" : "s")
              + " (only high-confidence rules run there)");
    }
    if (!stricterOrSame(b.allow().values(), h.allow().values())) {
      weak.add(file + " adds value allowlist entries");
    }
    Map<String, Rule> headRules = new LinkedHashMap<>();
    h.rules().forEach(r -> headRules.put(r.id(), r));
    long loosened =
        b.rules().stream().filter(r -> !sameDetection(r, headRules.get(r.id()))).count();
    if (loosened > 0) {
      weak.add(file + " removes or changes " + loosened + " rule(s)");
    }
  }

  private static long added(List<Glob> base, List<Glob> head) {
    List<String> had = base.stream().map(Glob::glob).toList();
    return head.stream().map(Glob::glob).filter(g -> !had.contains(g)).count();
  }

  /**
   * True when {@code h} allows nothing {@code b} does not: every stopword and regex of h is in b.
   */
  private static boolean stricterOrSame(RuleAllow b, RuleAllow h) {
    List<String> baseRegexes = b.regexes().stream().map(r -> r.source()).toList();
    return b.stopwords().containsAll(h.stopwords())
        && baseRegexes.containsAll(h.regexes().stream().map(r -> r.source()).toList());
  }

  /**
   * Whether {@code b} (the head's version of rule {@code a}) finds at least what {@code a} finds:
   * the same regex or syntax reader, keywords, group, scope, validator and generic standing, an
   * entropy floor no higher and no new allowlist entries. Description, severity, examples and other
   * tags only change what a report says.
   */
  private static boolean sameDetection(Rule a, Rule b) {
    return b != null
        && a.regex().equals(b.regex())
        && a.keywords().equals(b.keywords())
        && a.secretGroup() == b.secretGroup()
        && a.minEntropy() >= b.minEntropy()
        && a.multiline() == b.multiline()
        && Objects.equals(a.path().map(p -> p.source()), b.path().map(p -> p.source()))
        && a.syntax().equals(b.syntax())
        && a.validate().equals(b.validate())
        && (a.requireValid() || !b.requireValid())
        && a.generic() == b.generic()
        && a.highConfidence() == b.highConfidence()
        && stricterOrSame(a.allow(), b.allow());
  }

  private static Map<String, RepoConfig> parse(Map<String, String> texts) {
    Map<String, RepoConfig> out = new LinkedHashMap<>();
    texts.forEach(
        (path, text) -> {
          int slash = path.lastIndexOf('/');
          out.put(path, RepoConfig.parse(path, text, slash < 0 ? "" : path.substring(0, slash)));
        });
    return out;
  }

  /**
   * Every {@code .sealant.yaml} in the commit's tree, by path, and the root's {@code .sealant.yml}
   * (the other spelling a root may use, as {@code Suppressions} reads it) under the key {@code
   * .sealant.yaml}: a base that spells it {@code .yml} keeps its rules, and renaming it is no way
   * around the comparison.
   */
  private static Map<String, String> configTexts(Repository repo, ObjectId commit) {
    Map<String, String> out = new TreeMap<>();
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(rw.parseCommit(commit).getTree());
      tw.setRecursive(true);
      tw.setFilter(
          OrTreeFilter.create(
              PathSuffixFilter.create(RepoConfig.FILE_NAME),
              PathSuffixFilter.create(RepoConfig.ALT_FILE_NAME)));
      while (tw.next()) {
        String p = tw.getPathString();
        String key = p.equals(RepoConfig.ALT_FILE_NAME) ? RepoConfig.FILE_NAME : p;
        if (!key.equals(RepoConfig.FILE_NAME) && !p.endsWith("/" + RepoConfig.FILE_NAME)) {
          continue;
        }
        if (out.containsKey(key)) {
          throw new ConfigException(
              "commit "
                  + commit.name()
                  + ": both "
                  + RepoConfig.FILE_NAME
                  + " and "
                  + RepoConfig.ALT_FILE_NAME
                  + " exist at the root; keep one (Sealant reads either, never both)");
        }
        byte[] raw = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(4 << 20);
        out.put(key, new String(raw, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new GitException(
          "commit "
              + commit.name()
              + ": cannot read its "
              + RepoConfig.FILE_NAME
              + " files: "
              + e.getMessage(),
          e);
    }
    return out;
  }

  /**
   * Writes the base's configuration files under {@code dir}, at their paths; returns the nested
   * ones.
   */
  List<Path> writeTo(Path dir) {
    List<Path> nested = new ArrayList<>();
    try {
      for (Map.Entry<String, String> e : texts.entrySet()) {
        Path p = dir.resolve(e.getKey()).normalize();
        if (!p.startsWith(dir)) {
          continue;
        }
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
        if (!e.getKey().equals(RepoConfig.FILE_NAME)) {
          nested.add(p);
        }
      }
    } catch (IOException e) {
      throw new ScanIoException(
          "cannot stage the base's configuration in " + dir + ": " + e.getMessage(), e);
    }
    nested.sort(null);
    return nested;
  }
}
