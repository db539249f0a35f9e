package dev.sealant.detect.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The syntaxes of the property tests: each writes a value under a key as a careful author of that
 * syntax would (escaping what it must), and reports where the encoded value starts.
 */
final class Syntaxes {

  /** A line and the offset of the value's first encoded character in it. */
  record Written(String line, int valueAt) {
    static Written of(String before, String encoded, String after) {
      return new Written(before + encoded + after, before.length());
    }
  }

  /** One syntax: a file name and how it writes {@code key = value}. */
  record Syntax(
      String name, String path, KeyStyle keys, BiFunction<String, String, Written> write) {}

  /** Which key spellings the syntax allows. */
  enum KeyStyle {
    /** Environment-variable names: {@code [A-Za-z_][A-Za-z0-9_]*}. */
    ENV,
    /** Anything a config file or code identifier allows (dots, dashes, camel case). */
    ANY,
    /** Code identifiers: letters, digits, underscores. */
    CODE
  }

  private Syntaxes() {}

  static final List<String> ENV_KEYS =
      List.of(
          "PASSWORD",
          "DB_PASSWORD",
          "db_password",
          "SMTP_PASS",
          "MYSQL_ROOT_PWD",
          "APP_SECRET",
          "CLIENT_SECRET",
          "API_KEY",
          "GITHUB_TOKEN",
          "AUTH_TOKEN",
          "PRIVATE_KEY_PASSPHRASE",
          "SIGNING_KEY",
          "ENCRYPTION_KEY",
          "ACCESS_KEY",
          "REDIS_PASSWD",
          "CREDENTIALS");
  static final List<String> CODE_KEYS =
      List.of(
          "password",
          "dbPassword",
          "db_password",
          "adminPwd",
          "clientSecret",
          "apiKey",
          "api_key",
          "authToken",
          "accessToken",
          "privateKey",
          "signingKey",
          "masterKey",
          "smtpPass",
          "DB_PASSWORD",
          "SecretKey",
          "credentials");
  static final List<String> ANY_KEYS =
      List.of(
          "password",
          "db-password",
          "spring.datasource.password",
          "dbPassword",
          "DB_PASSWORD",
          "client_secret",
          "clientSecret",
          "api-key",
          "app.partner.api.key",
          "x-api-key",
          "auth.token",
          "privateKey",
          "smtp.pass",
          "ldap_bind_passwd",
          "storage.access_key",
          "Credentials");

  static String key(Syntax s, Random r) {
    List<String> keys =
        s.keys() == KeyStyle.ENV ? ENV_KEYS : s.keys() == KeyStyle.CODE ? CODE_KEYS : ANY_KEYS;
    return keys.get(r.nextInt(keys.size()));
  }

