package dev.sealant.catalog;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A rule's regex, compiled by RE2J on first use. A hook run that stages five files touches a
 * handful of rules; compiling all of them up front would be most of its start-up. Catalogs a user
 * supplies are compiled (validated) at load time; the shipped one was validated when it was built.
 */
public final class LazyPattern {

  private final String source;
  private volatile Pattern compiled;

  private LazyPattern(String source, Pattern compiled) {
    this.source = source;
    this.compiled = compiled;
  }

  /** An already compiled (validated) pattern. */
  public static LazyPattern of(Pattern compiled) {
    return new LazyPattern(compiled.pattern(), compiled);
  }

  /** Compiles on first use; for sources validated before (the shipped catalog). */
  static LazyPattern deferred(String source) {
    return new LazyPattern(source, null);
  }

  public String source() {
    return source;
  }

  public Pattern get() {
    Pattern p = compiled;
    if (p == null) {
      p = Pattern.compile(source);
      compiled = p;
    }
    return p;
  }

  public Matcher matcher(CharSequence input) {
    return get().matcher(input);
  }

  public int groupCount() {
    return get().groupCount();
  }

  @Override
  public String toString() {
    return source;
  }
}
