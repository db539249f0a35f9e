package dev.sealant.kernel;

import java.util.Optional;

/**
 * One detected secret.
 *
 * @param rule the rule that found it, as reports show it
 * @param line 1-based line of the secret's first character
 * @param column 1-based column of the secret's first character, in UTF-16 code units (SARIF's
 *     default column kind)
 * @param secret the raw secret; reports redact it unless the user asks otherwise
 * @param fingerprint stable content fingerprint: rule id + secret, independent of position
 * @param validated the verdict of the rule's offline validator, when it has one
 * @param encoding how the secret was hidden when it was found by decoding (e.g. {@code base64})
 */
public record Finding(
    RuleRef rule,
    String path,
    int line,
    int column,
    String secret,
    double entropy,
    String fingerprint,
    Optional<CommitInfo> commit,
    Optional<Boolean> validated,
    Optional<String> encoding,
    Optional<Suppression> suppression) {

  public String ruleId() {
    return rule.id();
  }

  public boolean suppressed() {
    return suppression.isPresent();
  }

  public Finding withSuppression(Suppression s) {
    return new Finding(
        rule,
        path,
        line,
        column,
        secret,
        entropy,
        fingerprint,
        commit,
        validated,
        encoding,
        Optional.of(s));
  }

  /** The secret as reports print it by default. */
  public String redacted() {
    return Redaction.redact(secret);
  }
}
