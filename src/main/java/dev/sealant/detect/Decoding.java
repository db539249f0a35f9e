package dev.sealant.detect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Secrets hidden one layer down. For a line holding a base64 value (a Kubernetes {@code Secret}'s
 * {@code data:}, a config's encoded password), a percent-encoded or {@code \}{@code u}-escaped
 * string, this produces variants of the line with the value decoded in place, so the ordinary rules
 * (which rely on context such as {@code password:}) see the plain secret. Each variant records, for
 * every character, the column it came from, so a finding points at the encoded location.
 *
 * <p>Bounded: only tokens of {@value #MIN_BASE64}..{@value #MAX_TOKEN} characters that decode to
 * printable UTF-8 text are used, at most {@value #MAX_VARIANTS_PER_LINE} variants per line, and the
 * detector decodes one level deep on top of the raw text (two levels in all).
 */
final class Decoding {

  static final int MIN_BASE64 = 16;
  static final int MAX_TOKEN = 64 * 1024;
  static final int MAX_VARIANTS_PER_LINE = 8;

  /**
   * A decoded rendering of one line.
   *
   * @param text the line with one value decoded in place
   * @param origin for each character of {@code text}, its 0-based column in the original line
   * @param decodedFrom first index in {@code text} that came from decoding
   * @param decodedTo end (exclusive) of the decoded part
   */
  @SuppressWarnings("ArrayRecordComponent") // a per-line holder, never compared, hashed or kept
  record Variant(String text, int[] origin, int decodedFrom, int decodedTo, String encoding) {}

  private static final boolean[] B64 = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      B64[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      B64[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      B64[c] = true;
    }
    B64['+'] = true;
    B64['/'] = true;
    B64['-'] = true;
    B64['_'] = true;
  }

  private Decoding() {}

  /**
   * The starts of the lines of {@code text} worth decoding (line ends as the detector counts them),
   * in order. A line is worth decoding when it holds a percent sign or backslash (other than in the
   * text's last two characters), or a maximal run of at least {@value #MIN_BASE64} base64-alphabet
   * characters with both upper- and lower-case letters.
   *
   * <p>Ordinary code has few such lines, so this is built to be cheap on text without them: escapes
   * are found with {@code indexOf}, and base64 runs by probing every {@value #MIN_BASE64}th
   * character (a run that long must cover a probe; see {@link #mayHoldRun}). Once a line is in, the
   * search goes on from its end.
   */
  static int[] candidateLines(String text) {
    int n = text.length();
    boolean cr = text.indexOf('\r') >= 0;
    int[] offsets = NO_OFFSETS;
    int count = 0;
    for (char esc : ESCAPES) {
      for (int i = text.indexOf(esc);
          i >= 0 && i + 2 < n;
          i = text.indexOf(esc, nextBreak(text, i, cr))) {
        if (count == offsets.length) {
          offsets = Arrays.copyOf(offsets, Math.max(16, count * 2));
        }
        offsets[count++] = i;
      }
    }
    for (int i = MIN_BASE64 - 1; i < n; ) {
      if (!mayHoldRun(text, i)) {
        i += MIN_BASE64;
        continue;
      }
      int s = i;
      while (s > 0 && isB64(text.charAt(s - 1))) {
        s--;
      }
      int e = i + 1;
      while (e < n && isB64(text.charAt(e))) {
        e++;
      }
      if (e - s >= MIN_BASE64 && mixedCase(text, s, e)) {
        if (count == offsets.length) {
          offsets = Arrays.copyOf(offsets, Math.max(16, count * 2));
        }
        offsets[count++] = s;
        e = nextBreak(text, e, cr); // no run crosses a line break
      }
      i = e + MIN_BASE64;
    }
    if (count == 0) {
      return NO_OFFSETS;
    }
    for (int k = 0; k < count; k++) {
      offsets[k] = lineStart(text, offsets[k], cr);
    }
    Arrays.sort(offsets, 0, count);
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      if (distinct == 0 || offsets[distinct - 1] != offsets[k]) {
        offsets[distinct++] = offsets[k];
      }
    }
    return Arrays.copyOf(offsets, distinct);
  }

  /** The start of the line holding {@code at} (not a line break itself). */
  private static int lineStart(String text, int at, boolean cr) {
    return cr ? Detector.lineStart(text, at) : text.lastIndexOf('\n', at) + 1;
  }

  /** The first line break at or after {@code from}, or the text's length. */
  private static int nextBreak(String text, int from, boolean cr) {
    if (cr) {
      return Detector.lineEnd(text, from);
    }
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static final char[] ESCAPES = {'%', '\\'};

  /** 1 for base64-alphabet characters, else 0 (an int, to combine without branches). */
  private static final int[] B64_BIT = new int[128];

  static {
    for (int c = 0; c < 128; c++) {
      B64_BIT[c] = B64[c] ? 1 : 0;
    }
  }

  private static int bit(String text, int i) {
    char c = text.charAt(i);
    return c < 128 ? B64_BIT[c] : 0;
  }

  /**
   * Whether a run of {@value #MIN_BASE64} base64 characters could cover offset {@code i} (at least
   * {@value #MIN_BASE64} - 1): such a run holds {@code i} and the eight characters before it or the
   * eight after it. Tested without a branch per character: in code most probes land in words, and a
   * branch per character mispredicts (measured a third faster than testing two characters and
   * walking the run).
   */
  private static boolean mayHoldRun(String text, int i) {
    int left = 0;
    if (i >= 8) {
      left = 1;
      for (int k = i - 8; k < i; k++) {
        left &= bit(text, k);
      }
    }
    int right = 0;
    if (i + 8 < text.length()) {
      right = 1;
      for (int k = i + 1; k <= i + 8; k++) {
        right &= bit(text, k);
      }
    }
    return (bit(text, i) & (left | right)) != 0;
  }

  private static final int[] NO_OFFSETS = new int[0];

  private static boolean isB64(char c) {
    return c < 128 && B64[c];
  }

  private static boolean mixedCase(String text, int from, int to) {
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < to && !(upper && lower); i++) {
      char c = text.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
  }

  /**
   * Cheap test, without allocation: could {@code text[from, to)} hold anything worth decoding? A
   * base64 candidate is a run of at least {@value #MIN_BASE64} alphabet characters with both upper-
   * and lower-case letters (encoded text always has both; the long snake_case and lowercase
   * identifiers of ordinary code do not), or a percent or backslash escape.
   */
  static boolean candidate(String text, int from, int to) {
    int run = 0;
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 128 && B64[c]) {
        run++;
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        if (run >= MIN_BASE64 && upper && lower) {
          return true;
        }
      } else {
        run = 0;
        upper = false;
        lower = false;
        if ((c == '%' || c == '\\') && i + 2 < to) {
          return true;
        }
      }
    }
    return false;
  }

  static List<Variant> variants(String line) {
    List<Variant> out = new ArrayList<>();
    base64(line, out);
    unescaped(line).ifPresent(out::add);
    return out;
  }

  /**
   * Base64 variants: each maximal run of at least {@value #MIN_BASE64} alphabet characters, with up
   * to two {@code =} after it, that is a whole number of quads (or padded) and decodes to printable
   * text. Runs that long are found by the probes {@link #candidateLines} uses.
   */
  private static void base64(String line, List<Variant> out) {
    int n = line.length();
    for (int i = MIN_BASE64 - 1; i < n && out.size() < MAX_VARIANTS_PER_LINE; ) {
      if (!mayHoldRun(line, i)) {
        i += MIN_BASE64;
        continue;
      }
      int start = i;
      while (start > 0 && isB64(line.charAt(start - 1))) {
        start--;
      }
      int end = i + 1;
      while (end < n && isB64(line.charAt(end))) {
        end++;
      }
      if (end - start >= MIN_BASE64) {
        int padded = end;
        while (padded < n && line.charAt(padded) == '=' && padded - end < 2) {
          padded++;
        }
        int len = padded - start;
        if (len <= MAX_TOKEN && (len % 4 == 0 || padded > end)) {
          int from = start;
          int to = padded;
          decodeBase64(line.substring(start, padded))
              .ifPresent(plain -> out.add(splice(line, from, to, plain, "base64")));
        }
      }
      i = end + MIN_BASE64;
    }
  }

  private static Optional<String> decodeBase64(String token) {
    byte[] bytes;
    try {
      boolean url = token.indexOf('-') >= 0 || token.indexOf('_') >= 0;
      if (url && (token.indexOf('+') >= 0 || token.indexOf('/') >= 0)) {
        return Optional.empty();
      }
      bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return printableUtf8(bytes);
  }

  /**
   * The bytes as text, when they are valid UTF-8 of printable characters (tabs and newlines
   * allowed).
   */
  static Optional<String> printableUtf8(byte[] bytes) {
    if (bytes.length < 6) {
      return Optional.empty();
    }
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false; // beyond ASCII: the strict UTF-8 decoder below decides
        break;
      }
      if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7f) {
        return Optional.empty(); // a control character is never printable, whatever follows
      }
    }
    if (ascii) {
      return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    return wellFormedPrintable(bytes)
        ? Optional.of(new String(bytes, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /**
   * Whether the bytes are well-formed UTF-8 (what the JDK's strict decoder accepts: no overlong
   * forms, no surrogates, nothing above U+10FFFF, no cut sequence) whose ASCII characters are
   * printable (tab and line ends allowed) and which holds no U+FFFD. Checked without decoding,
   * since base64 runs in ordinary code decode to random bytes that fail within a few.
   */
  static boolean wellFormedPrintable(byte[] b) {
    int n = b.length;
    int i = 0;
    while (i < n) {
      int x = b[i] & 0xFF;
      if (x < 0x80) {
        if ((x < 0x20 && x != '\n' && x != '\r' && x != '\t') || x == 0x7f) {
          return false;
        }
        i++;
        continue;
      }
      int more;
      int lo = 0x80;
      int hi = 0xBF;
      if (x >= 0xC2 && x <= 0xDF) {
        more = 1;
      } else if (x >= 0xE0 && x <= 0xEF) {
        more = 2;
        lo = x == 0xE0 ? 0xA0 : 0x80;
        hi = x == 0xED ? 0x9F : 0xBF;
      } else if (x >= 0xF0 && x <= 0xF4) {
        more = 3;
        lo = x == 0xF0 ? 0x90 : 0x80;
        hi = x == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + more >= n) {
        return false; // cut short
      }
      int b1 = b[i + 1] & 0xFF;
      if (b1 < lo || b1 > hi) {
        return false;
      }
      for (int k = 2; k <= more; k++) {
        int bk = b[i + k] & 0xFF;
        if (bk < 0x80 || bk > 0xBF) {
          return false;
        }
      }
      if (x == 0xEF && b1 == 0xBF && (b[i + 2] & 0xFF) == 0xBD) {
        return false; // U+FFFD
      }
      i += more + 1;
    }
    return true;
  }

  private static Variant splice(String line, int start, int end, String plain, String encoding) {
    String text = line.substring(0, start) + plain + line.substring(end);
    int[] origin = new int[text.length()];
    for (int k = 0; k < start; k++) {
      origin[k] = k;
    }
    for (int k = 0; k < plain.length(); k++) {
      origin[start + k] = start;
    }
    for (int k = end; k < line.length(); k++) {
      origin[k - end + start + plain.length()] = k;
    }
    return new Variant(text, origin, start, start + plain.length(), encoding);
  }

  /** The line with percent-encoding and backslash-u escapes decoded, when it has any. */
  private static Optional<Variant> unescaped(String line) {
    if (!hasEscape(line)) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder(line.length());
    int[] origin = new int[line.length()];
    int first = -1;
    int last = -1;
    ByteArrayOutputStream pct = new ByteArrayOutputStream();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '%' && hex(line, i + 1, 2) >= 0) {
        int at = i;
        pct.reset();
        while (i < line.length() && line.charAt(i) == '%' && hex(line, i + 1, 2) >= 0) {
          pct.write(hex(line, i + 1, 2));
          i += 3;
        }
        String dec = new String(pct.toByteArray(), StandardCharsets.UTF_8);
        for (int k = 0; k < dec.length(); k++) {
          origin[b.length()] = at;
          b.append(dec.charAt(k));
        }
        first = first < 0 ? b.length() - dec.length() : first;
        last = b.length();
      } else if (c == '\\'
          && i + 1 < line.length()
          && line.charAt(i + 1) == 'u'
          && hex(line, i + 2, 4) >= 0) {
        origin[b.length()] = i;
        b.append((char) hex(line, i + 2, 4));
        first = first < 0 ? b.length() - 1 : first;
        last = b.length();
        i += 6;
      } else {
        origin[b.length()] = i;
        b.append(c);
        i++;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Variant(b.toString(), Arrays.copyOf(origin, b.length()), first, last, "escaped"));
  }

  /**
   * Whether the line holds a percent escape or a backslash-u escape that {@link #unescaped} decodes
   * (neither kind can start inside the other, so the first one found is decoded there too).
   */
  private static boolean hasEscape(String line) {
    for (int i = line.indexOf('%'); i >= 0; i = line.indexOf('%', i + 1)) {
      if (hex(line, i + 1, 2) >= 0) {
        return true;
      }
    }
    for (int i = line.indexOf('\\'); i >= 0; i = line.indexOf('\\', i + 1)) {
      if (i + 1 < line.length() && line.charAt(i + 1) == 'u' && hex(line, i + 2, 4) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] HEX = new byte[128];

  static {
    Arrays.fill(HEX, (byte) -1);
    for (int c = 0; c < 128; c++) {
      HEX[c] = (byte) Character.digit(c, 16);
    }
  }

  private static int hex(String s, int from, int n) {
    if (from + n > s.length()) {
      return -1;
    }
    int v = 0;
    for (int k = from; k < from + n; k++) {
      char c = s.charAt(k);
      int d =
          c < 128
              ? HEX[c]
              : Character.digit(c, 16); // Character.digit also takes other scripts' digits
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
