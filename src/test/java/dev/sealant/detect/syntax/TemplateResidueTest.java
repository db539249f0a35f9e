package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value that expands something is reported, as written, when the literal text left without its
 * expansions is password-shaped and most of it; a value that is references and glue is not.
 */
class TemplateResidueTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        ".env|DB_PASSWORD=\"q9$Lm(2x]Vt;Rk7!\"|q9$Lm(2x]Vt;Rk7!",
        ".env|DB_PASSWORD=q9$Lm(2x]Vt;Rk7!|q9$Lm(2x]Vt;Rk7!",
        "deploy.sh|export DB_PASSWORD=\"q9$Lm(2x]Vt;Rk7!\"|q9$Lm(2x]Vt;Rk7!",
        "Dockerfile|ENV DB_PASSWORD=\"q9$Lm(2x]Vt;Rk7!\"|q9$Lm(2x]Vt;Rk7!",
        "values.yaml|password: \"$Kx9!vR2#qLm7\"|$Kx9!vR2#qLm7",
        "values.yaml|password: $Kx9!vR2#qLm7|$Kx9!vR2#qLm7",
        "application.properties|spring.datasource.password=Zt7$kQ2!mW9#pL|Zt7$kQ2!mW9#pL",
        "Config.java|String password = \"Zt7${kQ2}!mW9#pL\";|Zt7${kQ2}!mW9#pL",
        "client.mjs|const password = `Zt7${kQ2}!mW9#pL`;|Zt7${kQ2}!mW9#pL",
        "build.gradle|password = \"Zt7$kQ2!mW9#pL\"|Zt7$kQ2!mW9#pL",
        "wp-config.php|$db_password = \"Zt7$kQ2!mW9#pL\";|Zt7$kQ2!mW9#pL",
        "deploy.sh|AUTH_PASSWORD=\"${DB_USER}:q8W!x2#Lm9zR\"|${DB_USER}:q8W!x2#Lm9zR",
      })
  void passwordHoldingAnExpansionIsReportedAsWritten(String path, String line, String secret) {
    List<AssignmentReader.Assignment> found = AssignmentReader.credentials(line, Dialect.of(path));
    assertEquals(
        List.of(secret),
        found.stream().map(AssignmentReader.Assignment::value).toList(),
        path + ": " + line);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        ".env|DB_CREDENTIALS=${DB_USER}:${DB_PASS}",
        "deploy.sh|SSH_KEY_PASSPHRASE_FILE=\"$HOME/.ssh/id_ed25519\"",
        "deploy.sh|export API_TOKEN=\"Bearer ${TOKEN}\"",
        "application.yml|password: \"jdbc:postgresql://${HOST}:5432/${DB}?sslmode=require\"",
        "deploy.sh|DB_PASSWORD=\"$(cat /run/secrets/db)\"",
        "settings.py|DB_PASSWORD = \"%(password)s\"",
        "vars.yml|db_password: \"{{ vault_pw }}\"",
        "main.go|dsn_password := \"${DB_USER}:${DB_PASS}@tcp(${DB_HOST}:3306)/${DB_NAME}?parseTime=true\"",
        "Db.php|$password = \"$this->password\";",
        "hook.pl|my $db_pass = \"$config{'db'}{'pass'}\";",
        "deploy.sh|SECRET_NAME_PASSWORD=\"${prefix}_secret_key_name\"",
        "deploy.sh|REDIS_PASSWORD=\"${REDIS_HOST}.svc.cluster.local:6379/0\"",
        "deploy.sh|export GITHUB_TOKEN=\"${GITHUB_TOKEN:-\"$(gh auth token)\"}\"",
        "deploy.sh|PASSWORD=\"$(printf \"%s\" \"$RAW\")\"",
        "index.php|'password' => \"$settings['DB_PASSWORD']\",",
        "app.js|const apiKey = `${config.apiKey}`;",
        "app.py|api_key = f\"{settings.api_key}\"",
      })
  void referencesAndGlueAreNotReported(String path, String line) {
    assertEquals(
        List.of(), AssignmentReader.credentials(line, Dialect.of(path)), path + ": " + line);
  }
}
