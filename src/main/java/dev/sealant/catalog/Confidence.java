package dev.sealant.catalog;

/**
 * Whether a rule is high-confidence: not generic, and its secret proves its own kind, either by a
 * validator the rule requires ({@code requireValid}: a checksum, a parseable key) or by a fixed,
 * case-sensitive prefix of at least {@value #MIN_PREFIX} characters that every secret starts with
 * (a provider prefix such as {@code ghp_}, {@code xoxb-}, {@code -----BEGIN }). High-confidence
 * rules also run in the catalog's quiet paths (minified bundles, lock files, vendored code), where
 * the others stay silent.
 *
 * <p>The prefix is read from the regex text, without a second parser: optional {@code ^} and {@code
 * \b}, capturing groups up to the secret's, then literal characters (escaped punctuation included;
 * a single-character class such as {@code [por]} is passed over but not counted) or one
 * non-capturing group of plain literal alternatives ({@code (?:AKIA|ASIA)}). A flag group ({@code
 * (?i)}), a class or anything else before the secret ends the prefix.
 */
public final class Confidence {

  /** Shortest provider prefix that counts: {@code pat}, {@code sk_} and longer. */
  static final int MIN_PREFIX = 3;

  private Confidence() {}

  /** True when the rule counts as high-confidence by its shape (see the class comment). */
  static boolean derived(boolean generic, boolean requireValid, String regex, int secretGroup) {
    return !generic && (requireValid || literalPrefix(regex, secretGroup) >= MIN_PREFIX);
  }

  /** Length of the literal prefix every secret of this regex starts with (0 if none). */
  static int literalPrefix(String re, int secretGroup) {
    // A branch of the secret's own alternation ('abc|[0-9a-f]{32}', or '(abc|d)' for group 1) may
    // start with anything: no prefix is certain.
    int[] span = groupSpan(re, secretGroup);
    if (span.length == 0 || branches(re, span[0], span[1])) {
      return 0;
    }
    return prefixFrom(re, secretGroup);
  }

  private static int prefixFrom(String re, int secretGroup) {
    boolean inside = secretGroup == 0;
    int groups = 0;
    int length = 0;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (!inside && (c == '^' || re.startsWith("\\b", i))) {
        i += c == '^' ? 1 : 2;
      } else if (re.startsWith("(?:", i)) {
        int alt = alternatives(re, i + 3);
        return inside && alt > 0 && !quantified(re, re.indexOf(')', i) + 1) ? length + alt : length;
      } else if (c == '(' && !re.startsWith("(?", i)) {
        groups++;
        inside = inside || groups == secretGroup;
        i++;
      } else if (inside && c == '[' && classEnd(re, i) > 0 && !quantified(re, classEnd(re, i))) {
        i = classEnd(re, i); // one character of a fixed shape ('do[por]_v1_'), not counted
      } else if (inside && literal(re, i) > 0) {
        int n = literal(re, i);
        if (quantified(re, i + n)) {
          return length;
        }
        length++;
        i += n;
      } else {
        return length;
      }
    }
    return length;
  }

  /**
   * Where the secret is in the regex text: the whole regex for group 0, else the inside of the
   * {@code secretGroup}-th capturing group; empty when that group cannot be found.
   */
  private static int[] groupSpan(String re, int secretGroup) {
    if (secretGroup == 0) {
      return new int[] {0, re.length()};
    }
    int groups = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[' && classEnd(re, i) > 0) {
        i = classEnd(re, i) - 1;
      } else if (c == '(' && !re.startsWith("(?", i) && ++groups == secretGroup) {
        int depth = 0;
        for (int j = i; j < re.length(); j++) {
          char d = re.charAt(j);
          if (d == '\\') {
            j++;
          } else if (d == '[' && classEnd(re, j) > 0) {
            j = classEnd(re, j) - 1;
          } else if (d == '(') {
            depth++;
          } else if (d == ')' && --depth == 0) {
            return new int[] {i + 1, j};
          }
        }
        return new int[0];
      }
    }
    return new int[0];
  }

  /** True when {@code re[from, to)} has a {@code |} of its own (not inside a group or a class). */
  private static boolean branches(String re, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[' && classEnd(re, i) > 0) {
        i = classEnd(re, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Width of a literal character at {@code i}: 1 for a plain one, 2 for escaped punctuation, 0 if
   * none.
   */
  private static int literal(String re, int i) {
    char c = re.charAt(i);
    if (Character.isLetterOrDigit(c)
        || c == '_'
        || c == '-'
        || c == ':'
        || c == '/'
        || c == '='
        || c == ' '
        || c == '@'
        || c == '#'
        || c == '%'
        || c == '!'
        || c == '<'
        || c == '>'
        || c == ','
        || c == '~') {
      return c < 128 ? 1 : 0;
    }
    if (c == '\\' && i + 1 < re.length()) {
      char e = re.charAt(i + 1);
      return !Character.isLetterOrDigit(e) && e < 128 ? 2 : 0;
    }
    return 0;
  }

  /** Index after the class that opens at {@code i}, or 0 when it does not close simply. */
  private static int classEnd(String re, int i) {
    for (int j = i + 1; j < re.length(); j++) {
      char c = re.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == ']') {
        return j + 1;
      }
    }
    return 0;
  }

  private static boolean quantified(String re, int at) {
    if (at >= re.length()) {
      return false;
    }
    char q = re.charAt(at);
    return q == '?' || q == '*' || q == '{';
  }

  /**
   * Shortest of the plain literal alternatives {@code a|b|c)} starting at {@code i}; 0 if not all
   * plain.
   */
  private static int alternatives(String re, int i) {
    int shortest = Integer.MAX_VALUE;
    int current = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '|' || c == ')') {
        shortest = Math.min(shortest, current);
        if (c == ')') {
          return shortest;
        }
        current = 0;
        i++;
      } else {
        int n = literal(re, i);
        if (n == 0) {
          return 0;
        }
        current++;
        i += n;
      }
    }
    return 0;
  }
}
