package dev.sealant.report;

/**
 * XML 1.0 text and attribute escaping. Characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE and U+FFFF) are dropped: scanned repositories put anything in paths and
 * author names, and one such character makes the whole report unparseable for a CI server.
 */
final class Xml {

  private Xml() {}

  static String text(String s) {
    return escape(s, false);
  }

  /** For attribute values in double quotes; newlines and tabs are kept as character references. */
  static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attr) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
        continue;
      }
      if (!legal(c)) {
        continue;
      }
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attr ? "&quot;" : "\"");
        case '\n' -> b.append(attr ? "&#10;" : "\n");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append(attr ? "&#9;" : "\t");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** XML 1.0's Char production, for a BMP character that is not part of a surrogate pair. */
  static boolean legal(char c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }
}
