package dev.sealant.catalog;

import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Re2jBridge;
import com.google.re2j.Re2jBridge.Alternate;
import com.google.re2j.Re2jBridge.Concat;
import com.google.re2j.Re2jBridge.Node;
import com.google.re2j.Re2jBridge.Repeat;
import java.util.Optional;

/**
 * How large a user's regex becomes once compiled, bounded before RE2J compiles it. RE2J expands a
 * counted repetition into copies of its operand, so {@code ((((a{50}){50}){50}){50})} is a program
 * of millions of instructions: compiling it exhausted the heap after half a minute. RE2 itself
 * refuses such a regex (nested repetition counts may multiply to at most 1,000, and a program has a
 * memory budget); RE2J does not, so this does it for every regex a catalog or configuration brings.
 *
 * <p>It sizes the tree RE2J's parser builds ({@link Re2jBridge#parse}; parsing expands nothing),
 * over-approximating the program: a rune set or assertion counts 1, a sequence the sum of its
 * parts, a choice that plus one per branch, a repetition {@code {m,n}} its operand times {@code
 * max(m, n)} (times {@code m + 1} when open-ended from 2) plus one.
 */
final class RegexBudget {

  /** RE2's own limit on the product of nested repetition counts. */
  static final long MAX_NESTED_REPEAT = 1_000;

  /** Instructions, about RE2's default memory budget; the shipped rules use under a thousand. */
  static final long MAX_SIZE = 100_000;

  private static final long CAP = 1L << 40;

  private RegexBudget() {}

  /**
   * Why the regex is over budget, or empty when it is within it (or RE2J rejects it: compiling it
   * then says why).
   */
  static Optional<String> check(String re) {
    Node tree;
    try {
      tree = Re2jBridge.parse(re);
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
    if (product(tree) > MAX_NESTED_REPEAT) {
      return Optional.of(
          "nested repetition counts multiply to more than "
              + MAX_NESTED_REPEAT
              + " (RE2's limit; the compiled program would hold millions of instructions)");
    }
    if (size(tree) > MAX_SIZE) {
      return Optional.of(
          "it would compile to more than "
              + MAX_SIZE
              + " instructions (counted repetitions"
              + " are expanded); shorten it or use * and + instead of large counts");
    }
    return Optional.empty();
  }

  /** How many copies of its operand a repetition compiles to. */
  private static long times(Repeat r) {
    if (r.max() >= 0) {
      return Math.max(1, r.max());
    }
    return r.min() <= 1 ? 1 : r.min() + 1L;
  }

  /** The largest product of repetition counts along a path of nested repetitions. */
  private static long product(Node n) {
    if (n instanceof Repeat r) {
      return mul(times(r), product(r.item()));
    }
    long max = 1;
    if (n instanceof Concat c) {
      for (Node item : c.items()) {
        max = Math.max(max, product(item));
      }
    } else if (n instanceof Alternate a) {
      for (Node item : a.items()) {
        max = Math.max(max, product(item));
      }
    }
    return max;
  }

  private static long size(Node n) {
    if (n instanceof Repeat r) {
      return add(mul(size(r.item()), times(r)), 1);
    }
    if (n instanceof Concat c) {
      long sum = 0;
      for (Node item : c.items()) {
        sum = add(sum, size(item));
      }
      return sum;
    }
    if (n instanceof Alternate a) {
      long sum = a.items().size() - 1L;
      for (Node item : a.items()) {
        sum = add(sum, size(item));
      }
      return sum;
    }
    return 1; // a rune set or an empty-width item
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long mul(long a, long b) {
    return a == 0 || b == 0 ? 0 : a > CAP / b ? CAP : Math.min(CAP, a * b);
  }
}
