package dev.sealant.catalog;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.sealant.error.CatalogException;
import dev.sealant.validate.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads pattern catalogs: the built-in one shipped in the jar (the very files under the project's
 * {@code patterns/}), or a user's directory of {@code *.yaml} files. All or nothing: the first
 * problem aborts the load with a {@link CatalogException} naming file, line and rule id.
 */
public final class CatalogLoader {

  static final String BUILT_IN_ROOT = "dev/sealant/patterns/";

  private static final Set<String> FILE_KEYS = Set.of("rules", "allow");
  private static final Set<String> ALLOW_KEYS = Set.of("paths", "stopwords", "regexes");
  private static final Set<String> RULE_ALLOW_KEYS = Set.of("stopwords", "regexes");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id", "description", "keywords", "regex", "secretGroup", "entropy", "path", "allow",
          "severity", "tags", "multiline", "validate", "requireValid", "examples");
  private static final Set<String> EXAMPLES_KEYS = Set.of("match", "noMatch");
  private static final Set<String> MATCH_KEYS = Set.of("text", "secret", "path");
  private static final Set<String> NO_MATCH_KEYS = Set.of("text", "path");
  private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
  static final int MIN_KEYWORD_LENGTH = 3;

  private CatalogLoader() {}

  /** A catalog file's name and text, as read from disk or the jar. */
  public record Source(String name, String text) {}

  /**
   * The catalog shipped inside Sealant, for scanning: its compiled form (no examples, regexes
   * compiled on first use) when the build produced one, else the YAML.
   */
  public static Catalog builtIn() {
    try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(CompiledCatalog.RESOURCE)) {
      if (in != null) {
        return CompiledCatalog.read(new java.io.BufferedInputStream(in, 1 << 16));
      }
    } catch (IOException e) {
      // fall back to the YAML, which is always shipped
    }
    return builtInWithExamples();
  }

  /** The shipped catalog parsed from its YAML, examples included ({@code sealant rules test}). */
  public static Catalog builtInWithExamples() {
    return parse(readBuiltIn());
  }

  /** Every {@code *.yaml}/{@code *.yml} file of a directory (sorted), or one file. */
  public static Catalog load(Path dirOrFile) {
    Catalog c = parse(readPath(dirOrFile));
    if (c.rules().isEmpty()) {
      // Scanning with no rule finds nothing and would look clean: refuse instead.
      throw new CatalogException(dirOrFile + ": no rules (the catalog files are empty or only set 'allow')");
    }
    return c;
  }

  public static List<Source> readPath(Path dirOrFile) {
    if (!Files.exists(dirOrFile)) {
      throw new CatalogException(dirOrFile + ": no such file or directory");
    }
    List<Path> files;
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> s = Files.list(dirOrFile)) {
        files =
            s.filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new CatalogException(dirOrFile + ": cannot list directory: " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new CatalogException(dirOrFile + ": no *.yaml files in this directory");
      }
    } else {
      files = List.of(dirOrFile);
    }
    List<Source> out = new ArrayList<>();
    for (Path f : files) {
      try {
        if (!Files.isRegularFile(f) || Files.size(f) > YamlTree.MAX_FILE_BYTES) {
          throw new CatalogException(f + ":1: not a regular file of at most " + YamlTree.MAX_FILE_BYTES + " bytes");
        }
        out.add(new Source(f.toString(), decodeUtf8(f.toString(), Files.readAllBytes(f))));
      } catch (IOException e) {
        throw new CatalogException(f + ": cannot read: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  static String decodeUtf8(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CatalogException(name + ":1: not valid UTF-8");
    }
  }

  /** The built-in catalog files, listed from the class path (a directory in tests, the jar when installed). */
  public static List<Source> readBuiltIn() {
    URL root = CatalogLoader.class.getClassLoader().getResource(BUILT_IN_ROOT);
    if (root == null) {
      throw new CatalogException("built-in catalog missing from the class path (" + BUILT_IN_ROOT + ")");
    }
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(root.getProtocol())) {
        JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String n = entries.nextElement().getName();
          if (n.startsWith(BUILT_IN_ROOT) && isYaml(n) && n.indexOf('/', BUILT_IN_ROOT.length()) < 0) {
            names.add(n.substring(BUILT_IN_ROOT.length()));
          }
        }
      } else {
        try (Stream<Path> s = Files.list(Path.of(root.toURI()))) {
          s.map(p -> p.getFileName().toString()).filter(CatalogLoader::isYaml).forEach(names::add);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new CatalogException("cannot list the built-in catalog: " + e.getMessage(), e);
    }
    names.sort(null);
    List<Source> out = new ArrayList<>();
    for (String n : names) {
      try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(BUILT_IN_ROOT + n)) {
        if (in == null) {
          throw new CatalogException("built-in catalog file missing: " + n);
        }
        out.add(new Source("patterns/" + n, decodeUtf8("patterns/" + n, in.readAllBytes())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Parses and validates catalog files; ids must be unique across all of them. */
  public static Catalog parse(List<Source> sources) {
    List<Rule> rules = new ArrayList<>();
    GlobalAllow allow = GlobalAllow.NONE;
    for (Source src : sources) {
      YamlTree.Value doc = YamlTree.parse(src.name(), src.text(), YamlTree.Kind.CATALOG);
      Map<String, YamlTree.Value> top = doc.mapping(FILE_KEYS);
      if (top.containsKey("allow")) {
        allow = allow.plus(globalAllow(top.get("allow")));
      }
      if (top.containsKey("rules")) {
        for (YamlTree.Value r : top.get("rules").sequence()) {
          rules.add(rule(r));
        }
      }
    }
    checkUniqueIds(rules);
    return new Catalog(rules, allow);
  }

  static void checkUniqueIds(List<Rule> rules) {
    Map<String, Rule> seen = new HashMap<>();
    for (Rule r : rules) {
      Rule prev = seen.putIfAbsent(r.id(), r);
      if (prev != null) {
        throw new CatalogException(
            r.origin() + ": rule '" + r.id() + "': duplicate id (first defined at " + prev.origin() + ")");
      }
    }
  }

  /** Parses the {@code allow:} block of a catalog or config file. */
  public static GlobalAllow globalAllow(YamlTree.Value v) {
    Map<String, YamlTree.Value> m = v.mapping(ALLOW_KEYS);
    List<Glob> paths = new ArrayList<>();
    if (m.containsKey("paths")) {
      for (YamlTree.Value p : m.get("paths").sequence()) {
        String g = p.string();
        try {
          paths.add(Glob.of(g));
        } catch (PatternSyntaxException e) {
          throw p.error("invalid path glob '" + g + "'");
        }
      }
    }
    return new GlobalAllow(paths, ruleAllow(m, "allow", Optional.empty()));
  }

  private static RuleAllow ruleAllow(Map<String, YamlTree.Value> m, String where, Optional<String> ruleId) {
    List<String> stopwords = m.containsKey("stopwords") ? m.get("stopwords").strings() : List.of();
    List<Pattern> regexes = new ArrayList<>();
    if (m.containsKey("regexes")) {
      for (YamlTree.Value p : m.get("regexes").sequence()) {
        regexes.add(compile(p, p.string(), ruleId, where + ".regexes"));
      }
    }
    return new RuleAllow(stopwords, regexes);
  }

  private static Pattern compile(YamlTree.Value at, String regex, Optional<String> ruleId, String what) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      String prefix = ruleId.map(id -> "rule '" + id + "': ").orElse("");
      throw at.error(prefix + "invalid " + what + ": " + e.getDescription() + hint(regex));
    }
  }

  private static String hint(String regex) {
    if (regex.contains("(?=") || regex.contains("(?!") || regex.contains("(?<=") || regex.contains("(?<!")) {
      return " (lookaround is not supported by RE2: match the context instead, or use an allow regex)";
    }
    for (int i = 0; i + 1 < regex.length(); i++) {
      if (regex.charAt(i) == '\\' && Character.isDigit(regex.charAt(i + 1)) && regex.charAt(i + 1) != '0') {
        return " (backreferences are not supported by RE2)";
      }
      if (regex.charAt(i) == '\\') {
        i++;
      }
    }
    return "";
  }

  /** Parses a {@code rules:} list (also used by repository configuration files). */
  public static List<Rule> rules(YamlTree.Value list) {
    List<Rule> out = new ArrayList<>();
    for (YamlTree.Value r : list.sequence()) {
      out.add(rule(r));
    }
    checkUniqueIds(out);
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
      throw m.get("id").error(at + "id must be kebab-case (lower-case letters, digits and single dashes)");
    }
    for (String required : List.of("description", "keywords", "regex", "examples")) {
      if (!m.containsKey(required) || m.get(required).isNull()) {
        throw v.error(at + "missing required field '" + required + "'");
      }
    }
    String description = m.get("description").string();
    List<String> keywords = new ArrayList<>();
    for (String k : m.get("keywords").strings()) {
      String kw = k.toLowerCase(java.util.Locale.ROOT);
      if (kw.length() < MIN_KEYWORD_LENGTH) {
        throw m.get("keywords").error(at + "keyword '" + k + "' is shorter than " + MIN_KEYWORD_LENGTH
            + " characters: it would admit almost every line");
      }
      if (!kw.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw m.get("keywords").error(at + "keyword '" + k + "' must be printable ASCII");
      }
      keywords.add(kw);
    }
    if (keywords.isEmpty()) {
      throw m.get("keywords").error(at + "needs at least one keyword (the prefilter that keeps scans fast)");
    }
    String regex = m.get("regex").string();
    LazyPattern pattern = LazyPattern.of(compile(m.get("regex"), regex, rid, "regex"));
    int groups = pattern.groupCount();
    int secretGroup = groups >= 1 ? 1 : 0;
    if (m.containsKey("secretGroup")) {
      secretGroup = m.get("secretGroup").integer();
      if (secretGroup < 0 || secretGroup > groups) {
        throw m.get("secretGroup").error(at + "secretGroup " + secretGroup + " is beyond the regex's "
            + groups + " capture group(s)");
      }
    }
    double entropy = 0;
    if (m.containsKey("entropy")) {
      entropy = m.get("entropy").number();
      if (entropy < 0 || entropy > 8) {
        throw m.get("entropy").error(at + "entropy must be between 0 and 8 bits per character");
      }
    }
    Optional<Pattern> path = Optional.empty();
    if (m.containsKey("path")) {
      path = Optional.of(compile(m.get("path"), m.get("path").string(), rid, "path regex"));
    }
    RuleAllow allow = RuleAllow.NONE;
    if (m.containsKey("allow")) {
      allow = ruleAllow(m.get("allow").mapping(RULE_ALLOW_KEYS), "allow", rid);
    }
    Severity severity = Severity.HIGH;
    if (m.containsKey("severity")) {
      String s = m.get("severity").string();
      severity = Severity.parse(s).orElseThrow(() -> m.get("severity").error(
          at + "severity '" + s + "' is not one of critical, high, medium, low, info"));
    }
    List<String> tags = m.containsKey("tags") ? m.get("tags").strings() : List.of();
    boolean multiline = m.containsKey("multiline") && m.get("multiline").bool();
    Optional<String> validate = Optional.empty();
    if (m.containsKey("validate")) {
      String name = m.get("validate").string();
      if (Validators.byName(name).isEmpty()) {
        throw m.get("validate").error(at + "unknown validator '" + name + "' (known: "
            + String.join(", ", Validators.names()) + ")");
      }
      validate = Optional.of(name);
    }
    boolean requireValid = m.containsKey("requireValid") && m.get("requireValid").bool();
    if (requireValid && validate.isEmpty()) {
      throw m.get("requireValid").error(at + "requireValid needs a 'validate' validator");
    }
    Examples examples = examples(m.get("examples"), at);
    Origin origin = new Origin(v.file(), v.line());
    return new Rule(id, description, keywords, regex, pattern, secretGroup, entropy, path, allow,
        severity, tags, multiline, validate, requireValid, examples, origin);
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
        match.add(new Examples.Match(em.get("text").string(), em.get("secret").string(),
            optionalString(em.get("path")), e.line()));
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
          noMatch.add(new Examples.NoMatch(em.get("text").string(), optionalString(em.get("path")), e.line()));
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
