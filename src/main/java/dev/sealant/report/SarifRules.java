package dev.sealant.report;

import dev.sealant.kernel.RuleRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF {@code reportingDescriptor}s for rules: descriptions, help on rotating and allowing, tags.
 */
final class SarifRules {

  private SarifRules() {}

  static Map<String, Object> descriptor(RuleRef r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", name(r.id()));
    m.put("shortDescription", Map.of("text", r.description()));
    m.put("fullDescription", Map.of("text", fullDescription(r)));
    Map<String, Object> help = new LinkedHashMap<>();
    help.put("text", helpText(r));
    help.put("markdown", helpMarkdown(r));
    m.put("help", help);
    m.put("defaultConfiguration", Map.of("level", Levels.sarif(r.severity())));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", tags(r));
    props.put("severity", r.severity().label());
    props.put("precision", r.validate().isPresent() ? "very-high" : "high");
    Levels.securitySeverity(r.severity()).ifPresent(s -> props.put("security-severity", s));
    m.put("properties", props);
    return m;
  }

  /** {@code github-pat-classic} becomes {@code GithubPatClassic}: SARIF names are identifiers. */
  static String name(String id) {
    StringBuilder b = new StringBuilder(id.length());
    boolean up = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '-' || c == '_' || c == '.') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static String fullDescription(RuleRef r) {
    return r.description()
        + ": a credential committed to the repository (Sealant rule "
        + r.id()
        + ", severity "
        + r.severity().label()
        + ").";
  }

  /**
   * The rule's own tags, then {@code security} and {@code secret} (GitHub ranks security alerts).
   */
  private static List<String> tags(RuleRef r) {
    Set<String> t = new LinkedHashSet<>(r.tags());
    t.add("security");
    t.add("secret");
    return new ArrayList<>(t);
  }

  static String helpText(RuleRef r) {
    return r.description()
        + " found (rule "
        + r.id()
        + ").\n\n"
        + "If it is real, treat it as leaked: removing it from the code is not enough, because it "
        + "stays in git history and in every clone.\n"
        + "1. Rotate it: revoke or regenerate it with its issuer, then check the issuer's logs for use.\n"
        + "2. Keep the new value out of the repository (a secret store or CI secret, read at run time).\n\n"
        + "If it is not a secret (a test fixture, an example, a public value), allow it:\n"
        + "- inline, with a comment on the same line: sealant:allow "
        + r.id()
        + " -- reason\n"
        + "  (or sealant:allow-next-line "
        + r.id()
        + " on the line above);\n"
        + "- or by fingerprint, shown with each result: sealant ignore FINGERPRINT --reason \"...\"\n"
        + "  (recorded in .sealantignore; the fingerprint never contains the secret).\n";
  }

  static String helpMarkdown(RuleRef r) {
    return "**"
        + r.description()
        + "** found (rule `"
        + r.id()
        + "`).\n\n"
        + "If it is real, treat it as leaked: removing it from the code is not enough, because it "
        + "stays in git history and in every clone.\n\n"
        + "1. **Rotate it**: revoke or regenerate it with its issuer, then check the issuer's logs for use.\n"
        + "2. Keep the new value out of the repository (a secret store or CI secret, read at run time).\n\n"
        + "If it is not a secret (a test fixture, an example, a public value), allow it:\n\n"
        + "- inline, with a comment on the same line: `sealant:allow "
        + r.id()
        + " -- reason` "
        + "(or `sealant:allow-next-line "
        + r.id()
        + "` on the line above);\n"
        + "- or by fingerprint, shown with each result: `sealant ignore FINGERPRINT --reason \"...\"` "
        + "(recorded in `.sealantignore`; the fingerprint never contains the secret).\n";
  }
}
