package dev.sealant.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * Jupyter notebooks ({@code .ipynb}) read as what they hold: code and output text stored as JSON
 * strings, one cell line per string ({@code "source": ["line\n", ...]}), or several in one. A
 * private key pasted into a cell is split over escaped strings, which no rule sees in the raw JSON;
 * this reader decodes them back into the cell text the notebook shows.
 *
 * <p>A linear string scanner rather than a JSON parse, so it reads any layout the same way
 * (pretty-printed, or the whole notebook on one line), the added lines of a diff, and a notebook
 * that is not valid JSON at all (truncated, hand-edited): every JSON string that is not an object
 * key contributes its decoded value, and a line break when it does not end with one. A string left
 * open at a line end (JSON strings never hold a raw line break) ends there, so a damaged notebook
 * is still decoded line by line and never read as clean. Each decoded character records the offset
 * it came from, so a finding points at the notebook's own line and column. A second layer of
 * escaping inside the decoded text (a Python string's {@code \\n} in a JSON string) is left for the
 * rules that read escaped text, as in any other file.
 */
final class Notebook {

  /**
   * The decoded text.
   *
   * @param text the cell and output text, line by line
   * @param origin for each character of {@code text}, its offset in the notebook text
   */
  @SuppressWarnings("ArrayRecordComponent") // a per-fragment holder, never compared or kept
  record Cells(String text, int[] origin) {}

  private Notebook() {}

  static boolean is(String path) {
    return path.endsWith(".ipynb");
  }

  /** The decoded strings, when the text has any (otherwise the raw scan sees all). */
  static Optional<Cells> read(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 1 << 16));
    int[] origin = new int[16];
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (text.charAt(i) != '"') {
        i++;
        continue;
      }
      int end = stringEnd(text, i);
      if (!isKey(text, end)) {
        origin = decode(text, i + 1, end, out, origin);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          origin = put(out, origin, '\n', Math.min(end, n - 1));
        }
      }
      i = end + 1;
    }
    if (out.length() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Cells(out.toString(), Arrays.copyOf(origin, out.length())));
  }

  /**
   * Offset of the closing quote of the string opened at {@code open}; a string left open ends at
   * its line's end (or the text's), so nothing past a damaged string is misread as inside it.
   */
  private static int stringEnd(String text, int open) {
    int n = text.length();
    for (int k = open + 1; k < n; k++) {
      char c = text.charAt(k);
      if (c == '"' || c == '\n' || c == '\r') {
        return k;
      }
      if (c == '\\') {
        if (k + 1 < n && (text.charAt(k + 1) == '\n' || text.charAt(k + 1) == '\r')) {
          return k + 1;
        }
        k++;
      }
    }
    return n;
  }

  /** Whether the string closed at {@code end} is an object key (a colon follows it). */
  private static boolean isKey(String text, int end) {
    if (end >= text.length() || text.charAt(end) != '"') {
      return false;
    }
    int j = end + 1;
    // Blanks only, never a line break: a key and its colon share a line in every layout, and the
    // bound keeps the look-ahead from rescanning a run of blank lines once per string.
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return j < text.length() && text.charAt(j) == ':';
  }

  /** Appends the decoded characters of {@code [from, to)}, a JSON string's body. */
  private static int[] decode(String text, int from, int to, StringBuilder out, int[] origin) {
    int[] o = origin;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != '\\' || k + 1 >= to) {
        o = put(out, o, c, k);
        continue;
      }
      char e = text.charAt(k + 1);
      char d =
          switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> unicode(text, k + 2, to);
            default -> e;
          };
      if (e == 'u' && d == 0) {
        o = put(out, o, c, k); // not a JSON escape after all: kept as written
        continue;
      }
      o = put(out, o, d, k);
      k += e == 'u' ? 5 : 1;
    }
    return o;
  }

  private static char unicode(String text, int at, int end) {
    if (at + 4 > end) {
      return 0;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int h = Character.digit(text.charAt(i), 16);
      if (h < 0) {
        return 0;
      }
      v = v * 16 + h;
    }
    return v == 0 ? ' ' : (char) v;
  }

  private static int[] put(StringBuilder out, int[] origin, char c, int from) {
    int[] o = origin.length > out.length() ? origin : Arrays.copyOf(origin, origin.length * 2);
    o[out.length()] = from;
    out.append(c);
    return o;
  }
}
