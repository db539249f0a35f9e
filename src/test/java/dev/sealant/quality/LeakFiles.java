package dev.sealant.quality;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Files people commit by accident, written from each format's documentation (crypt(5) and htpasswd,
 * libpq's password file, FileZilla's site manager, MySQL dumps, pg_dumpall, Terraform state, Rails
 * credentials), with their harmless neighbours as hard negatives.
 */
final class LeakFiles {

  private LeakFiles() {}

  static final List<BiFunction<Random, String, CorpusFile>> ALL =
      List.of(
          LeakFiles::shadow,
          LeakFiles::pgpass,
          LeakFiles::fileZilla,
          LeakFiles::sqlDump,
          LeakFiles::tfstate,
          LeakFiles::masterKey,
          LeakFiles::bundle);

  static final String CRYPT = Values.B62 + "./";

  static CorpusFile shadow(Random r, String dir) {
    String hash =
        r.nextBoolean()
            ? "$6$" + Values.of(r, CRYPT, 16) + "$" + Values.of(r, CRYPT, 86)
            : "$y$j9T$" + Values.of(r, CRYPT, 22) + "$" + Values.of(r, CRYPT, 43);
    return new Lines(dir + "/backup/etc/shadow")
        .add("daemon:*:19702:0:99999:7:::")
        .add("sshd:!:19702::::::")
        .secret("deploy:" + hash + ":19800:0:99999:7:::", "leaks", "shadow")
        .add("nobody:*:19702:0:99999:7:::")
        .build();
  }

  static CorpusFile pgpass(Random r, String dir) {
    return new Lines(dir + "/.pgpass")
        .add("# hostname:port:database:username:password")
        .secret(
            "db-" + r.nextInt(9) + ".acme.internal:5432:orders:app:" + Values.password(r),
            "leaks",
            "pgpass")
        .build();
  }

  static CorpusFile fileZilla(Random r, String dir) {
    String pass = Values.base64(Values.password(r).getBytes(StandardCharsets.US_ASCII));
    return new Lines(dir + "/FileZilla/sitemanager.xml")
        .add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .add(
            "<FileZilla3>\n  <Servers>\n    <Server>\n      <Host>ftp.acme.internal</Host>\n      <Port>21</Port>")
        .add("      <User>uploads</User>")
        .secret("      <Pass encoding=\"base64\">" + pass + "</Pass>", "leaks", "filezilla")
        .add("    </Server>\n  </Servers>\n</FileZilla3>")
        .build();
  }

  static CorpusFile sqlDump(Random r, String dir) {
    String bcrypt = "$2y$10$" + Values.of(r, CRYPT, 53);
    return new Lines(dir + "/db/backup.sql")
        .add("-- MySQL dump 10.13")
        .add("LOCK TABLES `users` WRITE;")
        .secret(
            "INSERT INTO `users` VALUES (1,'ops@acme.internal','" + bcrypt + "');",
            "leaks",
            "sql-hash")
        .add("UNLOCK TABLES;")
        .secret(
            "CREATE USER 'shop'@'%' IDENTIFIED BY '" + Values.password(r) + "';",
            "leaks",
            "sql-user")
        .add("GRANT SELECT ON shop.* TO 'shop'@'%';")
        .build();
  }

  static CorpusFile tfstate(Random r, String dir) {
    return new Lines(dir + "/infra/terraform.tfstate")
        .add("{\n  \"version\": 4,\n  \"resources\": [\n    {")
        .add(
            "      \"type\": \"aws_db_instance\",\n      \"instances\": [{\n        \"attributes\": {")
        .add("          \"username\": \"shop\",")
        .secret("          \"password\": \"" + Values.password(r) + "\",", "leaks", "tfstate")
        .add("          \"port\": 5432\n        }\n      }]\n    }\n  ]\n}")
        .build();
  }

  static CorpusFile masterKey(Random r, String dir) {
    return new Lines(dir + "/config/master.key")
        .secret(Values.hex(r, 32), "leaks", "rails-master-key")
        .build();
  }

  /** A minified bundle (a quiet path) that inlined a provider token next to minified noise. */
  static CorpusFile bundle(Random r, String dir) {
    return new Lines(dir + "/public/app.min.js")
        .add(
            "!function(e){var t={sha:\""
                + Values.hex(r, 40)
                + "\",secret:\""
                + Values.b62(r, 24)
                + "\"};e(t)}(x);")
        .secret(
            "var k={token:\"" + Values.checksummed(r, "ghp_") + "\",retries:3};",
            "vcs",
            "bundled-token")
        .build();
  }
}
