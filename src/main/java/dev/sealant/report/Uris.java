package dev.sealant.report;

import java.nio.charset.StandardCharsets;

/**
 * Relative URI references for repository paths (RFC 3986): each {@code /}-separated segment keeps
 * the unreserved characters and sub-delimiters and percent-encodes every other UTF-8 byte, so
 * spaces, {@code %}, {@code #}, {@code ?} and non-ASCII names survive a round trip. {@code :} is
 * encoded too: in a relative reference's first segment it would read as a URI scheme. A {@code \}
 * is a file name character ({@code %5C}), never a separator.
 */
final class Uris {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Uris() {}

  /**
   * The path (already {@code /}-separated and relative to the repository root) as a URI reference.
   */
  static String relative(String path) {
    // Sources give '/'-separated paths on every platform; a backslash is part of a file name (legal
    // on
    // POSIX) and is percent-encoded like any other reserved byte, never read as a separator.
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    StringBuilder b = new StringBuilder(p.length() + 16);
    for (byte x : p.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (keep(c)) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  private static boolean keep(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    // unreserved "-._~", the segment separator, sub-delims "!$&'()*+,;=" and "@"
    return "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
  }
}
