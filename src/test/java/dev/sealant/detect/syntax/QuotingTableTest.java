package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quotings, key names and values the reader once got wrong, one line each: the file it is in, the
 * line, and the one value expected (empty: none). All values are synthetic.
 */
class QuotingTableTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      textBlock =
          """
      # human passwords written as text; names stay quiet
      .env             | DB_PASSWORD=Orange2013                                       | Orange2013
      .env             | session_secret=CeCguZixdjqPYM                                | CeCguZixdjqPYM
      appsettings.json | "password3": "FootballShadow24",                              | FootballShadow24
      values.yaml      | password: "P@ssw0rd123"                                       | P@ssw0rd123
      values.yaml      | password: Letmein1992                                         | Letmein1992
      settings.py      | password = "winter825sunshine"                                | winter825sunshine
      settings.py      | password = passwordInput2                                     |
      appsettings.json | "password": "passwordInput",                                  |
      values.yaml      | token: GITHUB_TOKEN                                           |
      values.yaml      | secret: payments-db-credentials                               |
      .env             | DB_PASSWORD=app.db.password                                   |
      deploy.sh        | P4PASSWD=badpassword                                          |
      index.js         | secret: 'some secret here'                                    |
      index.js         | secret: 'shhhh, very secret'                                  |
      Example.java     | private static final String SECRET_VALUE = "Hello World!";    |
      main.go          | gin.H{"user": user, "secret": "NO SECRET :("}                 |
      .env             | DB_PASSWORD="Jk8 w#Qz2Lm pX"                                  | Jk8 w#Qz2Lm pX
      # .properties: an unspaced ':' separates only first on the line; after it, colons are the value's
      app.properties   | secret_arn=arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/qpyhxa-fsE5Xs |
      app.properties   | db.password:Zq8!mR3#vL9pXw                                    | Zq8!mR3#vL9pXw
      app.properties   | db.password=Zq8:mR3#vL9pXw                                    | Zq8:mR3#vL9pXw
      # two lower-case words joined by '/' are choices or a short path (git/git history: git-mv.perl)
      git-mv.perl      | # Final pass: rename/move                                     |
      config.yaml      | password: qzvtrwmk/ab7Qz!x                                    | qzvtrwmk/ab7Qz!x
      # found on real code never tuned on (laravel, sinatra): rule lists, qualified names, cut examples, regex literals
      auth.php         | ^"password" => "required|string|min:8|confirmed",^             |
      app.php          | 'Password' => 'Illuminate\\Support\\Facades\\Password',           |
      routes.php       | 'password' => 'Auth\\PasswordController',                      |
      README.md        | export SESSION_SECRET=99aef3c1...snip...                      |
      flaskr.py        | SECRET_KEY = 'development key'                                |
      deploy.ps1       | $Password = 'hm\\Dk3\\rb9Qz'                                  | hm\\Dk3\\rb9Qz
      bootstrap.js     | var autoToken = /\\s?auto?\\s?/i                                |
      auth.php         | ^"password" => "Zq8|mR3#vL9pXw",^                             | ^Zq8|mR3#vL9pXw^
      # key names ending in pw
      php.ini          | mysqli.default_pw = "arJecJ9HbQrNjfpqb5"                       | arJecJ9HbQrNjfpqb5
      # quoting: Rust raw, PowerShell doubling, shell '\\'', Dockerfile and compose bare values
      main.rs          | const API_KEY: &str = r#"SHjq*7Su"4FdQvCuZ8"#;                | SHjq*7Su"4FdQvCuZ8
      main.rs          | let token = r##"aB3"#dE5gH7jK9"##;                            | aB3"#dE5gH7jK9
      deploy.ps1       | $password = 'aB3''dE5gH7jK9'                                  | aB3'dE5gH7jK9
      deploy.sh        | export DB_PASSWORD='aB3'\\''dE5gH7jK9'                         | aB3'dE5gH7jK9
      Dockerfile       | ENV DB_PASSWORD=75XH3ue[Lc{ABYH                               | 75XH3ue[Lc{ABYH
      Dockerfile       | ENV DB_PASSWORD 75XH3ue[Lc{ABYH                               | 75XH3ue[Lc{ABYH
      docker-compose.yml | '      - MYSQL_ROOT_PASSWORD=bdJHUGuovgWGpwd8'               | bdJHUGuovgWGpwd8
      # command lines
      run.sh           | curl -u admin:L352NC3McJBXjLws9 https://api.internal.test/v1   | L352NC3McJBXjLws9
      run.sh           | curl --user 'admin:Qv7#tR2pX9mZ' https://api.internal.test     | Qv7#tR2pX9mZ
      run.sh           | curl -u "$USER:$PASS" https://api.internal.test               |
      run.sh           | PGPASSWORD='uCb2AqFRamE9JncTo' psql -h db -U app app          | uCb2AqFRamE9JncTo
      # setters and keyed elements
      DataSourceConfig.java | ds.setPassword("Qv7#tR2pX9mZ");                        | Qv7#tR2pX9mZ
      DataSourceConfig.java | ds.setPassword(password);                              |
      DataSourceConfig.java | ds.setPassword("Qv7#tR2pX9mZ" + suffix);               |
      DataSourceConfig.java | ds.setPasswordEncoder(new BCryptPasswordEncoder());    |
      config.xml       | <entry key="password">Qv7#tR2pX9mZ</entry>                    | Qv7#tR2pX9mZ
      config.xml       | <entry key="timeout">Qv7#tR2pX9mZ</entry>                     |
      # $ before a digit is no expansion in a connection string; entities in an XML attribute
      db.txt           | Host=a;Password=7AYWi$2tTeV$2myX;User=b                       | 7AYWi$2tTeV$2myX
      web.config       | <add connectionString="Host=a;Password=&quot;aB3;dE5gH7jK9&quot;;User=b" /> | aB3;dE5gH7jK9
      web.config       | <add connectionString="Host=a;Password=aB3dE&amp;5gH7jK9;User=b" />         | aB3dE&5gH7jK9
      """)
  void readsTheValueAsItsSyntaxMeansIt(String path, String line, String expected) {
    String text = line.startsWith("'") ? line.substring(1, line.length() - 1) : line;
    List<String> got =
        AssignmentReader.credentials(text, Dialect.of(path)).stream()
            .map(AssignmentReader.Assignment::value)
            .toList();
    assertEquals(expected == null ? List.of() : List.of(expected), got, path + ": " + text);
  }
}
