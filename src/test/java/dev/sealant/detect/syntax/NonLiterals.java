package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.Syntaxes.Syntax;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Values that are not literal credentials, in the shapes each syntax writes them. */
final class NonLiterals {

  private NonLiterals() {}

  private static final List<String> NAMES = List.of("DB_PASSWORD", "API_TOKEN", "SMTP_PASS", "CLIENT_SECRET",
      "SIGNING_KEY", "db_password", "apiToken", "vault_secret");

  /** A random non-literal: a reference, a template, code, a path, a keyword, a number or a placeholder. */
  static String shape(Random r) {
    String n = NAMES.get(r.nextInt(NAMES.size()));
    String lower = n.toLowerCase(java.util.Locale.ROOT);
    List<String> shapes = List.of(
        "${" + n + "}", "$" + n, "${" + n + ":-}", "{{ " + lower + " }}", "{{ .Values." + lower + " }}",
        "%(" + lower + ")s", "#{" + lower + "}", "<%= ENV['" + n + "'] %>", "%" + n + "%", "@" + n + "@",
        "<your-" + lower.replace('_', '-') + ">", "changeme", "xxxxxxxxxxxxxxxx", "****************",
        "/run/secrets/" + lower, "./secrets/" + lower + ".txt", "~/.config/app/" + lower,
        "C:\\secrets\\" + lower + ".key", "true", "false", "null", "None", "12345678901", "3.14159265",
        "settings." + n, "config.auth." + lower, "AppConfig." + toCamel(lower), toCamel(lower) + "Value",
        "https://vault.internal/v1/secret/" + lower, "secretsmanager:GetSecretValue", "my-app-" + lower.replace('_', '-'));
    return shapes.get(r.nextInt(shapes.size()));
  }

  /** The same as code writes it, unquoted, where the syntax has code expressions; else empty. */
  static Optional<String> bare(Syntax s, String key, String shape) {
    String expr = switch (shape.length() % 8) {
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
