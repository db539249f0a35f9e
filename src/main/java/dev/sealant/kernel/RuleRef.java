package dev.sealant.kernel;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a finding says about the rule that found it: the fields reports, filters, baselines and
 * {@code explain} read, without the compiled rule (its regex, keywords, allowlists and examples
 * stay in the catalog).
 *
 * @param validate the name of the rule's offline validator, when it has one
 * @param syntax the syntax reader the rule runs instead of a regex, when it names one
 */
public record RuleRef(
    String id,
    String description,
    Severity severity,
    List<String> tags,
    Optional<String> validate,
    Optional<String> syntax) {

  public RuleRef {
    tags = List.copyOf(tags);
  }

  /** Generic rules (tag {@code generic}) yield to a specific rule that found the same secret. */
  public boolean generic() {
    return tags.contains("generic");
  }

  /**
   * This rule with its description and tags (catalog text, shown in reports) passed through {@code
   * shown}.
   */
  public RuleRef withShownText(UnaryOperator<String> shown) {
    String d = shown.apply(description);
    List<String> t = tags.stream().map(shown).toList();
    if (d.equals(description) && t.equals(tags)) {
      return this;
    }
    return new RuleRef(id, d, severity, t, validate, syntax);
  }
}
