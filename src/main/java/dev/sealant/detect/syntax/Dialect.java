package dev.sealant.detect.syntax;

import java.util.Locale;

/**
 * What a file's name says about how its unquoted values end and how its quotes escape. Only the
 * differences matter: everything else is read the same way in every file.
 */
public enum Dialect {
  /** Code and unknown files: an unquoted value is one word; quotes take backslash escapes. */
  CODE,
  /** Java {@code .properties}: the rest of the line, backslash escapes, {@code \\uXXXX}. */
  PROPERTIES,
  /** {@code .env}: the rest of the line up to a {@code " #"} comment; shell-like quotes. */
  ENV,
  /** INI and similar ({@code .ini .cfg .conf .cnf}): the rest of the line, no escapes. */
  INI,
  /** YAML: plain scalars run to a {@code " #"} comment; {@code ''} escapes single quotes. */
  YAML,
  /** Shell and Dockerfiles: {@code $X} expands inside double quotes; single quotes are raw. */
  SHELL,
  /** TOML: single-quoted (literal) strings are raw. */
  TOML,
  /** Go: backtick strings are raw. */
  GO,
  /**
   * PowerShell: single quotes double themselves ({@code 'it''s'}); double quotes take backticks.
   */
  POWERSHELL,
  /** XML, HTML and .NET config: attribute values and text take entities, not backslashes. */
  XML;

  /** The dialect of a file, from its name alone. */
  public static Dialect of(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String name = path.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env")) {
      return ENV;
    }
    if (name.startsWith("dockerfile")
        || name.endsWith(".dockerfile")
        || name.startsWith(".bash")
        || name.equals(".profile")
        || name.equals(".zshrc")) {
      return SHELL;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "properties" -> PROPERTIES;
      case "ini", "cfg", "conf", "cnf" -> INI;
      case "yml", "yaml" -> YAML;
      case "sh", "bash", "zsh", "ksh" -> SHELL;
      case "toml" -> TOML;
      case "go" -> GO;
      case "ps1", "psm1", "psd1" -> POWERSHELL;
      case "xml",
          "config",
          "csproj",
          "xaml",
          "html",
          "htm",
          "plist",
          "jsp",
          "xhtml",
          "svg",
          "pom" ->
          XML;
      default -> CODE;
    };
  }

  /** Unquoted values run to the end of the line (less a trailing comment). */
  boolean restOfLine() {
    return this == PROPERTIES || this == ENV || this == INI || this == YAML;
  }

  /**
   * A bare value is text, not code: configuration files and shell, where no word names a variable.
   */
  boolean text() {
    return this != CODE && this != GO && this != TOML && this != POWERSHELL;
  }

  /** {@code $NAME} and {@code ${NAME}} expand inside double quotes and bare words. */
  boolean expands() {
    return this == SHELL || this == ENV;
  }
}
