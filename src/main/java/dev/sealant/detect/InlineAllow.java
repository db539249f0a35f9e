package dev.sealant.detect;

import dev.sealant.kernel.Suppression;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Inline suppressions, in any comment syntax: {@code sealant:allow} on the secret's line, or {@code
 * sealant:allow-next-line} on the line above; either may name rule ids (comma-separated) and end
 * with {@code -- reason}.
 */
public final class InlineAllow {

  static final String MARKER = "sealant:allow";
  private static final String NEXT_LINE = "-next-line";

  private InlineAllow() {}

  /**
   * The suppression the line grants {@code ruleId}, if any.
   *
   * @param nextLine whether to look for the {@code -next-line} form (on the line above a secret)
   */
  static Optional<Suppression> find(CharSequence line, String ruleId, boolean nextLine) {
    String s = line.toString();
    int from = 0;
    while (true) {
      int at = s.indexOf(MARKER, from);
      if (at < 0) {
        return Optional.empty();
      }
      int p = at + MARKER.length();
      boolean isNext = s.startsWith(NEXT_LINE, p);
      if (isNext) {
        p += NEXT_LINE.length();
      }
      from = p;
      if (isNext != nextLine || (p < s.length() && isIdChar(s.charAt(p)))) {
        continue;
      }
      Directive d = parse(s, p);
      if (d.rules.isEmpty() || d.rules.contains(ruleId)) {
        return Optional.of(new Suppression(Suppression.Kind.INLINE, d.reason));
      }
    }
  }

  private record Directive(Set<String> rules, Optional<String> reason) {}

  private static Directive parse(String s, int p) {
    int i = p;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ':')) {
      i++;
    }
    Set<String> rules = new TreeSet<>();
    while (i < s.length() && !s.startsWith("--", i)) {
      int start = i;
      while (i < s.length() && isIdChar(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        break;
      }
      rules.add(s.substring(start, i));
      while (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ' ')) {
        i++;
      }
    }
    Optional<String> reason = Optional.empty();
    int dd = s.indexOf("--", i);
    if (dd >= 0 && s.substring(i, dd).isBlank()) {
      String r = reason(s, dd + 2);
      if (!r.isEmpty()) {
        reason = Optional.of(r);
      }
    }
    return new Directive(rules, reason);
  }

  /** The longest reason kept; a reason is a short note for review, not a place for data. */
  static final int MAX_REASON = 200;

  /** Where a comment (block comment, HTML, template, ML-family) ends. */
  private static final String[] COMMENT_ENDS = {"*/", "-->", "%>", "#}", "*)", "-}", "}}"};

  /**
   * The reason given after {@code --}: it ends where the annotation's comment ends (so code after a
   * block comment on the same line, such as the secret itself, is never part of it), at a double
   * quote or backquote (a string literal starts), or after {@value #MAX_REASON} characters;
   * anything token-shaped left in it is redacted, so a reason can never carry a secret into a
   * report.
   */
  static String reason(String s, int from) {
    int end = s.length();
    for (String e : COMMENT_ENDS) {
      int at = s.indexOf(e, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    for (int k = from; k < end; k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '`' || c == '\n' || c == '\r') {
        end = k;
        break;
      }
    }
    String r = s.substring(from, end).strip();
    if (r.length() > MAX_REASON) {
      r = r.substring(0, MAX_REASON).strip() + "...";
    }
    return Display.tokenLike(r);
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }
}
