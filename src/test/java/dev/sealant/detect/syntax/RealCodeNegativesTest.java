package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lines in the style of real Makefiles, C, Rust, Perl, shell test scripts and git configuration
 * (written for this project) that name a credential and assign it something that is not one.
 */
class RealCodeNegativesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "Makefile|git-credential-cache: credential-cache.o daemon.o $(LIBS)",
        "Makefile|credential: credential.o",
        "Makefile|TOKEN_SRCS := lexer/token.c lexer/token_table.c",
        "store.c|\ts->store_token = !!string_list_lookup(&opts, \"store\");",
        "store.c|\ttoken = strtok_r(NULL, \" \\t\", &saveptr);",
        "store.c|\t*secret = xstrdup_or_null(value);",
        "store.c|\tpassword = getpass_prompt(prompt, PROMPT_ASKPASS);",
        "store.c|\tif (c->password && !strcmp(c->password, other->password))",
        "lex.rs|        self.push_token(Token::Literal('['));",
        "lex.rs|    let token = self.next_token()?;",
        "lex.rs|            Token::Secret(ref s) => s.len(),",
        "lex.rs|    pub token: Option<Token<'a>>,",
        "t5551.sh|\tgit config credential.https://git.example.test.useHttpPath true &&",
        "t5551.sh|\tgit config credential.helper store &&",
        "t5551.sh|\tpassword=$(cat \"$TRASH_DIRECTORY/askpass-pass\") &&",
        "t5551.sh|\tcredential=YWxpY2U6c2VjcmV0LXdvcmQ=",
        "t5551.sh|\t--token \"builtin:watchman_00000042:7\" >actual &&",
        ".gitconfig|[credential \"https://git.example.test\"]",
        "hook.pl|\tmy $token = '[^][()<>@,;:\"\\/?.= \\000-\\037]+';",
        "hook.pl|\t$last_token = \"\\\"$last_token\\\"\";",
        "hook.pl|my $admin_pass = \"$settings{'ADMIN_PASSWORD'}\";",
        "urls.c|\tcheck_url(\"https://%41lice:%70ass@host.test\", 25);",
        "t5603.sh|test_clone_dir ssh://user:p4ssw@rd@host:1234/ host",
        "lib.sh|\t\tAUTH_URL=https://user%40host:user%40host@127.0.0.1:$PORT",
        "config.py|    password: Optional[str] = None",
        "Report.java|        + \". Secret: \" + Fields.secret(f, o) + \". Fingerprint: \" + f.fingerprint());",
        "config.py|SECRET_KEY = os.environ.get(\"SECRET_KEY\", default=None)",
        "app.ts|  private readonly tokenService: TokenService,",
        "app.ts|const accessToken = await this.auth.refresh(refreshToken);",
        "app.yaml|  password_file: /run/secrets/db_password",
        "app.yaml|  secretName: payments-db-credentials",
        "Main.java|        String apiKey = props.getProperty(\"api.key\");",
        "Main.java|        final var secret = Secrets.load(SecretName.of(\"db\"));",
        "main.go|\ttoken, err := oauth.Exchange(ctx, code)",
        "main.go|\tapiKey := cfg.APIKey",
        "deploy.sh|export GITHUB_TOKEN=\"${GITHUB_TOKEN:?missing}\"",
        "deploy.sh|PASSWORD=`pass show infra/db`",
      })
  void isNotACredential(String path, String line) {
    assertEquals(
        List.of(), AssignmentReader.credentials(line, Dialect.of(path)), path + ": " + line);
    List<AssignmentReader.Assignment> urls = new ArrayList<>();
    UrlCredentials.find(line, 0, line.length(), urls::add);
    assertEquals(List.of(), urls, path + ": " + line);
  }
}