  static final List<Syntax> ALL =
      List.of(
          new Syntax(
              "dotenv",
              ".env",
              KeyStyle.ENV,
              (k, v) -> Written.of(k + "=\"", Escaping.shellDouble(v), "\"")),
          new Syntax(
              "dotenv-single",
              ".env.local",
              KeyStyle.ENV,
              (k, v) ->
                  v.indexOf('\'') < 0
                      ? Written.of(k + "='", v, "'")
                      : Written.of(k + "=\"", Escaping.shellDouble(v), "\"")),
          new Syntax(
              "shell-export",
              "deploy.sh",
              KeyStyle.ENV,
              (k, v) -> Written.of("export " + k + "=\"", Escaping.shellDouble(v), "\"")),
          new Syntax(
              "shell-ansi-c",
              "deploy.sh",
              KeyStyle.ENV,
              (k, v) -> Written.of(k + "=$'", Escaping.backslash(v, '\''), "'")),
          new Syntax(
              "yaml-single",
              "config/application.yml",
              KeyStyle.ANY,
              (k, v) -> Written.of("  " + k + ": '", v.replace("'", "''"), "'")),
          new Syntax(
              "yaml-double",
              "values.yaml",
              KeyStyle.ANY,
              (k, v) -> Written.of(k + ": \"", Escaping.backslash(v, '"'), "\"")),
          new Syntax(
              "yaml-plain",
              "docker-compose.yaml",
              KeyStyle.ANY,
              (k, v) ->
                  Escaping.yamlPlainSafe(v)
                      ? Written.of("    " + k + ": ", v, "")
                      : Written.of("    " + k + ": '", v.replace("'", "''"), "'")),
          new Syntax(
              "json",
              "appsettings.json",
              KeyStyle.ANY,
              (k, v) -> Written.of("  \"" + k + "\": \"", Escaping.json(v), "\",")),
          new Syntax(
              "toml",
              "config.toml",
              KeyStyle.ANY,
              (k, v) ->
                  v.indexOf('\'') < 0
                      ? Written.of(quoteTomlKey(k) + " = '", v, "'")
                      : Written.of(quoteTomlKey(k) + " = \"", Escaping.backslash(v, '"'), "\"")),
          new Syntax(
              "properties",
              "application.properties",
              KeyStyle.ANY,
              (k, v) -> Written.of(k + "=", Escaping.properties(v), "")),
          new Syntax(
              "properties-colon",
              "messages.properties",
              KeyStyle.ANY,
              (k, v) -> Written.of(k + ": ", Escaping.properties(v), "")),
          new Syntax(
              "ini",
              "settings.ini",
              KeyStyle.ANY,
              (k, v) ->
                  Escaping.iniSafe(v)
                      ? Written.of(k + " = ", v, "")
                      : Written.of(k + " = \"", v, "\"")),
          new Syntax(
              "xml-attribute",
              "web.config",
              KeyStyle.ANY,
              (k, v) ->
                  Written.of("  <add name=\"primary\" " + k + "=\"", Escaping.xml(v), "\" />")),
          new Syntax(
              "xml-element",
              "conf/context.xml",
              KeyStyle.CODE,
              (k, v) ->
                  v.contains("]]>") || v.indexOf('&') < 0
                      ? Written.of("    <" + k + ">", Escaping.xml(v), "</" + k + ">")
                      : Written.of("    <" + k + "><![CDATA[", v, "]]></" + k + ">")),
          new Syntax(
              "python",
              "settings.py",
              KeyStyle.CODE,
              (k, v) -> Written.of(k + " = \"", Escaping.backslash(v, '"'), "\"")),
          new Syntax(
              "python-kwargs",
              "db.py",
              KeyStyle.CODE,
              (k, v) ->
                  Written.of(
                      "conn = connect(host=\"db\", " + k + "='",
                      Escaping.backslash(v, '\''),
                      "', port=5432)")),
          new Syntax(
              "python-dict-bytes",
              "client.py",
              KeyStyle.ANY,
              (k, v) -> Written.of("cfg = {\"" + k + "\": b'", Escaping.backslash(v, '\''), "'}")),
          new Syntax(
              "js-object",
              "config.js",
              KeyStyle.CODE,
              (k, v) -> Written.of("  " + k + ": '", Escaping.backslash(v, '\''), "',")),
          new Syntax(
              "ts-const",
              "env.ts",
              KeyStyle.CODE,
              (k, v) ->
                  Written.of(
                      "export const " + k + ": string = \"", Escaping.backslash(v, '"'), "\";")),
          new Syntax(
              "js-template",
              "client.mjs",
              KeyStyle.CODE,
              (k, v) -> Written.of("const " + k + " = `", Escaping.template(v), "`;")),
          new Syntax(
              "java",
              "AppConfig.java",
              KeyStyle.CODE,
              (k, v) ->
                  Written.of(
                      "  private static final String " + k + " = \"",
                      Escaping.backslash(v, '"'),
                      "\";")),
          new Syntax(
              "csharp-verbatim",
              "Startup.cs",
              KeyStyle.CODE,
              (k, v) -> Written.of("var " + k + " = @\"", v.replace("\"", "\"\""), "\";")),
          new Syntax(
              "go",
              "config.go",
              KeyStyle.CODE,
              (k, v) ->
                  v.indexOf('`') < 0
                      ? Written.of(k + " := `", v, "`")
                      : Written.of(k + " := \"", Escaping.backslash(v, '"'), "\"")),
          new Syntax(
              "php",
              "wp-config.php",
              KeyStyle.CODE,
              (k, v) -> Written.of("$" + k + " = '", Escaping.backslash(v, '\''), "';")),
          new Syntax(
              "php-array",
              "database.php",
              KeyStyle.ANY,
              (k, v) -> Written.of("    '" + k + "' => \"", Escaping.php(v), "\",")),
          new Syntax(
              "php-define",
              "wp-config.php",
              KeyStyle.ENV,
              (k, v) -> Written.of("define('" + k + "', '", Escaping.backslash(v, '\''), "');")),
          new Syntax(
              "connection-string",
              "db.txt",
              KeyStyle.CODE,
              (k, v) ->
                  Escaping.connectionSafe(v)
                      ? Written.of(
                          "Host=db.internal;Port=5432;Database=orders;Username=svc;Password=",
                          v,
                          ";Pooling=true")
                      : Written.of(
                          "Host=db.internal;Port=5432;Database=orders;Username=svc;Password=\"",
                          v.replace("\"", "\"\""),
                          "\";")),
          new Syntax(
              "url-userinfo",
              ".env",
              KeyStyle.ENV,
              (k, v) ->
                  Written.of(
                      "UPSTREAM_URL=https://svc-" + k.length() + ":",
                      Escaping.percent(v),
                      "@api.internal:8443/v1")),
          new Syntax(
              "dockerfile",
              "Dockerfile",
              KeyStyle.ENV,
              (k, v) -> Written.of("ENV " + k + "=\"", Escaping.shellDouble(v), "\"")),
          new Syntax(
              "cli-flag",
              "run.sh",
              KeyStyle.ENV,
              (k, v) ->
                  Written.of(
                      "./server --" + k.toLowerCase(Locale.ROOT).replace('_', '-') + "=\"",
                      Escaping.shellDouble(v),
                      "\" --port 8080")),
          new Syntax(
              "cli-flag-space",
              "run.sh",
              KeyStyle.ENV,
              (k, v) ->
                  Written.of(
                      "./server --" + k.toLowerCase(Locale.ROOT).replace('_', '-') + " \"",
                      Escaping.shellDouble(v),
                      "\" --port 8080")));

