package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.Strings.Interpolation;
import java.util.BitSet;

/**
 * The expansions in a value (references to variables, commands and template fields) and its
 * <em>residue</em>: the literal text left when every expansion is cut out. {@link
 * Values#meantLiteral} judges the residue: {@code ${DB_USER}:${DB_PASS}} leaves {@code :}, glue;
 * {@code q9$Lm(2x]Vt;Rk7!} in shell double quotes leaves {@code q9(2x]Vt;Rk7!}, a password whose
 * author did not know that {@code $Lm} expands.
 *
 * <p>An expansion ends at its first closer: {@code ${...}} and {@code {...}} at the first closing
 * brace after the opener, {@code $(...)} at the first {@code )}, a backtick at the next backtick,
 * {@code $NAME} at the end of {@code [A-Za-z0-9_]*} when NAME reads as a name ({@link #variable}).
 * An opener that does not close is literal text unless the value was cut inside it ({@link #cut}).
 * Nested expansions ({@code ${A:-${B}}}) leave their outer closer in the residue, one glue
 * character. Work is linear: each opener's closer is looked for only when the last closer of its
 * kind lies beyond it (the last closers and the last whitespace are found once), and the scan
 * resumes after the closer it finds.
 */
final class Expansions {

  private Expansions() {}

  /**
   * The residue of a quoted string's decoded {@code value} under its syntax's interpolation, where
   * an expansion may open only at the offsets in {@code live} (the sigils the author left
   * unescaped).
   */
  static String residue(String value, Interpolation interp, BitSet live) {
    if (interp == Interpolation.NONE || live.isEmpty()) {
      return value;
    }
    Closers closers = new Closers(value);
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int end = live.get(i) ? interpolated(value, i, interp, closers) : -1;
      if (end > i) {
        i = end;
      } else {
        out.append(value.charAt(i++));
      }
    }
    return out.toString();
  }

  /**
   * Shell expansions in raw (unquoted) shell or .env text: {@code $NAME}, {@code ${...}}, {@code
   * $(...)} and backticks whose sigil is not preceded by a backslash.
   */
  static String shellResidue(String raw) {
    BitSet live = new BitSet(raw.length());
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if ((c == '$' || c == '`') && (k == 0 || raw.charAt(k - 1) != '\\')) {
        live.set(k);
      }
    }
    return residue(raw, Interpolation.SHELL, live);
  }

  /**
   * The residue of {@code v} under the references every syntax may hold, whatever its quoting:
   * {@code ${x}}, {@code $(x)}, {@code {{ x }}}, {@code #{x}}, {@code %(x)s}, {@code <% x %>}
   * anywhere, {@code $NAME} at the start or, with three characters or more, anywhere (see {@link
   * #variable}), with its members and subscripts ({@code $this->password}, {@code
   * $config{'db'}{'pass'}}), and a whole {@code %NAME%} or {@code @NAME@}.
   */
  static String references(String v) {
    int n = v.length();
    if (n > 2
        && ((v.charAt(0) == '%' && v.charAt(n - 1) == '%')
            || (v.charAt(0) == '@' && v.charAt(n - 1) == '@'))
        && Shapes.word(v.substring(1, n - 1))) {
      return "";
    }
    Closers closers = new Closers(v);
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      int end = reference(v, i, closers);
      if (end > i) {
        i = end;
      } else {
        out.append(v.charAt(i++));
      }
    }
    return out.toString();
  }

  /**
   * The end of the string interpolation opening at {@code i} (the value's end if it does not
   * close), or -1.
   */
  private static int interpolated(String v, int i, Interpolation interp, Closers closers) {
    char c = v.charAt(i);
    char n = i + 1 < v.length() ? v.charAt(i + 1) : 0;
    String closer;
    int from = i + 2;
    if (interp == Interpolation.SHELL && c == '$' && nameStart(n)) {
      return variable(v, i, 1);
    } else if (interp == Interpolation.SHELL && c == '`') {
      closer = "`";
      from = i + 1;
    } else if (interp == Interpolation.SHELL && c == '$' && n == '(' && opens(v, i + 2, "(< ")) {
      closer = ")";
    } else if ((interp == Interpolation.SHELL || interp == Interpolation.DOLLAR_BRACE)
        && c == '$'
        && n == '{'
        && opens(v, i + 2, "{#! ")) {
      closer = "}";
    } else if (interp == Interpolation.BRACE && c == '{') {
      closer = "}";
      from = i + 1;
    } else {
      return -1;
    }
    int end = closers.after(v, from, closer);
    return end < 0 && cut(v, from, closer.equals("}"), closers) ? v.length() : end;
  }

  /**
   * An opener that does not close is an expansion to the value's end when the value was cut inside
   * it: at a quote within a command ({@code "$(cat "$F")"} reads {@code $(cat }, with a space) or,
   * in braces, after a name and an operator ({@code "${X:-"d"}"} reads <code>${X:-</code>).
   * Otherwise, as in a password holding <code>$(</code> or <code>${</code> and no closer, it is
   * literal text.
   */
  private static boolean cut(String v, int from, boolean brace, Closers closers) {
    if (closers.space >= from || !brace) {
      return closers.space >= from;
    }
    int name = from < v.length() && nameStart(v.charAt(from)) ? nameEnd(v, from) : from;
    if (name == from || v.length() - name > 2) {
      return false;
    }
    String op = v.substring(name); // "", ":", or an operator: - = ? + :- := :? :+
    return op.length() < 2
        ? op.isEmpty() || op.equals(":") || "-=?+".indexOf(op.charAt(0)) >= 0
        : op.charAt(0) == ':' && "-=?+".indexOf(op.charAt(1)) >= 0;
  }

  /** The end of the language-neutral reference opening at {@code i}, or -1. */
  private static int reference(String v, int i, Closers closers) {
    int end = closedReference(v, i, closers);
    char c = v.charAt(i);
    char n = i + 1 < v.length() ? v.charAt(i + 1) : 0;
    return end < 0
            && c == '$'
            && (n == '{' || n == '(')
            && opens(v, i + 2, "{(<#! ")
            && cut(v, i + 2, n == '{', closers)
        ? v.length()
        : end;
  }

  private static int closedReference(String v, int i, Closers closers) {
    char c = v.charAt(i);
    char n = i + 1 < v.length() ? v.charAt(i + 1) : 0;
    if (c == '$' && nameStart(n)) {
      int end = variable(v, i, i == 0 ? 1 : 3); // $NAME, Bearer $TOKEN
      return end < 0 ? end : accessors(v, end, closers);
    }
    if ((c == '$' || c == '#') && n == '{' && opens(v, i + 2, "{#! ")) {
      return closers.after(v, i + 2, "}");
    }
    if (c == '$' && n == '(' && opens(v, i + 2, "(< ")) {
      return closers.after(v, i + 2, ")");
    }
    if (c == '{' && n == '{') {
      return closers.after(v, i + 2, "}}");
    }
    if (c == '<' && n == '%') {
      return closers.after(v, i + 2, "%>");
    }
    if (c == '%' && n == '(') {
      int end = closers.after(v, i + 2, ")");
      return end > 0 && end < v.length() && Character.isLetter(v.charAt(end))
          ? end + 1
          : end; // %(name)s
    }
    return -1;
  }

  /**
   * The end of {@code $NAME} at {@code i} when NAME reads as a variable's name (an identifier of at
   * least {@code min} characters, {@link #named}: {@code $HOME}, {@code $db_password}, {@code $x}),
   * or -1: in {@code q9$qxZB6vG5} or {@code $Kx9!v} the sign sits in a random token, which its
   * author meant literally (in shell it expands all the same, but the rest of the password is in
   * the file).
   */
  private static int variable(String v, int i, int min) {
    int end = nameEnd(v, i + 1);
    String name = v.substring(i + 1, end);
    return name.length() >= min && Shapes.identifier(name) && named(name) ? end : -1;
  }

  /**
   * A variable's name, stricter than an identifier: each {@code _}-separated part is in one case or
   * in camel case, whose humps have three letters or more ({@code DB_PASSWORD}, {@code
   * API_TOKEN_v2}, {@code apiToken}, {@code dbPassword}); {@code Kx9}, {@code vgvOo}, {@code
   * guohSfxB} or {@code qU5UTQ} is a random token's.
   */
  private static boolean named(String name) {
    int segment = 0;
    boolean lower = false;
    boolean upper = false;
    for (int k = 0; k <= name.length(); k++) {
      char c = k < name.length() ? name.charAt(k) : '_';
      if (c == '_') {
        if (lower && upper && !Character.isLowerCase(name.charAt(segment))) {
          return false; // Kx9, QsvR: mixed case that is not camel case
        }
        segment = k + 1;
        lower = false;
        upper = false;
        continue;
      }
      lower |= Character.isLowerCase(c);
      upper |= Character.isUpperCase(c);
      if (k > 0
          && Character.isUpperCase(c)
          && Character.isLowerCase(name.charAt(k - 1))
          && !(k + 3 <= name.length()
              && Character.isLowerCase(name.charAt(k + 1))
              && Character.isLowerCase(name.charAt(k + 2)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * What follows <code>${</code> or <code>$(</code> at {@code k} can start an expression: a name or
   * a digit, or one of {@code signs} ({@code ${#list}}, <code>${{ x }}</code>, {@code $(<file)},
   * {@code $( cmd )}); <code>${)</code> or <code>$(&gt;</code> in a password is not one.
   */
  private static boolean opens(String v, int k, String signs) {
    if (k >= v.length()) {
      return false;
    }
    char c = v.charAt(k);
    return nameStart(c) || (c >= '0' && c <= '9') || signs.indexOf(c) >= 0;
  }

  /**
   * Past the members and subscripts of a variable ending at {@code k}: {@code ->x}, {@code ['x']},
   * {@code {'x'}}.
   */
  private static int accessors(String v, int k, Closers closers) {
    int end = k;
    while (end + 1 < v.length()) {
      char c = v.charAt(end);
      char n = v.charAt(end + 1);
      if (c == '-' && n == '>' && end + 2 < v.length() && nameStart(v.charAt(end + 2))) {
        end = nameEnd(v, end + 2);
      } else if ((c == '[' || c == '{')
          && (n == '\'' || n == '"' || n == '$' || Character.isLetterOrDigit(n))) {
        int close = closers.after(v, end + 1, c == '[' ? "]" : "}");
        if (close < 0) {
          return end;
        }
        end = close;
      } else {
        return end;
      }
    }
    return end;
  }

  private static boolean nameStart(char c) {
    return c == '_' || (c < 128 && Character.isLetter(c));
  }

  private static int nameEnd(String v, int from) {
    int k = from;
    while (k < v.length()
        && (v.charAt(k) == '_' || (v.charAt(k) < 128 && Character.isLetterOrDigit(v.charAt(k))))) {
      k++;
    }
    return k;
  }

  /** Where the last closer of each kind is, so that an opener past it costs nothing. */
  private static final class Closers {
    private final int brace;
    private final int paren;
    private final int tick;
    private final int braces;
    private final int percent;
    private final int bracket;

    /** The last whitespace character. */
    private final int space;

    Closers(String v) {
      brace = v.lastIndexOf('}');
      paren = v.lastIndexOf(')');
      tick = v.lastIndexOf('`');
      braces = v.lastIndexOf("}}");
      percent = v.lastIndexOf("%>");
      bracket = v.lastIndexOf(']');
      int k = v.length() - 1;
      while (k >= 0 && !Character.isWhitespace(v.charAt(k))) {
        k--;
      }
      space = k;
    }

    /** Just past the first {@code closer} at or after {@code from}, or -1. */
    int after(String v, int from, String closer) {
      int last =
          switch (closer) {
            case "}" -> brace;
            case ")" -> paren;
            case "`" -> tick;
            case "}}" -> braces;
            case "]" -> bracket;
            default -> percent;
          };
      if (last < from) {
        return -1;
      }
      return v.indexOf(closer, from) + closer.length();
    }
  }
}
