package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.Syntaxes.Syntax;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** Values that are not literal credentials, in the shapes each syntax writes them. */
final class NonLiterals {

  private NonLiterals() {}

  private static final List<String> NAMES =
      List.of(
          "DB_PASSWORD",
          "API_TOKEN",
          "SMTP_PASS",
          "CLIENT_SECRET",
          "SIGNING_KEY",
          "db_password",
          "apiToken",
          "vault_secret");

  /**
   * A random non-literal: a reference, a template, code, a path, a keyword, a number or a
   * placeholder.
   */
  static String shape(Random r) {
    String n = NAMES.get(r.nextInt(NAMES.size()));
    String lower = n.toLowerCase(Locale.ROOT);
    List<String> shapes =
        List.of(
            "${" + n + "}",
            "$" + n,
            "${" + n + ":-}",
            "{{ " + lower + " }}",
            "{{ .Values." + lower + " }}",
            "%(" + lower + ")s",
            "#{" + lower + "}",
            "<%= ENV['" + n + "'] %>",
            "%" + n + "%",
            "@" + n + "@",
            "<your-" + lower.replace('_', '-') + ">",
            "changeme",
            "xxxxxxxxxxxxxxxx",
            "****************",
            "/run/secrets/" + lower,
            "./secrets/" + lower + ".txt",
            "~/.config/app/" + lower,
            "C:\\secrets\\" + lower + ".key",
            "true",
            "false",
            "null",
            "None",
            "12345678901",
            "3.14159265",
            "settings." + n,
            "config.auth." + lower,
            "AppConfig." + toCamel(lower),
            toCamel(lower) + "Value",
            "https://vault.internal/v1/secret/" + lower,
            "secretsmanager:GetSecretValue",
            "my-app-" + lower.replace('_', '-'));
    return shapes.get(r.nextInt(shapes.size()));
  }

  /**
   * Literal text templates put between references: separators, URL and DSN pieces, key-name parts,
   * schemes.
   */
  private static final List<String> GLUE =
      List.of(
          ":",
          "/",
          "@",
          "_",
          "-",
          ".",
          ";",
          ",",
          "=",
          ":5432/",
          "?sslmode=require",
          "jdbc:postgresql://",
          "Bearer ",
          "Basic ",
          "_secret_key_name",
          "@tcp(",
          ")/",
          "?parseTime=true&loc=UTC",
          "https://",
          "redis://:",
          "mongodb+srv://",
          ".svc.cluster.local:6379/0",
          "/v1/",
          "&token=",
          "-prod",
          ".key",
          "_v2",
          "/.ssh/id_ed25519",
          "-----",
          "$HOME/.config/",
          "Token token=",
          ":latest",
          "%2F",
          "#",
          "?api-version=2024-02-01",
          "AccountKey=",
          "_PASSWORD",
          ".pem");

  /**
   * A value that is only references joined by glue ({@code ${DB_USER}:${DB_PASS}}, {@code
   * jdbc:postgresql://${HOST}:5432/${DB}?sslmode=require}, {@code $(cat /run/secrets/db)}): one to
   * three references of the forms shell, Spring, Helm, Jinja, Python, Ruby, ERB, PHP and Perl
   * write, with glue (or none) before, between and after.
   */
  static String template(Random r) {
    StringBuilder b = new StringBuilder();
    int refs = 1 + r.nextInt(3);
    for (int k = 0; k < refs; k++) {
      if (r.nextInt(3) > 0 || k > 0) {
        append(b, GLUE.get(r.nextInt(GLUE.size())));
      }
      append(b, reference(r, k == 0 && b.length() == 0));
    }
    if (r.nextBoolean()) {
      append(b, GLUE.get(r.nextInt(GLUE.size())));
    }
    return b.toString();
  }

  /**
   * Appends {@code piece}; a {@code $NAME} it would run into is braced first, as authors write it.
   */
  private static void append(StringBuilder b, String piece) {
    char next = piece.charAt(0);
    if (Character.isLetterOrDigit(next) || next == '_') {
      int k = b.length();
      while (k > 0 && (Character.isLetterOrDigit(b.charAt(k - 1)) || b.charAt(k - 1) == '_')) {
        k--;
      }
      if (k > 0 && k < b.length() && b.charAt(k - 1) == '$') {
        b.insert(k, '{').append('}');
      }
    }
    b.append(piece);
  }

  private static String reference(Random r, boolean first) {
    String n = NAMES.get(r.nextInt(NAMES.size()));
    String lower = n.toLowerCase(Locale.ROOT);
    List<String> refs =
        List.of(
            "${" + n + "}",
            "$" + n,
            "${" + n + ":-}",
            "${" + n + ":?missing}",
            "$(cat /run/secrets/" + lower + ")",
            "{{ " + lower + " }}",
            "{{ .Values." + toCamel(lower) + " }}",
            "%(" + lower + ")s",
            "#{" + lower + "}",
            "<%= ENV['" + n + "'] %>",
            "${env:" + n + "}",
            "${" + lower.replace('_', '.') + "}",
            "$(pass show infra/" + lower + ")",
            "${{ secrets." + n + " }}",
            "{{ vault_" + lower + " }}");
    List<String> leading =
        List.of(
            "$this->" + toCamel(lower), "$config{'db'}{'" + lower + "'}", "$settings['" + n + "']");
    return first && r.nextInt(5) == 0
        ? leading.get(r.nextInt(leading.size()))
        : refs.get(r.nextInt(refs.size()));
  }

  /** The same as code writes it, unquoted, where the syntax has code expressions; else empty. */
  static Optional<String> bare(Syntax s, String key, String shape) {
    String expr =
        switch (shape.length() % 8) {
          case 0 -> "os.environ[\"" + shape.replaceAll("[^A-Za-z_]", "") + "\"]";
          case 1 -> "process.env." + shape.replaceAll("[^A-Za-z_]", "");
          case 2 -> "System.getenv(\"" + shape.replaceAll("[^A-Za-z_]", "") + "\")";
          case 3 -> "os.Getenv(\"" + shape.replaceAll("[^A-Za-z_]", "") + "\")";
          case 4 -> "!!lookup_" + shape.replaceAll("[^a-z]", "") + "(opts)";
          case 5 -> "cfg->" + shape.replaceAll("[^a-z_]", "") + "_value";
          case 6 -> "prefix + " + shape.replaceAll("[^a-z_]", "") + "_suffix";
          default -> "getSecret(\"" + shape.replaceAll("[^a-z_]", "") + "\")";
        };
    return switch (s.name()) {
      case "python", "python-kwargs" -> Optional.of(key + " = " + expr);
      case "js-object" -> Optional.of("  " + key + ": " + expr + ",");
      case "ts-const", "java", "csharp-verbatim" -> Optional.of("var " + key + " = " + expr + ";");
      case "go" -> Optional.of(key + " := " + expr);
      case "php" -> Optional.of("$" + key + " = " + expr + ";");
      default -> Optional.empty();
    };
  }

  private static String toCamel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