  /** Syntaxes whose careful authors escape {@code $} so that it does not expand. */
  private static final Set<String> ESCAPE_DOLLAR =
      Set.of(
          "dotenv",
          "dotenv-single",
          "shell-export",
          "dockerfile",
          "cli-flag",
          "cli-flag-space",
          "js-template",
          "php-array");

  /**
   * {@code key = value} as an author writes it who does not escape {@code $}: a template meant to
   * expand, or a password whose {@code $Lm} the author did not know would. Elsewhere as {@link
   * Syntax#write()} does: there {@code $} is not escaped anyway.
   */
  static Written carelessly(Syntax s, String key, String value) {
    Written w = s.write().apply(key, value);
    if (!ESCAPE_DOLLAR.contains(s.name())) {
      return w;
    }
    String line = w.line();
    StringBuilder b = new StringBuilder(line.substring(0, w.valueAt()));
    for (int i = w.valueAt(); i < line.length(); i++) {
      char c = line.charAt(i);
      char n = i + 1 < line.length() ? line.charAt(i + 1) : 0;
      if (c == '\\' && n == '$') {
        continue; // the escape dropped; the sign is copied next
      }
      b.append(c);
      if (c == '\\' && n != 0) {
        b.append(n); // an escaped backslash (or other escape) stays as written
        i++;
      }
    }
    return new Written(b.toString(), w.valueAt());
  }

  private static String quoteTomlKey(String k) {
    return k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
        ? k
        : "\"" + k + "\"";
  }
}
