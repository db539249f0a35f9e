package dev.sealant.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * Jupyter notebooks ({@code .ipynb}) read as what they hold: code and output text stored as JSON
 * strings, one cell line per string ({@code "source": ["line\n", ...]}), or several in one. A
 * private key pasted into a cell is split over escaped strings, which no rule sees in the raw
 * JSON; this reader decodes them back into the cell text the notebook shows.
 *
 * <p>A small linear reader rather than a JSON parse, so it works the same on a whole file and on
 * the added lines of a diff: every line that is a JSON string (or a {@code "key": "string"}
 * member), optionally followed by {@code ,} or {@code ]}, contributes its decoded value; every
 * other line a line break. Each decoded character records the offset it came from, so a finding
 * points at the notebook's own line and column. A second layer of escaping inside the decoded
 * text (a Python string's {@code \\n} in a JSON string) is left for the rules that read escaped
 * text, as in any other file.
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

  /** The decoded cells, when the text has escaped strings at all (otherwise the raw scan sees all). */
  static Optional<Cells> read(String text) {
    if (text.indexOf('\\') < 0) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(text.length());
    int[] origin = new int[Math.max(16, text.length() / 2)];
    int at = 0;
    while (at <= text.length()) {
      int end = Detector.lineEnd(text, at);
      origin = decodeLine(text, at, end, out, origin);
      if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
        origin = put(out, origin, '\n', end);
      }
      if (end >= text.length()) {
        break;
      }
      at = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return Optional.of(new Cells(out.toString(), Arrays.copyOf(origin, out.length())));
  }

  /** Appends the decoded string value of the line {@code [from, to)}, if it is one. */
  private static int[] decodeLine(String text, int from, int to, StringBuilder out, int[] origin) {
    int i = skipBlanks(text, from, to);
    int valueStart = i;
    int keyEnd = stringEnd(text, i, to);
    if (keyEnd > 0) {
      int j = skipBlanks(text, keyEnd, to);
      if (j < to && text.charAt(j) == ':') {
        valueStart = skipBlanks(text, j + 1, to);
        if (valueStart < to && text.charAt(valueStart) == '[') {
          valueStart = skipBlanks(text, valueStart + 1, to);
        }
      }
    }
    int valueEnd = stringEnd(text, valueStart, to);
    if (valueEnd < 0 || !onlyClosers(text, valueEnd, to)) {
      return origin;
    }
    int mark = out.length();
    int[] o = origin;
    for (int k = valueStart + 1; k < valueEnd - 1; k++) {
      char c = text.charAt(k);
      if (c != '\\') {
        o = put(out, o, c, k);
        continue;
      }
      char e = text.charAt(k + 1);
      char d = switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case 'b' -> '\b';
        case 'f' -> '\f';
        case 'u' -> unicode(text, k + 2, valueEnd);
        default -> e;
      };
      if (e == 'u' && d == 0) {
        out.setLength(mark); // not JSON after all: leave the line to the raw scan
        return o;
      }
      o = put(out, o, d, k);
      k += e == 'u' ? 5 : 1;
    }
    return o;
  }

  private static char unicode(String text, int at, int end) {
    if (at + 4 > end - 1) {
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

  /** End (exclusive, after the closing quote) of the JSON string starting at {@code i}, or -1. */
  private static int stringEnd(String text, int i, int to) {
    if (i >= to || text.charAt(i) != '"') {
      return -1;
    }
    for (int k = i + 1; k < to; k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        return k + 1;
      }
    }
    return -1;
  }

  private static boolean onlyClosers(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\t' && c != ',' && c != ']' && c != '}') {
        return false;
      }
    }
    return true;
  }

  private static int skipBlanks(String text, int i, int to) {
    while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int[] put(StringBuilder out, int[] origin, char c, int from) {
    int[] o = origin.length > out.length() ? origin : Arrays.copyOf(origin, origin.length * 2);
    o[out.length()] = from;
    out.append(c);
    return o;
  }
}
