package dev.sealant.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How large a user's regex becomes once compiled, bounded before RE2J compiles it. RE2J expands a
 * counted repetition into copies of its operand, so {@code ((((a{50}){50}){50}){50})} is a program
 * of millions of instructions: compiling it exhausted the heap after half a minute. RE2 itself
 * refuses such a regex (nested repetition counts may multiply to at most 1,000, and a program has a
 * memory budget); RE2J does not, so this does it for every regex a catalog or configuration brings.
 *
 * <p>One linear pass over the text that over-approximates the program size: a literal, class or
 * escape counts 1, a group the sum of its parts, a repetition {@code {m,n}} its operand times
 * {@code max(m, n)} (times {@code m + 1} when open-ended).
 */
final class RegexBudget {

  /** RE2's own limit on the product of nested repetition counts. */
  static final long MAX_NESTED_REPEAT = 1_000;

  /** Instructions, about RE2's default memory budget; the shipped rules use under a thousand. */
  static final long MAX_SIZE = 100_000;

  private static final long CAP = 1L << 40;

  private RegexBudget() {}

  /** Why the regex is over budget, or empty when it is within it. */
  static Optional<String> check(String re) {
    Deque<long[]> frames = new ArrayDeque<>();
    long[] f = {0, 1}; // the current group: size so far, largest repetition product inside
    long atomSize = 0;
    long atomProduct = 1;
    int i = 0;
    int n = re.length();
    while (i < n) {
      char c = re.charAt(i);
      if (c == '(') {
        frames.push(f);
        f = new long[] {0, 1};
        i++;
        if (i < n && re.charAt(i) == '?') {
          while (i < n && re.charAt(i) != ':' && re.charAt(i) != ')' && re.charAt(i) != '>') {
            i++;
          }
          if (i < n && re.charAt(i) != ')') {
            i++;
          }
        }
        atomSize = 0;
        atomProduct = 1;
        continue;
      }
      if (c == ')') {
        atomSize = f[0];
        atomProduct = f[1];
        f = frames.isEmpty() ? new long[] {0, 1} : frames.pop();
        f[0] = add(f[0], atomSize);
        f[1] = Math.max(f[1], atomProduct);
        i++;
      } else if (c == '*' || c == '+' || c == '?') {
        f[0] = add(f[0], 1);
        i++;
        if (i < n && re.charAt(i) == '?') {
          i++;
        }
        atomSize = 0;
      } else if (c == '{' && count(re, i).isPresent()) {
        int close = re.indexOf('}', i);
        long times = count(re, i).get();
        long product = mul(atomProduct, times);
        if (product > MAX_NESTED_REPEAT) {
          return Optional.of(
              "nested repetition counts multiply to more than "
                  + MAX_NESTED_REPEAT
                  + " (RE2's limit; the compiled program would hold millions of instructions)");
        }
        f[0] = add(f[0], mul(atomSize, times - 1) + 1);
        f[1] = Math.max(f[1], product);
        atomSize = 0;
        atomProduct = 1;
        i = close + 1;
        if (i < n && re.charAt(i) == '?') {
          i++;
        }
      } else {
        i = c == '[' ? classEnd(re, i) : c == '\\' ? escapeEnd(re, i) : i + 1;
        atomSize = 1;
        atomProduct = 1;
        f[0] = add(f[0], 1);
      }
      if (f[0] > MAX_SIZE) {
        return Optional.of(
            "it would compile to more than "
                + MAX_SIZE
                + " instructions (counted repetitions"
                + " are expanded); shorten it or use * and + instead of large counts");
      }
    }
    return Optional.empty();
  }

  /**
   * The repetition count of a well-formed {@code {m}}, {@code {m,}} or {@code {m,n}} at {@code i}.
   */
  private static Optional<Long> count(String re, int i) {
    int close = re.indexOf('}', i);
    if (close < 0 || close - i > 24) {
      return Optional.empty();
    }
    String body = re.substring(i + 1, close);
    int comma = body.indexOf(',');
    String lo = comma < 0 ? body : body.substring(0, comma);
    String hi = comma < 0 ? body : body.substring(comma + 1);
    if (!digits(lo) || (!hi.isEmpty() && !digits(hi))) {
      return Optional.empty();
    }
    long m = Long.parseLong(lo);
    long max = hi.isEmpty() ? m + 1 : Math.max(m, Long.parseLong(hi));
    return Optional.of(Math.max(1, max));
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The index after a character class starting at {@code i}. */
  private static int classEnd(String re, int i) {
    int k = i + 1;
    if (k < re.length() && re.charAt(k) == '^') {
      k++;
    }
    if (k < re.length() && re.charAt(k) == ']') {
      k++;
    }
    while (k < re.length() && re.charAt(k) != ']') {
      if (re.charAt(k) == '\\') {
        k = escapeEnd(re, k);
      } else if (re.startsWith("[:", k) && re.indexOf(":]", k + 2) > 0) {
        k = re.indexOf(":]", k + 2) + 2;
      } else {
        k++;
      }
    }
    return Math.min(re.length(), k + 1);
  }

  /**
   * The index after an escape starting at {@code i} ({@code \x{...}} and {@code \p{...}} whole).
   */
  private static int escapeEnd(String re, int i) {
    int k = i + 1;
    if (k + 1 < re.length() && "xpP".indexOf(re.charAt(k)) >= 0 && re.charAt(k + 1) == '{') {
      int close = re.indexOf('}', k);
      return close < 0 ? re.length() : close + 1;
    }
    return Math.min(re.length(), k + 1);
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long mul(long a, long b) {
    return a == 0 || b == 0 ? 0 : a > CAP / b ? CAP : Math.min(CAP, a * b);
  }
}
