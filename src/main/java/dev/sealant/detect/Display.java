package dev.sealant.detect;

import dev.sealant.error.Shown;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a user- or repository-controlled string is made fit to show: file names, author
 * names and e-mails, suppression reasons, warnings and error messages. Whatever the engine would
 * report as a secret in the string itself is redacted ({@link Redaction}), so a token planted in a
 * file name or an author field is not printed whole; {@link #message} also redacts anything
 * token-shaped ({@link Shown#tokens}); {@link #terminal} then escapes the control characters that
 * could move the cursor, recolour or retitle a terminal, and the bidirectional overrides that could
 * reorder what a reader sees.
 *
 * <p>Structured formats (JSON, SARIF, CSV, JUnit) take {@link #name}: their writers escape
 * characters themselves and a path must stay exact there. Text on a terminal takes {@link
 * #terminal}. With {@code --show-secrets} the CLI uses {@link #PLAIN}, which only escapes.
 */
public final class Display {

  /** Redacts nothing (no engine): escaping only. */
  public static final Display PLAIN = new Display(null);

  private static final int MEMO = 1 << 14;

  private final Engine engine;
  private final ConcurrentHashMap<String, String> memo = new ConcurrentHashMap<>();

  private Display(Engine engine) {
    this.engine = engine;
  }

  /** Redacts what {@code engine} detects in the strings it is given. */
  public static Display redacting(Engine engine) {
    return new Display(engine);
  }

  /**
   * A name (path, author, e-mail, reason) with every secret the engine detects in it redacted;
   * other characters are kept exactly.
   */
  public String name(String s) {
    if (engine == null || s.isEmpty()) {
      return s;
    }
    String known = memo.get(s);
    if (known != null) {
      return known;
    }
    String out = redactDetected(s);
    if (memo.size() < MEMO) {
      memo.put(s, out);
    }
    return out;
  }

  /**
   * Free text (an author name or e-mail, a suppression reason, a warning): {@link #name}, and every
   * token-shaped run redacted as well ({@link Shown#tokens}); characters are otherwise kept. Paths
   * take {@link #name} alone, since file names such as {@code app.3f9a8c7d2e1b4a6f.js} hold
   * token-shaped hashes that are not secrets.
   */
  public String text(String s) {
    return engine == null ? s : tokenLike(name(s));
  }

  /** {@link #name}, then control characters escaped: for text shown on a terminal. */
  public String terminal(String s) {
    return escape(name(s));
  }

  /**
   * A message for stderr (a warning or an error that may quote user input): detected secrets and
   * token-shaped runs redacted, control characters escaped.
   */
  public String message(String s) {
    return escape(tokenLike(name(s)));
  }

  private String redactDetected(String s) {
    List<Finding> found;
    try {
      // A neutral path: the string's own path allowlist or inline annotations must not hide it.
      found = engine.scan(Fragment.of("sealant-display", s));
    } catch (RuntimeException e) {
      // A display must never fail; fall back to the shape test alone.
      return tokenLike(s);
    }
    if (found.isEmpty()) {
      return s;
    }
    String out = s;
    List<String> secrets = new ArrayList<>();
    for (Finding f : found) {
      secrets.add(f.secret());
    }
    // Longest first, so a secret containing another is replaced whole.
    secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
    boolean missed = false;
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        continue;
      }
      if (out.contains(secret)) {
        out = out.replace(secret, Redaction.redact(secret));
      } else {
        missed = true; // found decoded (base64, percent): its encoded form is in the string
      }
    }
    return missed ? tokenLike(out) : out;
  }

  /** Token-shaped runs redacted: {@link Shown#tokens}. */
  public static String tokenLike(String s) {
    return Shown.tokens(s);
  }

  /**
   * Control characters (C0, DEL, C1, so ESC and its sequences) and bidirectional overrides shown as
   * escapes ({@code \n}, {@code \t}, {@code \u001b}); everything else, non-ASCII included, kept.
   */
  public static String escape(String s) {
    return Shown.escape(s);
  }
}
