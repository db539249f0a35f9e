package dev.sealant.detect.syntax;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a value read from an assignment is a literal credential, by saying what else it
 * is: a reference to one (an environment lookup, a template, a placeholder), code (an identifier, a
 * dotted name, a call, an expression), a path, a URL without credentials, a number, a keyword. None
 * of these checks is about which characters a password may hold.
 */
public final class Values {

  /** Shorter values are not reported: too many eight-character words are settings, not secrets. */
  public static final int MIN_LENGTH = 8;

  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "null",
          "none",
          "nil",
          "undefined",
          "required",
          "optional",
          "string",
          "password",
          "secret",
          "token",
          "include",
          "inherit",
          "omit",
          "default",
          "disabled",
          "enabled",
          "passwords",
          "password1",
          "password123",
          "secret123",
          "letmein",
          "administrator");

  private Values() {}

  /**
   * True when {@code v} (decoded) may be a literal credential: it is none of the things a literal
   * is not and, when it holds references ({@link Expansions#references}), what is left of it is a
   * literal ({@link #meantLiteral}).
   */
  public static boolean literal(String v) {
    return literal(v, false);
  }

  /**
   * As {@link #literal(String)}; {@code text} says the value was written as text (quoted, or a bare
   * value of a configuration dialect or shell), where an identifier-like word is only a name when
   * it looks like one ({@link Shapes#name}): {@code Orange2013} in quotes is a password, the same
   * bare word in code a variable.
   */
  public static boolean literal(String v, boolean text) {
    if (!plain(v, text)) {
      return false;
    }
    String inner = unquoted(v);
    String residue = Expansions.references(inner);
    return residue.length() == inner.length() || meantLiteral(inner, residue);
  }

  /** None of the shapes that are not credentials, references aside. */
  private static boolean plain(String v) {
    return plain(v, false);
  }

  private static boolean plain(String v, boolean text) {
    if (v.length() < MIN_LENGTH
        || v.isBlank()
        || KEYWORDS.contains(v.toLowerCase(Locale.ROOT))
        || KEYWORDS.contains(unLeet(v))) {
      return false;
    }
    return !concatenation(v)
        && !placeholder(v)
        && !Shapes.prose(v)
        && !number(v)
        && !(text ? Shapes.name(v) : Shapes.identifier(v))
        && !Shapes.path(v)
        && !Shapes.plainUrl(v)
        && !Shapes.regex(v)
        && !encodedName(v)
        && !Shapes.address(v, text)
        && !Shapes.ruleList(v)
        && !Shapes.qualifiedName(v)
        && !Shapes.regexLiteral(v);
  }

  /**
   * A value that expands something ({@code value}) was still meant as a literal when its residue,
   * the text left with every expansion cut out ({@link Expansions}), is itself password-shaped:
   *
   * <ul>
   *   <li>at least {@link #MIN_LENGTH} characters, and more than half of the value: a template is
   *       mostly its references, a password with a stray {@code $Lm} mostly literal;
   *   <li>no whitespace ({@code Bearer ${TOKEN}}, {@code $(cat /run/secrets/db)});
   *   <li>three or more of the classes lower case, upper case, digit, other ({@code
   *       ${prefix}_secret_key_name} leaves two);
   *   <li>not words and separators ({@link Shapes#words}): the glue of a URL, DSN or key name
   *       ({@code :@tcp(:3306)/?parseTime=true}, {@code ->password}, {@code {'ADMIN_PASSWORD'}});
   *       nor pieces of a path ({@link Shapes#pathPieces}: {@code $HOME/.ssh/id_ed25519}) or a URL
   *       ({@code ://}), and none of the other shapes of {@link #literal}.
   * </ul>
   *
   * Then the whole value, as written, is the secret: in shell the {@code $Lm} even expands to
   * nothing, a bug of its own, but the rest of the password is in the file.
   */
  static boolean meantLiteral(String value, String residue) {
    return residue.length() >= MIN_LENGTH
        && 2 * residue.length() > value.length()
        && !whitespace(residue)
        && classes(residue) >= 3
        && !residue.contains("://")
        && !Shapes.words(residue)
        && !Shapes.pathPieces(residue)
        && plain(residue);
  }

  private static boolean whitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** How many of lower case, upper case, digits and other characters {@code s} holds. */
  private static int classes(String s) {
    int mask = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      mask |=
          Character.isLowerCase(c)
              ? 1
              : Character.isUpperCase(c) ? 2 : Character.isDigit(c) ? 4 : 8;
    }
    return Integer.bitCount(mask);
  }

  /**
   * The code between two string literals, read as one ({@code ". Secret: " + f.secret() + "."}
   * gives {@code " + f.secret() + "}): it opens or closes with an operator between spaces.
   */
  private static boolean concatenation(String v) {
    int n = v.length();
    return (v.charAt(0) == ' ' && "+.,".indexOf(v.charAt(1)) >= 0 && v.charAt(2) == ' ')
        || (v.charAt(n - 1) == ' '
            && "+.,".indexOf(v.charAt(n - 2)) >= 0
            && v.charAt(n - 3) == ' ');
  }

  /** A value wrapped in one more pair of quotes ({@code "\"$token\""}) is judged by its inside. */
  private static String unquoted(String v) {
    char f = v.charAt(0);
    return v.length() > 2 && (f == '"' || f == '\'') && v.charAt(v.length() - 1) == f
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /**
   * Base64 of a name or of {@code user:name} ({@code YS1naXQtdG9rZW4=} is {@code a-git-token}):
   * test data, not a key.
   */
  static boolean encodedName(String v) {
    if (v.length() % 4 != 0 || v.length() > 256) {
      return false;
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (byte b : raw) {
      if (b < 0x21 || b > 0x7e) {
        return false;
      }
    }
    String text = new String(raw, StandardCharsets.US_ASCII);
    return !text.isEmpty() && Shapes.identifier(text);
  }

  /** {@code P@ssw0rd} read as the word it spells: the textbook dummy password, not a secret. */
  static String unLeet(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (char c : v.toLowerCase(Locale.ROOT).toCharArray()) {
      int k = "@4310$5!7".indexOf(c);
      b.append(k < 0 ? c : "aaeiossit".charAt(k));
    }
    return b.toString();
  }

  /** A bare word of code: not a literal when it calls, dereferences, negates or combines. */
  static boolean bareWordIsCode(String w) {
    char c = w.charAt(0);
    if ("!&*@$%(-".indexOf(c) >= 0) {
      return true;
    }
    return w.contains("(")
        || w.contains("[")
        || w.contains("->")
        || w.contains("::")
        || w.contains("{");
  }

  /**
   * {@code <your-token>}, {@code [password]}, {@code {secret}}, {@code xxxx}, {@code ****}, {@code
   * ...}.
   */
  static boolean placeholder(String v) {
    char first = v.charAt(0);
    char last = v.charAt(v.length() - 1);
    if ((first == '<' && last == '>')
        || (first == '[' && last == ']')
        || (first == '{' && last == '}')) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("xxxx")
        || lower.contains("****")
        || lower.contains("...")
        || lower.contains("…")
        || lower.contains("snip")
        || lower.contains("redacted")
        || v.equals("%s")) {
      return true;
    }
    return v.chars().distinct().count() <= 2;
  }

  private static boolean number(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!((c >= '0' && c <= '9')
          || c == '.'
          || c == ':'
          || c == '_'
          || c == '-'
          || c == '+'
          || c == ',')) {
        return false;
      }
    }
    return true;
  }
}
