package dev.sealant.detect;

/**
 * Line indices of offsets in one text, counted incrementally: queries usually come in text order
 * (hits and candidate lines are found left to right), so counting from the last answer instead of
 * from the text's start keeps a text with many findings linear. A query behind the last one counts
 * again from the start. A line ends at a line feed, or at a carriage return not followed by one.
 */
final class LineLocator {

  private final String text;
  private int pos;
  private int index;

  LineLocator(String text) {
    this.text = text;
  }

  /** The number of line breaks before {@code offset}. */
  int lineIndex(int offset) {
    if (offset < pos) {
      pos = 0;
      index = 0;
    }
    String t = text;
    int n = t.length();
    int count = index;
    for (int i = pos; i < offset; i++) {
      char c = t.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= n || t.charAt(i + 1) != '\n'))) {
        count++;
      }
    }
    pos = offset;
    index = count;
    return count;
  }
}
