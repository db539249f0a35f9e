package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.json.JsonParser;
import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaked-file kinds end to end: realistic files (src/test/resources/formats, every secret in
 * them synthetic) planted where they live on a machine or in a repository, scanned with the real
 * command line. Each expected finding names the rule (or {@code *} where generic detection is the
 * reader: Django settings, keystore properties) and the line.
 */
class LeakFormatsIT {

  @TempDir Path tree;

  /** resource file, where it is planted, expected "rule@line" findings. */
  static final String[][] FILES = {
    {"shadow", "backup/etc/shadow", "password-hash-crypt@1", "password-hash-crypt@5"},
    {"htpasswd", "web/.htpasswd", "password-hash-crypt@1", "password-hash-crypt@2"},
    {"pgpass", "home/deploy/.pgpass", "pgpass-password@2", "pgpass-password@3"},
    {
      "git-credentials",
      "home/deploy/.git-credentials",
      "git-credentials-entry@1",
      "git-credentials-entry@2"
    },
    {"netrc", "home/deploy/.netrc", "netrc-password@3", "netrc-password@4"},
    {"npmrc", "web/.npmrc", "npmrc-auth-token@3", "npmrc-basic-auth@4"},
    {"docker-config.json", "home/deploy/.docker/config.json", "docker-config-auth@4"},
    {"sitemanager.xml", "AppData/Roaming/FileZilla/sitemanager.xml", "filezilla-password@10"},
    {"WinSCP.ini", "tools/WinSCP.ini", "winscp-password@7"},
    {"dump.sql", "backups/shop-2024-05-03.sql", "sql-user-table-hash@11", "sql-identified-by@13"},
    {"globals.sql", "backups/globals.sql", "sql-role-password@6"},
    {"master.key", "config/master.key", "rails-master-key@1"},
    {"terraform.tfstate", "infra/prod/terraform.tfstate", "terraform-state-secret@19"},
    {"deploy.ppk", "keys/deploy.ppk", "putty-private-key@1"},
    {"deploy.ipynb", "notebooks/deploy.ipynb", "private-key-pem@18", "private-key-escaped@50"},
    {"app.min.js", "public/assets/app.min.js", "github-pat-classic@1"},
    {"secret.yaml", "k8s/shop/db-secret.yaml", "*@9"},
    {"settings.py", "shop/settings.py", "*@6"},
    {"keystore.properties", "android/keystore.properties", "*@2", "*@4"},
  };

  @Test
  void everyLeakedFileKindIsReportedWhereItsSecretIs() throws Exception {
    for (String[] f : FILES) {
      Path to = tree.resolve(f[1]);
      Files.createDirectories(to.getParent());
      Files.copy(Path.of("src/test/resources/formats", f[0]), to);
    }
    Cli.Run run = Cli.run(tree, "scan", "--no-git", "-f", "json", ".");
    assertEquals(ExitCodes.FINDINGS, run.code(), run.err());
    List<String> missing = new ArrayList<>();
    TreeSet<String> found = found(run.out());
    for (String[] f : FILES) {
      for (int i = 2; i < f.length; i++) {
        String rule = f[i].substring(0, f[i].indexOf('@'));
        String at = f[1] + ":" + f[i].substring(f[i].indexOf('@') + 1);
        boolean hit =
            rule.equals("*")
                ? found.stream().anyMatch(s -> s.endsWith(" " + at))
                : found.contains(rule + " " + at);
        if (!hit) {
          missing.add(f[i] + " in " + f[1]);
        }
      }
    }
    assertTrue(missing.isEmpty(), "missing " + missing + "; found " + found);
    assertTrue(!run.out().contains("JrBY#Ald3tdVY"), "a secret was printed without --show-secrets");
  }

  @SuppressWarnings("unchecked")
  static TreeSet<String> found(String json) throws JsonParser.JsonException {
    TreeSet<String> out = new TreeSet<>();
    for (Object o : (List<Object>) JsonParser.parse(json)) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(m.get("ruleId") + " " + m.get("path") + ":" + m.get("line"));
    }
    return out;
  }
}
