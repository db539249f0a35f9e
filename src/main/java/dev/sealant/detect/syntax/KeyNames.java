package dev.sealant.detect.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from a setting's name whether its value is a credential. The name is split into words
 * across every naming convention (snake, kebab, dotted, camel, SCREAMING); its last word (less a
 * trailing number or {@code _value}) must name a credential, so that {@code password_reset_url},
 * {@code token_type} and {@code secretName} are not, and whole words only, so that {@code
 * passport}, {@code bypass} and {@code tokenizer} are not.
 */
public final class KeyNames {

  /** Words that name a credential on their own. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "pw",
          "pass",
          "passphrase",
          "passcode",
          "secret",
          "secrets",
          "token",
          "credential",
          "credentials",
          "apikey",
          "storepass",
          "keypass",
          "privatekey",
          "accesskey",
          "secretkey",
          "authkey",
          "authtoken",
          "accesstoken",
          "apitoken",
          "masterkey",
          "signingkey",
          "encryptionkey",
          "clientsecret",
          "salt",
          "passwords");

  /** Words that make a following {@code key} a credential: {@code api_key}, {@code signingKey}. */
  private static final Set<String> KEY_KINDS =
      Set.of(
          "api",
          "access",
          "private",
          "auth",
          "secret",
          "signing",
          "encryption",
          "encrypt",
          "master",
          "app",
          "account",
          "storage",
          "shared",
          "hmac",
          "service",
          "deploy",
          "client",
          "session",
          "crypt",
          "cipher",
          "sas",
          "subscription",
          "license",
          "admin",
          "root",
          "webhook");

  /**
   * Trailing words that keep a credential a credential: {@code password_2}, {@code token_value}.
   */
  private static final Set<String> SUFFIXES =
      Set.of(
          "value", "str", "string", "b64", "base64", "hex", "raw", "plain", "plaintext", "literal");

  /**
   * Words before the credential word that make it something else: {@code next_token}, {@code
   * max_token}.
   */
  private static final Set<String> NOT_BEFORE =
      Set.of(
          "next",
          "page",
          "continuation",
          "cursor",
          "pagination",
          "csrf",
          "xsrf",
          "sync",
          "max",
          "min",
          "num",
          "is",
          "has",
          "use",
          "no",
          "enable",
          "enabled",
          "disable",
          "show",
          "hide",
          "require",
          "required",
          "allow",
          "forgot",
          "reset");

  private KeyNames() {}

  /** True when a setting with this name holds a credential. */
  public static boolean secret(String key) {
    List<String> words = words(key);
    int last = words.size() - 1;
    while (last > 0 && (SUFFIXES.contains(words.get(last)) || digits(words.get(last)))) {
      last--;
    }
    if (last < 0) {
      return false;
    }
    String w = words.get(last);
    String before = last > 0 ? words.get(last - 1) : "";
    if (NOT_BEFORE.contains(before)) {
      return false;
    }
    if (SECRET_WORDS.contains(w)
        || (w.length() > 8 && (w.endsWith("password") || w.endsWith("passwd")))) {
      return true; // PGPASSWORD, MYSQLPASSWD: a prefix run into the word
    }
    return (w.equals("key") || w.equals("keys")) && KEY_KINDS.contains(before);
  }

  /**
   * The lower-case words of a name: {@code spring.datasource.password}, {@code clientSecret},
   * {@code DB_PASS}.
   */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    int n = key.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? key.charAt(i) : ' ';
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      if (!alnum) {
        if (start >= 0) {
          out.add(key.substring(start, i).toLowerCase(Locale.ROOT));
          start = -1;
        }
        continue;
      }
      if (start >= 0 && boundary(key, i)) {
        out.add(key.substring(start, i).toLowerCase(Locale.ROOT));
        start = i;
      }
      if (start < 0) {
        start = i;
      }
    }
    return out;
  }

  /** A camel-case boundary before {@code i}: aB, a1, 1a, and ABc (before the B). */
  private static boolean boundary(String s, int i) {
    char p = s.charAt(i - 1);
    char c = s.charAt(i);
    if (Character.isLowerCase(p) && Character.isUpperCase(c)) {
      return true;
    }
    if (Character.isDigit(p) != Character.isDigit(c)) {
      return true;
    }
    return Character.isUpperCase(p)
        && Character.isUpperCase(c)
        && i + 1 < s.length()
        && Character.isLowerCase(s.charAt(i + 1));
  }

  private static boolean digits(String w) {
    return !w.isEmpty() && w.chars().allMatch(Character::isDigit);
  }
}
