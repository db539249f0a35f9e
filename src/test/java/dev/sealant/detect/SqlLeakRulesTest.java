package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.kernel.Fragment;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL leak rules read the statements dumps and migrations hold, and stay quiet on the English
 * around them: "identified by" is a common phrase in documentation and code comments.
 */
class SqlLeakRulesTest {

  static final Detector SHIPPED = new Detector(CatalogLoader.builtIn());

  static List<String> sqlFindings(String path, String text) {
    return SHIPPED.scan(Fragment.of(path, text)).stream()
        .filter(f -> f.ruleId().startsWith("sql-"))
        .map(f -> f.ruleId() + "@" + f.line() + ":" + f.column() + "=" + f.secret())
        .toList();
  }

  static final String[] SUBJECTS = {
    "Each object",
    "A leak",
    "The owner",
    "it",
    "every user",
    "the role",
    "To create a user account, the account",
    "ALTER the user so that it",
    "create user entries that are",
    "We grant access to a client",
    "CREATE USER rows are",
    "the login",
    "Grant: a user"
  };
  static final String[] VERBS = {
    "is identified by",
    "are identified by",
    "was identified by",
    "gets identified by",
    "is IDENTIFIED BY",
    "identified by",
    "be identified by"
  };
  static final String[] OBJECTS = {
    "its name",
    "valgrind",
    "the ownerId",
    "a UUID",
    "name",
    "`id`",
    "\"its name\"",
    "the pair (host, port)",
    "ownerId",
    "its SHA-1",
    "refs/heads/main",
    "id and name",
    "'alice'",
    "'the owner id'",
    "its key",
    "checksum",
    "a number"
  };
  static final String[] ENDS = {
    ".", "", ",", " and so on.", " (see below).", ";", " in the index.", " -- see docs", " */", "\""
  };

  /** Ends after which a quoted value is a statement's (see sql-identified-by). */
  static final List<String> SQL_ENDS = List.of("", ",", ";", " */", "\"");

  static final String[][] SHAPES = {
    {"%s", "notes.adoc"},
    {"/* %s */", "leak.c"},
    {" * %s", "Owner.java"},
    {"/// %s", "lib.rs"},
    {"// %s", "gin.go"},
    {"# %s", "README.md"},
    {"-- %s", "schema.sql"},
    {"    %s", "git.txt"}
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void englishAboutIdentifyingIsNotAPassword(long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 500; i++) {
      String object = pick(rnd, OBJECTS);
      String end = pick(rnd, ENDS);
      if (object.equals("'alice'") && SQL_ENDS.contains(end)) {
        // "identified by 'alice';" is a statement's shape, and 'alice' could be its password.
        end = " logs in.";
      }
      String sentence = pick(rnd, SUBJECTS) + " " + pick(rnd, VERBS) + " " + object + end;
      String[] shape = SHAPES[rnd.nextInt(SHAPES.length)];
      String line = String.format(Locale.ROOT, shape[0], sentence);
      assertEquals(
          List.of(),
          sqlFindings(shape[1], line + "\n"),
          "seed " + seed + ", case " + i + ": " + line);
    }
  }

  private static String pick(Random rnd, String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  @Test
  void aQuotedPasswordIsReadToItsClosingQuote() {
    assertEquals(
        List.of("sql-identified-by@1:36=cq#4Ls;uFh8"),
        sqlFindings("u.sql", "CREATE USER 'a'@'%' IDENTIFIED BY 'cq#4Ls;uFh8';\n"));
    assertEquals(
        List.of("sql-identified-by@1:35=T''36''fE,x) 9"),
        sqlFindings("u.sql", "ALTER USER 'b'@'%' IDENTIFIED BY 'T''36''fE,x) 9';\n"));
    assertEquals(
        List.of("sql-role-password@1:38=a''b;Qx7"),
        sqlFindings("g.sql", "CREATE ROLE app WITH LOGIN PASSWORD 'a''b;Qx7';\n"));
  }

  @Test
  void anUnquotedPasswordCountsOnlyInAStatementThatSetsOne() {
    assertEquals(
        List.of("sql-identified-by-unquoted@1:33=tiger9X"),
        sqlFindings("o.sql", "CREATE USER scott IDENTIFIED BY tiger9X;\n"));
    assertEquals(
        List.of("sql-identified-by-unquoted@1:50=Rq7vTz2Lm9Xc"),
        sqlFindings(
            "Db.java", "stmt.execute(\"ALTER USER reporting IDENTIFIED BY Rq7vTz2Lm9Xc\");\n"));
    assertEquals(List.of(), sqlFindings("o.sql", "-- the user is identified by its name;\n"));
    assertEquals(
        List.of("sql-identified-by@1:58=petclinic"),
        sqlFindings(
            "user.sql", "CREATE USER IF NOT EXISTS 'petclinic'@'%' IDENTIFIED BY 'petclinic';\n"));
  }

  @Test
  void everyHashOfAMultiRowInsertIsReported() {
    String line =
        "INSERT INTO `users` (`id`,`email`,`password`) VALUES "
            + "(1,'a@example.org','$2y$10$m3PSwvljjju8RO2CFnsZghAJ2WV31/LN1J0ZZj5J20heNlhOtQr9a'),"
            + "(2,'b@example.org','pbkdf2_sha256$260000$Xk29dLq7Vz3p$Rt0Nb5wQw7ertyZx9Lm8pQ2vZ7rT4xK9wB3nHabcdE='),"
            + "(3,'c@example.org','$2b$12$ly/L6YS7yG/UExj0B4a.BX.lnVTWQH6.i6R4y9Q0XwREjBWN7T8es');\n";
    List<String> found = sqlFindings("dump.sql", line);
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.get(1).contains("=pbkdf2_sha256$260000$"), found.toString());
  }

  @Test
  void aHashFarIntoALongDumpLineIsReported() {
    StringBuilder line = new StringBuilder("INSERT INTO `users` VALUES ");
    for (int i = 0; i < 200; i++) {
      line.append("(").append(i).append(",'user").append(i).append("@example.org','-'),");
    }
    line.append(
        "(999,'z@example.org','$2a$08$v.jh8Zd3yilcf0VsHELQFtpnK1zcUEYfTIAQM491qYiKERpi71xKA');\n");
    List<String> found = sqlFindings("dump.sql", line.toString());
    assertEquals(1, found.size(), found.toString());
  }
}
