package dev.sealant.testing;

import com.google.re2j.Re2jBridge;
import com.google.re2j.Re2jBridge.Alternate;
import com.google.re2j.Re2jBridge.Concat;
import com.google.re2j.Re2jBridge.Node;
import com.google.re2j.Re2jBridge.Repeat;
import com.google.re2j.Re2jBridge.Runes;
import java.util.Random;

/**
 * Seeded generators for tests of what Sealant reads from a regex: random regexes over the whole RE2
 * syntax (literals, classes and negated classes, Perl, POSIX and Unicode classes, case folding,
 * anchors and word boundaries, alternation, every repetition form, empty groups, nested groups,
 * flags), random text (printable ASCII, non-ASCII letters that fold onto ASCII, surrogate pairs and
 * lone surrogates, controls), and strings drawn from a regex's own tree so that matches are common.
 */
public final class RandomRegex {

  private RandomRegex() {}

  /** One-rune atoms and empty-width items, each valid RE2 on its own. */
  static final String[] ATOMS = {
    "a",
    "b",
    "K",
    "k",
    "s",
    "S",
    "_",
    "-",
    "=",
    ":",
    "{",
    "}",
    ",",
    " ",
    "\"",
    "'",
    "\u00e9",
    "\u00df",
    "\u0394",
    "\u03b4",
    "\u017f",
    "\u212a",
    "\uD83D\uDE00",
    ".",
    "\\.",
    "\\s",
    "\\S",
    "\\d",
    "\\D",
    "\\w",
    "\\W",
    "\\t",
    "\\n",
    "\\f",
    "\\v",
    "\\x41",
    "\\x{17F}",
    "\\x{1F600}",
    "\\x00",
    "[a-c]",
    "[^a-c]",
    "[^\\s\"']",
    "[A-Za-z0-9_.-]",
    "[a-fA-F0-9]",
    "[^\\x00-\\x7f]",
    "[\\x{10000}-\\x{10FFFF}]",
    "[\\]\\-]",
    "[-x]",
    "[^\\n]",
    "[\\s\\S]",
    "[k-m]",
    "[^k]",
    "[[:alpha:]]",
    "[[:^digit:]]",
    "[[:word:]]",
    "[[:^space:]]",
    "[[:punct:]]",
    "\\pL",
    "\\pN",
    "\\PL",
    "\\p{Greek}",
    "\\p{Lu}",
    "\\P{Ll}",
    "[\\p{Lu}\\d]",
    "[^\\pL]",
    "[^\\p{Ll}_]",
    "(?i:k)",
    "(?i:s)",
    "(?i:\u0394)",
    "(?i:\u00df)",
    "(?i:[a-c])",
    "(?i:[^a-z])",
    "(?-i:S)",
    "(?s:.)",
    "\\b",
    "\\B",
    "^",
    "$",
    "\\A",
    "\\z",
    "(?m:^)",
    "(?m:$)",
    "\\Qa.b\\E",
    "\\Q*\\E",
    "()",
    "(?:)",
    "(?P<n>a)"
  };

  private static final String[] REPEATS = {
    "*", "+", "?", "*?", "+?", "??", "{2}", "{0,3}", "{1,}", "{2,5}?", "{0}", "{1,20}", "{3,40}"
  };

  /** A random regex, up to {@code depth} groups deep; RE2J may reject it (the caller skips it). */
  public static String regex(Random r, int depth) {
    StringBuilder b = new StringBuilder();
    int flag = r.nextInt(10);
    if (flag == 0) {
      b.append("(?i)");
    } else if (flag == 1) {
      b.append("(?s)");
    } else if (flag == 2) {
      b.append("(?U)");
    }
    int items = 1 + r.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (depth > 0 && r.nextInt(4) == 0) {
        String open = new String[] {"(", "(?:", "(?i:", "(?-i:", "(?s:"}[r.nextInt(5)];
        b.append(open).append(regex(r, depth - 1));
        for (int alt = r.nextInt(3); alt > 0; alt--) {
          b.append('|').append(r.nextInt(8) == 0 ? "" : regex(r, depth - 1));
        }
        b.append(')');
      } else {
        b.append(ATOMS[r.nextInt(ATOMS.length)]);
      }
      if (r.nextInt(3) == 0) {
        b.append(REPEATS[r.nextInt(REPEATS.length)]);
      }
    }
    if (depth > 0 && r.nextInt(6) == 0) {
      b.append('|').append(regex(r, depth - 1));
    }
    return b.toString();
  }

  private static final String ALPHABET =
      "abcsKkS_-.=:{}, \t\n\"'AZ09\u00e9\u00df\u1e9e\u0394\u03b4\u017f\u212a\u00a0\u2028";

  /**
   * Random text: printable ASCII, controls, letters that fold onto ASCII and other non-ASCII runes,
   * surrogate pairs and lone surrogates, runs of one character.
   */
  public static String text(Random r, int maxLength) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
      int k = r.nextInt(24);
      if (k == 0) {
        b.append("\uD83D\uDE00");
      } else if (k == 1) {
        b.append(r.nextBoolean() ? '\uD83D' : '\uDE00');
      } else if (k < 6) {
        b.append((char) (0x20 + r.nextInt(0x5f)));
      } else if (k == 6) {
        b.append((char) r.nextInt(0x20));
      } else if (k == 7) {
        b.appendCodePoint(0x80 + r.nextInt(0x3000));
      } else if (k == 8) {
        char c = ALPHABET.charAt(r.nextInt(ALPHABET.length())); // a hostile run of one character
        b.append(String.valueOf(c).repeat(1 + r.nextInt(Math.max(1, maxLength / 2))));
      } else {
        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
    }
    return b.toString();
  }

  /**
   * Text with strings drawn from {@code regex}'s tree in it (which often, not always, match: the
   * tree's assertions are not honoured), or plain random text when RE2J rejects the regex.
   */
  public static String textFor(Random r, String regex, int maxLength) {
    Node tree;
    try {
      tree = Re2jBridge.parse(regex);
    } catch (RuntimeException e) {
      return text(r, maxLength);
    }
    StringBuilder b = new StringBuilder(text(r, maxLength / 3));
    for (int k = 1 + r.nextInt(2); k > 0; k--) {
      sample(r, tree, b);
      b.append(text(r, maxLength / 3));
    }
    return b.toString();
  }

  private static void sample(Random r, Node n, StringBuilder b) {
    if (b.length() > 400) {
      return;
    }
    if (n instanceof Runes rs) {
      if (rs.size() > 0) {
        int i = r.nextInt(rs.size());
        long span = (long) rs.hi(i) - rs.lo(i) + 1;
        int rune = rs.lo(i) + (int) (r.nextInt(4) == 0 ? 0 : Math.floorMod(r.nextLong(), span));
        b.appendCodePoint(rune);
      }
    } else if (n instanceof Concat c) {
      c.items().forEach(item -> sample(r, item, b));
    } else if (n instanceof Alternate a) {
      sample(r, a.items().get(r.nextInt(a.items().size())), b);
    } else if (n instanceof Repeat rep) {
      int max = rep.max() < 0 ? rep.min() + 3 : Math.min(rep.max(), rep.min() + 3);
      for (int k = rep.min() + r.nextInt(max - rep.min() + 1); k > 0; k--) {
        sample(r, rep.item(), b);
      }
    }
  }

  /** {@code s} with every character outside printable ASCII as a {@code \\uXXXX} escape. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return b.append('"').toString();
  }
}
