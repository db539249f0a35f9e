package dev.sealant.catalog;

import com.google.re2j.Pattern;

/**
 * A path glob in the gitignore spirit, compiled to an RE2J pattern: {@code *} matches within one
 * path segment, {@code **} across segments, {@code ?} one character, {@code [abc]} a class. A glob
 * without a slash matches the file name in any directory; one with a slash is anchored at the scan
 * root. Paths are always {@code /}-separated and relative.
 */
public record Glob(String glob, LazyPattern pattern) {

  /** Compiles the glob now (a user's configuration is validated when it loads). */
  public static Glob of(String glob) {
    return new Glob(glob, LazyPattern.of(Pattern.compile(toRegex(glob))));
  }

  /** Compiles on first use: the shipped catalog's globs were validated when it was built. */
  static Glob deferred(String glob) {
    return new Glob(glob, LazyPattern.deferred(toRegex(glob)));
  }

  /**
   * Whether the path matches. The common shapes of a file-name glob ({@code name.ext}, {@code
   * *.ext}, {@code prefix*}) are answered with string operations: this runs for every fragment of a
   * history scan, where a regex per glob would dominate the profile.
   */
  public boolean matches(String path) {
    if (!anchored(glob) && !glob.endsWith("/")) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      int star = glob.indexOf('*');
      if (!hasWildcard(glob)) {
        return name.equals(glob);
      }
      if (star == 0 && !hasWildcard(glob.substring(1))) {
        return name.endsWith(glob.substring(1));
      }
      if (star == glob.length() - 1 && !hasWildcard(glob.substring(0, star))) {
        return name.startsWith(glob.substring(0, star));
      }
    }
    return pattern.matcher(path).matches();
  }

  private static boolean hasWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /** A glob is anchored at the root when it has a slash anywhere but at its end. */
  public static boolean anchored(String glob) {
    int slash = glob.indexOf('/');
    return slash >= 0 && slash < glob.length() - 1;
  }

  static String toRegex(String glob) {
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    boolean anchored = anchored(glob);
    if (g.endsWith("/")) {
      g = g + "**";
    }
    StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
            i++;
            re.append("(?:.*/)?");
          } else {
            re.append(".*");
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = g.indexOf(']', i + 1);
        if (end < 0) {
          re.append("\\[");
        } else {
          String body = g.substring(i + 1, end).replace("\\", "\\\\");
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          re.append('[').append(body).append(']');
          i = end;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
