package dev.sealant.catalog;

import dev.sealant.kernel.RuleRef;
import dev.sealant.kernel.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One detection rule, immutable and fully validated: the regex compiled by RE2J, keywords in lower
 * case, and its own examples.
 *
 * @param keywords lower-case literals; a line is only matched against the regex when it contains
 *     one of them (case-insensitive). This prefilter is what keeps scans fast.
 * @param secretGroup the capture group holding the secret; 0 means the whole match
 * @param minEntropy minimum Shannon entropy (bits per code point) of the secret; 0 disables
 * @param path when present, the rule only applies to paths this regex finds a match in
 * @param multiline the regex may span lines (PEM blocks); otherwise it sees one line at a time
 * @param validate the name of an offline structural validator, when the format has one
 * @param requireValid drop matches the validator rejects, instead of reporting them unvalidated
 * @param syntax when present, a reader of that syntax finds the secrets instead of the regex
 *     ({@code assignment}: {@link dev.sealant.detect.syntax.AssignmentReader}, {@code url}: {@link
 *     dev.sealant.detect.syntax.UrlCredentials}); {@code regex} is then empty
 */
public record Rule(
    String id,
    String description,
    List<String> keywords,
    String regex,
    LazyPattern pattern,
    int secretGroup,
    double minEntropy,
    Optional<LazyPattern> path,
    RuleAllow allow,
    Severity severity,
    List<String> tags,
    boolean multiline,
    Optional<String> validate,
    boolean requireValid,
    Examples examples,
    Origin origin,
    Optional<String> syntax) {

  public Rule {
    keywords = List.copyOf(keywords);
    tags = List.copyOf(tags);
  }

  /** Generic rules (tag {@code generic}) yield to a specific rule that found the same secret. */
  public boolean generic() {
    return tags.contains("generic");
  }

  /** The syntax readers a rule may name in its {@code syntax} field. */
  public static final Set<String> SYNTAXES = Set.of("assignment", "url");

  /**
   * High-confidence rules run in quiet paths too: not generic, and the secret proves its kind by a
   * required validator or a fixed provider prefix ({@link Confidence}).
   */
  public boolean highConfidence() {
    return Confidence.derived(generic(), requireValid, regex, secretGroup);
  }

  public boolean appliesTo(String filePath) {
    return path.isEmpty() || path.get().matcher(filePath).find();
  }

  /** What a finding carries of this rule: the fields reports, filters and baselines read. */
  public RuleRef ref() {
    return new RuleRef(id, description, severity, tags, validate, syntax);
  }
}
