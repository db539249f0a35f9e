package dev.sealant.catalog;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.sealant.error.Shown;
import dev.sealant.kernel.Severity;
import dev.sealant.validate.Validators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps one rule (and the {@code allow:} blocks) from YAML nodes to validated records: every field
 * checked, every regex compiled by RE2J, every problem one error naming the file, line and rule.
 */
final class RuleParser {

  private static final Set<String> ALLOW_KEYS =
      Set.of("paths", "quietPaths", "stopwords", "regexes");
  private static final Set<String> RULE_ALLOW_KEYS = Set.of("stopwords", "regexes");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "description",
          "keywords",
          "regex",
          "secretGroup",
          "entropy",
          "path",
          "allow",
          "severity",
          "tags",
          "multiline",
          "validate",
          "requireValid",
          "examples",
          "syntax");
  private static final Set<String> EXAMPLES_KEYS = Set.of("match", "noMatch");
  private static final Set<String> MATCH_KEYS = Set.of("text", "secret", "path");
  private static final Set<String> NO_MATCH_KEYS = Set.of("text", "path");
  private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
  static final int MIN_KEYWORD_LENGTH = 3;

  private RuleParser() {}

  /** Parses the {@code allow:} block of a catalog or config file. */
  static GlobalAllow globalAllow(YamlTree.Value v) {
    Map<String, YamlTree.Value> m = v.mapping(ALLOW_KEYS);
    return new GlobalAllow(
        globs(m, "paths"), globs(m, "quietPaths"), ruleAllow(m, "allow", Optional.empty()));
  }

  private static List<Glob> globs(Map<String, YamlTree.Value> m, String key) {
    List<Glob> globs = new ArrayList<>();
    if (m.containsKey(key)) {
      for (YamlTree.Value p : m.get(key).sequence()) {
        String g = p.string();
        try {
          globs.add(Glob.of(g));
        } catch (PatternSyntaxException e) {
          throw p.error("invalid path glob " + Shown.value(g));
        }
      }
    }
    return globs;
  }

  private static RuleAllow ruleAllow(
      Map<String, YamlTree.Value> m, String where, Optional<String> ruleId) {
    List<String> stopwords = m.containsKey("stopwords") ? m.get("stopwords").strings() : List.of();
    List<LazyPattern> regexes = new ArrayList<>();
    if (m.containsKey("regexes")) {
      for (YamlTree.Value p : m.get("regexes").sequence()) {
        regexes.add(LazyPattern.of(compile(p, p.string(), ruleId, where + ".regexes")));
      }
    }
    return new RuleAllow(stopwords, regexes);
  }

  private static Pattern compile(
      YamlTree.Value at, String regex, Optional<String> ruleId, String what) {
    Optional<String> tooLarge = RegexBudget.check(regex);
    if (tooLarge.isPresent()) {
      throw at.error(
          ruleId.map(id -> "rule '" + id + "': ").orElse("")
              + "invalid "
              + what
              + ": "
              + tooLarge.get());
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      String prefix = ruleId.map(id -> "rule '" + id + "': ").orElse("");
      throw at.error(prefix + "invalid " + what + ": " + e.getDescription() + hint(regex));
    }
  }

  private static String hint(String regex) {
    if (regex.contains("(?=")
        || regex.contains("(?!")
        || regex.contains("(?<=")
        || regex.contains("(?<!")) {
      return " (lookaround is not supported by RE2: match the context instead, or use an allow regex)";
    }
    for (int i = 0; i + 1 < regex.length(); i++) {
      if (regex.charAt(i) == '\\'
          && Character.isDigit(regex.charAt(i + 1))
          && regex.charAt(i + 1) != '0') {
        return " (backreferences are not supported by RE2)";
      }
      if (regex.charAt(i) == '\\') {
        i++;
      }
    }
    return "";
  }

  /** Parses a {@code rules:} list (also used by repository configuration files). */
  static List<Rule> rules(YamlTree.Value list) {
    List<Rule> out = new ArrayList<>();
    for (YamlTree.Value r : list.sequence()) {
      out.add(rule(r));
    }
    CatalogLoader.checkUniqueIds(out);
    return out;
  }

  static Rule rule(YamlTree.Value v) {
    Map<String, YamlTree.Value> m = v.mapping(RULE_KEYS);
    if (!m.containsKey("id")) {
      throw v.error("rule without 'id'");
    }
    String id = m.get("id").string();
    Optional<String> rid = Optional.of(id);
    String at = "rule '" + id + "': ";
    if (!KEBAB.matcher(id).matches()) {
      throw m.get("id")
          .error(at + "id must be kebab-case (lower-case letters, digits and single dashes)");
    }
    for (String required : List.of("description", "keywords", "examples")) {
      if (!m.containsKey(required) || m.get(required).isNull()) {
        throw v.error(at + "missing required field '" + required + "'");
      }
    }
    String description = m.get("description").string();
    List<String> keywords = new ArrayList<>();
    for (String k : m.get("keywords").strings()) {
      String kw = k.toLowerCase(Locale.ROOT);
      if (kw.length() < MIN_KEYWORD_LENGTH) {
        throw m.get("keywords")
            .error(
                at
                    + "keyword "
                    + Shown.value(k)
                    + " is shorter than "
                    + MIN_KEYWORD_LENGTH
                    + " characters: it would admit almost every line");
      }
      if (!kw.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw m.get("keywords")
            .error(at + "keyword " + Shown.value(k) + " must be printable ASCII");
      }
      keywords.add(kw);
    }
    if (keywords.isEmpty() && !m.containsKey("path")) {
      throw m.get("keywords")
          .error(
              at
                  + "needs at least one keyword (the prefilter that keeps scans fast),"
                  + " or a 'path' for a file-kind rule that reads every line of the files it names");
    }
    Optional<String> syntax = syntax(m, at);
    if (syntax.isEmpty() && (!m.containsKey("regex") || m.get("regex").isNull())) {
      throw v.error(at + "missing required field 'regex' (or a 'syntax' reader)");
    }
    if (syntax.isPresent() && m.containsKey("regex")) {
      throw m.get("regex").error(at + "a rule has either a 'regex' or a 'syntax' reader, not both");
    }
    String regex = syntax.isPresent() ? "" : m.get("regex").string();
    LazyPattern pattern =
        LazyPattern.of(compile(syntax.isPresent() ? v : m.get("regex"), regex, rid, "regex"));
    int groups = pattern.groupCount();
    int secretGroup = groups >= 1 ? 1 : 0;
    if (m.containsKey("secretGroup")) {
      secretGroup = m.get("secretGroup").integer();
      if (secretGroup < 0 || secretGroup > groups) {
        throw m.get("secretGroup")
            .error(
                at
                    + "secretGroup "
                    + secretGroup
                    + " is beyond the regex's "
                    + groups
                    + " capture group(s)");
      }
    }
    double entropy = 0;
    if (m.containsKey("entropy")) {
      entropy = m.get("entropy").number();
      if (entropy < 0 || entropy > 8) {
        throw m.get("entropy").error(at + "entropy must be between 0 and 8 bits per character");
      }
    }
    Optional<LazyPattern> path = Optional.empty();
    if (m.containsKey("path")) {
      path =
          Optional.of(
              LazyPattern.of(compile(m.get("path"), m.get("path").string(), rid, "path regex")));
    }
    RuleAllow allow = RuleAllow.NONE;
    if (m.containsKey("allow")) {
      allow = ruleAllow(m.get("allow").mapping(RULE_ALLOW_KEYS), "allow", rid);
    }
    Severity severity = Severity.HIGH;
    if (m.containsKey("severity")) {
      String s = m.get("severity").string();
      severity =
          Severity.parse(s)
              .orElseThrow(
                  () ->
                      m.get("severity")
                          .error(
                              at
                                  + "severity '"
                                  + s
                                  + "' is not one of critical, high, medium, low, info"));
    }
    List<String> tags = m.containsKey("tags") ? m.get("tags").strings() : List.of();
    boolean multiline = m.containsKey("multiline") && m.get("multiline").bool();
    Optional<String> validate = Optional.empty();
    if (m.containsKey("validate")) {
      String name = m.get("validate").string();
      if (Validators.byName(name).isEmpty()) {
        throw m.get("validate")
            .error(
                at
                    + "unknown validator "
                    + Shown.value(name)
                    + " (known: "
                    + String.join(", ", Validators.names())
                    + ")");
      }
      validate = Optional.of(name);
    }
    boolean requireValid = m.containsKey("requireValid") && m.get("requireValid").bool();
    if (requireValid && validate.isEmpty()) {
      throw m.get("requireValid").error(at + "requireValid needs a 'validate' validator");
    }
    Examples examples = examples(m.get("examples"), at);
    Origin origin = new Origin(v.file(), v.line());
    return new Rule(
        id,
        description,
        keywords,
        regex,
        pattern,
        secretGroup,
        entropy,
        path,
        allow,
        severity,
        tags,
        multiline,
        validate,
        requireValid,
        examples,
        origin,
        syntax);
  }

  private static Optional<String> syntax(Map<String, YamlTree.Value> m, String at) {
    if (!m.containsKey("syntax")) {
      return Optional.empty();
    }
    String name = m.get("syntax").string();
    if (!Rule.SYNTAXES.contains(name)) {
      throw m.get("syntax")
          .error(
              at
                  + "unknown syntax '"
                  + name
                  + "' (known: "
                  + String.join(", ", new TreeSet<>(Rule.SYNTAXES))
                  + ")");
    }
    if (m.containsKey("multiline") && m.get("multiline").bool()) {
      throw m.get("multiline")
          .error(at + "a 'syntax' reader reads one line at a time: drop 'multiline'");
    }
    return Optional.of(name);
  }

  private static Examples examples(YamlTree.Value v, String at) {
    Map<String, YamlTree.Value> m = v.mapping(EXAMPLES_KEYS);
    List<Examples.Match> match = new ArrayList<>();
    List<Examples.NoMatch> noMatch = new ArrayList<>();
    if (m.containsKey("match")) {
      for (YamlTree.Value e : m.get("match").sequence()) {
        Map<String, YamlTree.Value> em = e.mapping(MATCH_KEYS);
        if (!em.containsKey("text") || !em.containsKey("secret")) {
          throw e.error(at + "a match example needs 'text' and 'secret'");
        }
        match.add(
            new Examples.Match(
                em.get("text").string(),
                em.get("secret").string(),
                optionalString(em.get("path")),
                e.line()));
      }
    }
    if (m.containsKey("noMatch")) {
      for (YamlTree.Value e : m.get("noMatch").sequence()) {
        if (e.isScalar()) {
          noMatch.add(new Examples.NoMatch(e.string(), Optional.empty(), e.line()));
        } else {
          Map<String, YamlTree.Value> em = e.mapping(NO_MATCH_KEYS);
          if (!em.containsKey("text")) {
            throw e.error(at + "a noMatch example needs 'text'");
          }
          noMatch.add(
              new Examples.NoMatch(
                  em.get("text").string(), optionalString(em.get("path")), e.line()));
        }
      }
    }
    if (match.isEmpty() || noMatch.isEmpty()) {
      throw v.error(at + "needs at least one 'match' and one 'noMatch' example");
    }
    return new Examples(match, noMatch);
  }

  private static Optional<String> optionalString(YamlTree.Value v) {
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.string());
  }
}
