package dev.sealant.detect;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per code point. */
public final class Entropy {

  private Entropy() {}

  public static double shannon(CharSequence s) {
    int[] ascii = new int[128];
    Map<Integer, Integer> other = null;
    int total = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      total++;
      if (cp < 128) {
        ascii[cp]++;
      } else {
        if (other == null) {
          other = new HashMap<>();
        }
        other.merge(cp, 1, Integer::sum);
      }
    }
    if (total == 0) {
      return 0;
    }
    double h = 0;
    for (int n : ascii) {
      h += term(n, total);
    }
    if (other != null) {
      for (int n : other.values()) {
        h += term(n, total);
      }
    }
    return h == 0 ? 0 : h;
  }

  private static double term(int n, int total) {
    if (n == 0) {
      return 0;
    }
    double p = (double) n / total;
    return -p * (Math.log(p) / Math.log(2));
  }
}
