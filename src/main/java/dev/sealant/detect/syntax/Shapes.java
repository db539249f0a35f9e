package dev.sealant.detect.syntax;

import java.util.Set;

/**
 * Shapes of values that are names, not secrets: identifiers and dotted names of code, file paths,
 * URLs without credentials. An identifier is told from a random token by its pieces: the words of
 * {@code my_app_db_credentials} or {@code AppConfig.dbPassword} are pronounceable and carry few
 * digits; a token's camel-case pieces are mostly one or two letters long, digits scattered.
 */
final class Shapes {

  /** Words longer than this are not words: a 20-letter lower-case run is a token. */
  private static final int LONGEST_WORD = 16;

  private Shapes() {}

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, non-empty. */
  static boolean word(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * An identifier, dotted or kebab name of code or configuration: {@code process.env.API_KEY},
   * {@code db-credentials}.
   */
  static boolean identifier(String s) {
    char first = s.charAt(0);
    if (!(Character.isLetter(first) || first == '_' || first == '$')) {
      return false;
    }
    int pieces = 0;
    int shortPieces = 0;
    int camelShort = 0;
    int odd = 0;
    int digitRuns = 0;
    int digits = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '_' || c == '.' || c == '-' || c == '$' || c == ':') {
        i++;
        continue;
      }
      if (!(c < 128 && Character.isLetterOrDigit(c))) {
        return false;
      }
      int j = pieceEnd(s, i);
      if (Character.isDigit(c)) {
        digitRuns++;
        digits += j - i;
      } else {
        pieces++;
        int len = j - i;
        boolean camel = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        if (len <= 2) {
          shortPieces++;
          camelShort += camel ? 1 : 0;
        } else if (len == 3 && !hasVowel(s, i, j) && !allUpper(s, i, j)) {
          odd++;
        }
        if (len > LONGEST_WORD || (len >= 6 && !hasVowel(s, i, j))) {
          return false;
        }
      }
      i = j;
    }
    // A counter in a name (test_00000001) is fine when every other piece is a word.
    boolean wordy = shortPieces == 0 && odd == 0;
    return pieces > 0
        && (digits <= 4 || wordy)
        && digitRuns <= 2
        && shortPieces <= 1 + pieces / 3
        && camelShort <= 1
        && odd <= 1;
  }

  /**
   * A name written as text (quoted, or a configuration value): an {@link #identifier} that is also
   * either joined by separators ({@code payments-db-credentials}, {@code GITHUB_TOKEN}, {@code
   * app.db.password}) or, without separators and digits, made only of word-like camel pieces
   * ({@code passwordInput}). Letters and digits run together ({@code Orange2013}, {@code
   * FootballShadow24}) or letters that are not words ({@code CeCguZixdjqPYM}) are what people
   * choose as passwords, not how anyone names a setting.
   */
  static boolean name(String s) {
    if (!identifier(s)) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' || c == '.' || c == '-' || c == '$' || c == ':') {
        return true;
      }
      digit |= Character.isDigit(c);
    }
    return !digit && wordPieces(s);
  }

  /**
   * Every camel piece word-like: pieces of up to three letters and acronyms of up to four are taken
   * as they are ({@code db}, {@code Id}, {@code jwt}, {@code HTTP}; {@link #identifier} already
   * bounds how many); longer ones need a vowel and only consonant pairs that English words use
   * ({@link #COMMON_PAIRS}). Random letters ({@code Zixdjq}, {@code Pevcsa}) fail that.
   */
  private static boolean wordPieces(String s) {
    if (pieceEnd(s, 0) == s.length()) {
      return true; // one case throughout: words run together (badpassword), as dummies are written
    }
    int i = 0;
    while (i < s.length()) {
      int j = pieceEnd(s, i);
      int len = j - i;
      boolean taken = len <= 3 || (len <= 4 && allUpper(s, i, j));
      if (!taken && !pronounceable(s, i, j)) {
        return false;
      }
      i = j;
    }
    return true;
  }

  /**
   * A list of validation or option rules ({@code required|string|min:8|confirmed}): lower-case
   * words and numbers joined by {@code |}, with {@code :} {@code ,} {@code _} inside a rule.
   */
  static boolean ruleList(String s) {
    if (s.indexOf('|') < 0) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && s.charAt(i) != '|') {
        continue;
      }
      if (i == start || !ruleWord(s, start, i)) {
        return false;
      }
      start = i + 1;
    }
    return true;
  }

  private static boolean ruleWord(String s, int from, int to) {
    boolean letters = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters = true;
      } else if (!((c >= '0' && c <= '9') || c == ':' || c == ',' || c == '_')) {
        return false;
      }
    }
    return letters && pronounceableRun(s, from, to);
  }

  /** The first letter run of {@code s[from, to)} has a vowel: a word, not random letters. */
  private static boolean pronounceableRun(String s, int from, int to) {
    int i = from;
    while (i < to && !(s.charAt(i) >= 'a' && s.charAt(i) <= 'z')) {
      i++;
    }
    int j = i;
    while (j < to && s.charAt(j) >= 'a' && s.charAt(j) <= 'z') {
      j++;
    }
    return hasVowel(s, i, j);
  }

  /**
   * A name qualified by {@code \} or {@code ::} (PHP, C++, Ruby, Rust): {@code
   * Illuminate\Support\Facades\Password}, {@code Auth\PasswordController}: two or more parts, each
   * an identifier (capitalised, with {@code \\}).
   */
  static boolean qualifiedName(String s) {
    String sep = s.indexOf('\\') >= 0 ? "\\" : s.contains("::") ? "::" : null;
    if (sep == null) {
      return false;
    }
    int parts = 0;
    int start = s.startsWith(sep) ? sep.length() : 0;
    while (start <= s.length()) {
      int end = s.indexOf(sep, start);
      if (end < 0) {
        end = s.length();
      }
      // PHP names its namespaces and classes in capitals; a password with backslashes rarely does
      if (end == start
          || !identifier(s.substring(start, end))
          || (sep.equals("\\") && !Character.isUpperCase(s.charAt(start)))) {
        return false;
      }
      parts++;
      start = end + sep.length();
    }
    return parts >= 2;
  }

  /** A JavaScript regex literal, {@code /\s?auto?\s?/i}: code, not a value. */
  static boolean regexLiteral(String s) {
    int last = s.lastIndexOf('/');
    if (s.charAt(0) != '/' || last <= 1) {
      return false;
    }
    for (int i = last + 1; i < s.length(); i++) {
      if ("dgimsuy".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return s.indexOf('\\') >= 0
        || s.indexOf('?') >= 0
        || s.indexOf('[') >= 0
        || s.indexOf('^') >= 0;
  }

  /**
   * Prose: two or more words between single spaces, each in one case (lower, Capitalised or UPPER)
   * and followed by at most some punctuation, most of them word-like ({@code some secret here},
   * {@code Hello World!}, {@code shhhh, very secret}, {@code NO SECRET :(}): the sentence a sample
   * puts where a secret goes. A password with spaces mixes cases, digits or signs inside its words.
   */
  static boolean prose(String s) {
    int words = 0;
    int wordLike = 0;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i < s.length() && s.charAt(i) != ' ') {
        continue;
      }
      int end = i;
      while (end > start && ".,!?:;()'-".indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
      if (i - start == 0
          || (end == start && i - start > 2)
          || (end > start && !oneCase(s, start, end))) {
        return false;
      }
      if (end > start) {
        words++;
        wordLike +=
            end - start <= 3 || pronounceable(s, start, end) || vowelled(s, start, end) ? 1 : 0;
      }
      start = i + 1;
    }
    return words >= 2 && 2 * wordLike > words;
  }

  /** Letters only, all lower case, all upper case, or one capital and then lower case. */
  private static boolean oneCase(String s, int from, int to) {
    boolean upperAfterFirst = false;
    boolean lower = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
      upperAfterFirst |= i > from && c <= 'Z';
      lower |= c >= 'a';
    }
    return !(upperAfterFirst && lower);
  }

  /** Consonant pairs found inside common English words; any other pair marks letters as random. */
  private static final Set<String> COMMON_PAIRS =
      Set.of(
          ("bb bl br bs bj cc ch ck cl cq cr cs ct dd dg dl"
                  + " dm dr ds ff fl fr ft gg gh gl gn gr gs gt hn hr ht kn ks ld lf lk ll lm ln lp ls lt lv mb mm mn mp ms nc"
                  + " nd nf ng nk nl nn np ns nt nv nx ph pl pp pr ps pt rb rc rd rf rg rk rl rm rn rp rr rs rt rv rw sc sh sk"
                  + " sl sm sn sp ss st sw tc th tl tr ts tt tw wh wl wn wr ws xp xt zz")
              .split(" "));

  /**
   * A word by its letters alone: at least 30 % vowels and no more than three consonants in a row
   * ({@code development}, whose {@code pm} no list of common pairs has); random letters rarely are.
   */
  private static boolean vowelled(String s, int from, int to) {
    int vowels = 0;
    int run = 0;
    for (int i = from; i < to; i++) {
      if ("aeiouyAEIOUY".indexOf(s.charAt(i)) >= 0) {
        vowels++;
        run = 0;
      } else if (++run > 3) {
        return false;
      }
    }
    return vowels * 10 >= (to - from) * 3;
  }

  /**
   * A vowel ({@code y} counts), and every pair of adjacent consonants one of {@link #COMMON_PAIRS}.
   */
  private static boolean pronounceable(String s, int from, int to) {
    boolean vowel = false;
    for (int i = from; i < to; i++) {
      char c = Character.toLowerCase(s.charAt(i));
      boolean v = "aeiouy".indexOf(c) >= 0;
      vowel |= v;
      if (!v && i > from) {
        char p = Character.toLowerCase(s.charAt(i - 1));
        if ("aeiouy".indexOf(p) < 0 && !COMMON_PAIRS.contains("" + p + c)) {
          return false;
        }
      }
    }
    return vowel;
  }

  /**
   * Words and separators, as the glue of a template is ({@code :@tcp(:3306)/?parseTime=true},
   * {@code .svc.cluster.local:6379/0}, {@code ->password}): six letters or more, at least 70 % of
   * them in camel-case pieces of three letters or more ({@code Word}, {@code word}, {@code
   * ACRONYM}), one of five or more. A random password's letters fall in pieces of one or two (upper
   * and lower case alternate, digits and signs cut them), and a run of five is rare.
   */
  static boolean words(String s) {
    int letters = 0;
    int inWords = 0;
    int longest = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c < 128 && Character.isLetter(c))) {
        i++;
        continue;
      }
      int j = pieceEnd(s, i);
      letters += j - i;
      inWords += j - i >= 3 ? j - i : 0;
      longest = Math.max(longest, j - i);
      i = j;
    }
    return letters >= 6 && longest >= 5 && inWords * 10 >= letters * 7;
  }

  /**
   * The pieces of a path or a URL's path and port: only letters, digits and {@code / . _ - ~ :},
   * with a {@code /} ({@code /.ssh/id_ed25519}, {@code .svc.cluster.local:6379/0}).
   */
  static boolean pathPieces(String s) {
    boolean slash = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || "/._-~:".indexOf(c) >= 0)) {
        return false;
      }
      slash |= c == '/';
    }
    return slash;
  }

  /**
   * The end of the camel-case piece starting at {@code i}: a digit run, {@code Word}, {@code word}
   * or {@code ACRONYM}.
   */
  private static int pieceEnd(String s, int i) {
    int n = s.length();
    int j = i + 1;
    if (Character.isDigit(s.charAt(i))) {
      while (j < n && Character.isDigit(s.charAt(j))) {
        j++;
      }
      return j;
    }
    if (Character.isUpperCase(s.charAt(i)) && j < n && Character.isUpperCase(s.charAt(j))) {
      while (j < n
          && Character.isUpperCase(s.charAt(j))
          && !(j + 1 < n && Character.isLowerCase(s.charAt(j + 1)))) {
        j++;
      }
      return j;
    }
    while (j < n && Character.isLowerCase(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean allUpper(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isUpperCase(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasVowel(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if ("aeiouyAEIOUY".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file path: rooted ({@code /}, {@code ./}, {@code ~/}, {@code C:\}) or two or more named
   * segments.
   */
  static boolean path(String s) {
    int from;
    if (s.startsWith("./") || s.startsWith("~/") || s.startsWith(".\\")) {
      from = 2;
    } else if (s.startsWith("../")) {
      from = 3;
    } else if (s.startsWith("/") || s.startsWith("\\\\")) {
      from = s.startsWith("\\\\") ? 2 : 1;
    } else if (s.length() > 2
        && Character.isLetter(s.charAt(0))
        && s.charAt(1) == ':'
        && (s.charAt(2) == '\\' || s.charAt(2) == '/')) {
      from = 3;
    } else {
      int n = s.indexOf('\\') < 0 ? segments(s, 0) : -1;
      // relative: a/b/c, as Unix and URLs write it; two lower-case words are a pair of choices
      // (rename/move, read/write) or a short path, not a password
      return n >= 3 || (n == 2 && lowerWords(s));
    }
    return segments(s, from) >= 1;
  }

  private static boolean lowerWords(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** How many named segments {@code s[from..]} has, or -1 when a segment is not a name. */
  private static int segments(String s, int from) {
    int count = 0;
    int start = from;
    for (int i = from; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '/' || s.charAt(i) == '\\') {
        String seg = s.substring(start, i);
        if (!seg.isEmpty() && !seg.equals("..") && !seg.equals(".")) {
          if (!fileName(seg)) {
            return -1;
          }
          count++;
        }
        start = i + 1;
      }
    }
    return count;
  }

  private static boolean fileName(String seg) {
    String base = seg.startsWith(".") ? seg.substring(1) : seg;
    int dot = base.lastIndexOf('.');
    if (dot > 0 && base.length() - dot <= 6) {
      base = base.substring(0, dot);
    }
    return !base.isEmpty()
        && (identifier(base) || (base.length() <= 3 && word(base)) || base.equals("*"));
  }

  /**
   * Regex syntax, two distinct signs of it: {@code [^...]+}, {@code \\d}, {@code .*}, {@code (?:}.
   */
  static boolean regex(String s) {
    int signs = 0;
    for (String sign :
        new String[] {
          "[^", "]+", "]*", ".*", ".+", "\\d", "\\s", "\\w", "(?:", "\\0", "]{", ")?"
        }) {
      if (s.contains(sign)) {
        signs++;
      }
    }
    return signs >= 2;
  }

  /**
   * {@code user@host} or {@code name@example.test}: an address, as test URLs use for user names.
   */
  static boolean address(String s) {
    return address(s, false);
  }

  /**
   * As {@link #address(String)}; written as text, the host must read as one ({@code localhost},
   * {@code db.internal}): {@code P@ssw0rd123} is a password with an {@code @} in it.
   */
  static boolean address(String s, boolean text) {
    int at = s.indexOf('@');
    if (text
        && at > 0
        && at < s.length() - 1
        && s.indexOf('.', at) < 0
        && !name(s.substring(at + 1))) {
      return false;
    }
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
      return false;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    return identifier(local) && (identifier(domain) || segmentsDotted(domain));
  }

  private static boolean segmentsDotted(String domain) {
    for (String part : domain.split("\\.", -1)) {
      if (part.isEmpty() || !(identifier(part) || (part.length() <= 3 && word(part)))) {
        return false;
      }
    }
    return true;
  }

  /** {@code scheme://host/...} with no user information. */
  static boolean plainUrl(String s) {
    int sep = s.indexOf("://");
    if (sep <= 0
        || !word(s.substring(0, sep).replace('+', '_').replace('-', '_').replace('.', '_'))) {
      return false;
    }
    int end = s.indexOf('/', sep + 3);
    String authority = s.substring(sep + 3, end < 0 ? s.length() : end);
    return authority.indexOf('@') < 0;
  }
}
