package dev.sealant.detect.syntax;

/** How each syntax's authors escape a value; written from the languages' specifications. */
final class Escaping {

  private Escaping() {}

  /**
   * Backslash before the quote and before backslashes (Java, JS, Python, Go, C, YAML/TOML/JSON dq).
   */
  static String backslash(String v, char quote) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '\\' || c == quote) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * JSON: {@code \" \\}, and a solidus written {@code \/} or a character as {@code \\u00XX} now and
   * then.
   */
  static String json(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c == '/' && i % 2 == 0) {
        b.append("\\/");
      } else if (i % 7 == 3) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Bash double quotes: a backslash before {@code $ ` " \\}. */
  static String shellDouble(String v) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '$' || c == '`' || c == '"' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** A JS template literal: {@code ` \\ $} escaped. */
  static String template(String v) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '`' || c == '\\' || c == '$') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** PHP double quotes: {@code \" \\ \$}. */
  static String php(String v) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\' || c == '$') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * {@code Properties.store}: {@code \\ = : # !} escaped, a leading space escaped, a character now
   * and then as {@code \\uXXXX}.
   */
  static String properties(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if ("\\=:#!".indexOf(c) >= 0 || (c == ' ' && i == 0)) {
        b.append('\\').append(c);
      } else if (i % 5 == 2) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** XML attribute or text: the five entities, and a numeric reference now and then. */
  static String xml(String v) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append(i % 2 == 0 ? "&apos;" : "&#39;");
        default -> b.append(i % 9 == 4 ? "&#x" + Integer.toHexString(c) + ";" : String.valueOf(c));
      }
    }
    return b.toString();
  }

  /** RFC 3986 user information: everything but the unreserved characters percent-encoded. */
  static String percent(String v) {
    StringBuilder b = new StringBuilder();
    for (char c : v.toCharArray()) {
      if (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", (int) c));
      }
    }
    return b.toString();
  }

  /** A YAML plain scalar can hold it: no indicator first, no {@code ": "} or {@code " #"}. */
  static boolean yamlPlainSafe(String v) {
    return "-?:,[]{}#&*!|>'\"%@`".indexOf(v.charAt(0)) < 0
        && !v.contains(": ")
        && !v.contains(" #")
        && !v.endsWith(":")
        && !v.endsWith(" ");
  }

  /** An INI reader takes it bare: no comment marker after a space, no quote first. */
  static boolean iniSafe(String v) {
    return !v.contains(" ;") && !v.contains(" #") && v.charAt(0) != '"' && v.charAt(0) != '\'';
  }

  /** ADO.NET takes it bare: no {@code ;}, no quote or brace first. */
  static boolean connectionSafe(String v) {
    return v.indexOf(';') < 0 && "\"'{".indexOf(v.charAt(0)) < 0;
  }
}
