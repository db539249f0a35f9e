package dev.sealant.git;

import dev.sealant.kernel.CommitInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit's author, read from its raw header with a parser that never throws: git accepts (and
 * {@code hash-object --literally} writes) headers JGit's {@code PersonIdent} cannot represent, such
 * as a 20-digit timestamp, no author line, or an author without {@code <email>}. Such a commit is
 * still scanned; the fields it lacks are empty and its date is the epoch.
 */
final class Authors {

  private Authors() {}

  static CommitInfo info(RevCommit c) {
    byte[] raw = c.getRawBuffer();
    String ident = raw == null ? null : header(raw, "author ");
    if (ident == null && raw != null) {
      ident = header(raw, "committer ");
    }
    if (ident == null) {
      return new CommitInfo(c.name(), "", "", Instant.EPOCH);
    }
    return parse(c.name(), ident);
  }

  /** {@code Name <email> 1700000000 +0100}, or whatever part of it is there. */
  static CommitInfo parse(String id, String ident) {
    int lt = ident.indexOf('<');
    int gt = lt < 0 ? -1 : ident.indexOf('>', lt);
    String name;
    String email;
    String rest;
    if (lt >= 0 && gt > lt) {
      name = ident.substring(0, lt).trim();
      email = ident.substring(lt + 1, gt).trim();
      rest = ident.substring(gt + 1).trim();
    } else {
      // No <email>: the name runs to the timestamp (the last two fields when they look like one).
      String t = ident.trim();
      int tz = t.lastIndexOf(' ');
      int ts = tz < 0 ? -1 : t.lastIndexOf(' ', tz - 1);
      if (tz > 0 && isTimeZone(t.substring(tz + 1)) && isDigits(t.substring(ts + 1, tz))) {
        name = t.substring(0, Math.max(ts, 0)).trim();
        rest = t.substring(ts + 1);
      } else {
        name = t;
        rest = "";
      }
      email = "";
    }
    return new CommitInfo(id, name, email, when(rest));
  }

  private static Instant when(String rest) {
    String t = rest.trim();
    int sp = t.indexOf(' ');
    String seconds = sp < 0 ? t : t.substring(0, sp);
    if (!isDigits(seconds) || seconds.length() > 12) {
      return Instant.EPOCH; // absent, or beyond any real clock (the year 33658 and later)
    }
    return Instant.ofEpochSecond(Long.parseLong(seconds));
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isTimeZone(String s) {
    return s.length() == 5
        && (s.charAt(0) == '+' || s.charAt(0) == '-')
        && isDigits(s.substring(1));
  }

  /** The value of the first header line starting with {@code key}, before the blank line. */
  private static String header(byte[] raw, String key) {
    byte[] k = key.getBytes(StandardCharsets.US_ASCII);
    int i = 0;
    while (i < raw.length && raw[i] != '\n') {
      int end = i;
      while (end < raw.length && raw[end] != '\n') {
        end++;
      }
      if (end - i >= k.length && Arrays.equals(raw, i, i + k.length, k, 0, k.length)) {
        return new String(raw, i + k.length, end - i - k.length, StandardCharsets.UTF_8);
      }
      i = end + 1;
    }
    return null;
  }
}
