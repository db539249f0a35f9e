package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.AssignmentReader.Assignment;
import dev.sealant.detect.syntax.AssignmentReader.Sink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passwords in the user information of URLs ({@code scheme://user:password@host}), percent-decoded,
 * reported at the encoded password's first character. Linear: each {@code ://} reads at most one
 * authority forward, and reading resumes after it.
 */
public final class UrlCredentials {

  private static final int MAX_AUTHORITY = 512;

  private UrlCredentials() {}

  /**
   * Each URL password in {@code t[from, to)} that is a literal; the pair's key is the user name.
   */
  public static void find(CharSequence t, int from, int to, Sink sink) {
    for (int i = from + 1; i + 3 <= to; i++) {
      if (t.charAt(i) != ':'
          || t.charAt(i + 1) != '/'
          || t.charAt(i + 2) != '/'
          || !schemeBefore(t, from, i)) {
        continue;
      }
      int start = i + 3;
      int end = start;
      int at = -1;
      while (end < to && end - start < MAX_AUTHORITY && !endsAuthority(t.charAt(end))) {
        if (t.charAt(end) == '@') {
          at = end;
        }
        end++;
      }
      if (at < 0 || at + 1 >= to || !Character.isLetterOrDigit(t.charAt(at + 1))) {
        i = end - 1;
        continue;
      }
      int colon = start;
      while (colon < at && t.charAt(colon) != ':') {
        colon++;
      }
      if (colon < at - 1) { // redis://:password@host: no user name
        String password = decode(t, colon + 1, at);
        if (Values.literal(password, true)) {
          sink.pair(
              new Assignment(
                  colon > start ? t.subSequence(start, colon).toString() : "password",
                  password,
                  colon + 1,
                  at,
                  false));
        }
      }
      i = end - 1;
    }
  }

  private static boolean schemeBefore(CharSequence t, int from, int colon) {
    int s = colon;
    while (s > from
        && (Character.isLetterOrDigit(t.charAt(s - 1)) || "+.-".indexOf(t.charAt(s - 1)) >= 0)) {
      s--;
    }
    return colon - s >= 2 && Character.isLetter(t.charAt(s));
  }

  private static boolean endsAuthority(char c) {
    return c <= ' ' || "/?#\"'<>`\\,;()[]{}|".indexOf(c) >= 0;
  }

  private static String decode(CharSequence t, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = from;
    while (i < to) {
      char c = t.charAt(i);
      if (c == '%') {
        i += Escapes.percent(t, i, to, out);
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i++;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
