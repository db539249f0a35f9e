package dev.sealant.quality;

import static dev.sealant.quality.Kind.negative;
import static dev.sealant.quality.Kind.secret;
import static dev.sealant.quality.Values.b62;
import static dev.sealant.quality.Values.hex;
import static dev.sealant.quality.Values.of;

import java.util.List;
import java.util.Locale;

/**
 * The planted value kinds, written from each provider's public format (not from the catalog):
 * secrets of every family and the hard negatives that sit next to them in real code.
 */
final class Kinds {

  private Kinds() {}

  static final List<Kind> SECRETS =
      List.of(
          secret(
              "cloud",
              "aws-key-id",
              List.of("aws_access_key_id", "access_key_id"),
              r -> "AKIA" + of(r, Values.BASE32, 16)),
          secret(
              "cloud",
              "aws-secret",
              List.of("aws_secret_access_key", "secret_access_key"),
              r -> of(r, Values.B64, 40)),
          secret(
              "cloud",
              "gcp-api-key",
              List.of("google_api_key", "maps_api_key", "firebase_api_key"),
              r -> "AIza" + of(r, Values.B64URL, 35)),
          secret(
              "cloud",
              "azure-storage",
              List.of("storage_connection_string", "azure_storage"),
              r ->
                  "DefaultEndpointsProtocol=https;AccountName=st"
                      + hex(r, 8)
                      + ";AccountKey="
                      + of(r, Values.B64, 86)
                      + "==;EndpointSuffix=core.windows.net"),
          secret(
              "cloud",
              "azure-ad-secret",
              List.of("azure_client_secret", "client_secret"),
              r -> b62(r, 3) + r.nextInt(10) + "Q~" + of(r, Values.B64URL, 34)),
          secret(
              "cloud",
              "alibaba-key-id",
              List.of("alibaba_cloud_access_key_id"),
              r -> "LTAI" + b62(r, 20)),
          secret(
              "hosting",
              "digitalocean",
              List.of("digitalocean_token", "do_token"),
              r -> "dop_v1_" + hex(r, 64)),
          secret("hosting", "netlify", List.of("netlify_auth_token"), r -> "nfp_" + b62(r, 36)),
          secret(
              "hosting",
              "cloudflare",
              List.of("cloudflare_api_token"),
              r -> of(r, Values.B64URL, 40)),
          secret(
              "infra",
              "vault",
              List.of("vault_token"),
              r -> "hvs.CAESI" + of(r, Values.B64URL, 86)),
          secret(
              "infra",
              "terraform-cloud",
              List.of("tfe_token", "tf_api_token"),
              r -> b62(r, 14) + ".atlasv1." + of(r, Values.B64URL, 67)),
          secret("infra", "doppler", List.of("doppler_token"), r -> "dp.st.prd." + b62(r, 43)),
          secret("infra", "pulumi", List.of("pulumi_access_token"), r -> "pul-" + hex(r, 40)),
          secret(
              "vcs",
              "github-pat",
              List.of("github_token", "gh_token", "token"),
              r -> Values.checksummed(r, "ghp_")),
          secret(
              "vcs",
              "github-app",
              List.of("installation_token"),
              r -> Values.checksummed(r, "ghs_")),
          secret(
              "vcs",
              "github-fine-grained",
              List.of("github_pat"),
              r -> "github_pat_" + b62(r, 22) + "_" + b62(r, 59)),
          secret(
              "vcs",
              "gitlab",
              List.of("gitlab_token", "ci_job_token_override"),
              r -> "glpat-" + of(r, Values.B64URL, 20)),
          secret("vcs", "bitbucket", List.of("bitbucket_app_password"), r -> "ATBB" + b62(r, 32)),
          secret(
              "ci",
              "circleci",
              List.of("circle_token"),
              r -> "CCIPAT_" + b62(r, 22) + "_" + hex(r, 40)),
          secret("ci", "buildkite", List.of("buildkite_api_token"), r -> "bkua_" + hex(r, 40)),
          secret("ci", "sonar", List.of("sonar_token"), r -> "squ_" + hex(r, 40)),
          secret(
              "packages",
              "npm",
              List.of("npm_token", "node_auth_token"),
              r -> Values.checksummed(r, "npm_")),
          secret(
              "packages",
              "pypi",
              List.of("twine_password", "pypi_token"),
              r -> "pypi-AgEIcHlwaS5vcmcCJD" + of(r, Values.B64URL, 140)),
          secret(
              "packages", "rubygems", List.of("gem_host_api_key"), r -> "rubygems_" + hex(r, 48)),
          secret(
              "packages",
              "dockerhub",
              List.of("dockerhub_token", "docker_password"),
              r -> "dckr_pat_" + of(r, Values.B64URL, 27)),
          secret(
              "chat",
              "slack-bot",
              List.of("slack_bot_token", "slack_token"),
              r ->
                  "xoxb-"
                      + of(r, Values.DIGITS, 12)
                      + "-"
                      + of(r, Values.DIGITS, 13)
                      + "-"
                      + b62(r, 24)),
          secret(
              "chat",
              "slack-webhook",
              List.of("slack_webhook_url", "webhook_url"),
              r ->
                  "https://hooks.slack.com/services/T"
                      + of(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10)
                      + "/B"
                      + of(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10)
                      + "/"
                      + b62(r, 24)),
          secret(
              "chat",
              "discord-webhook",
              List.of("discord_webhook"),
              r ->
                  "https://discord.com/api/webhooks/1"
                      + of(r, Values.DIGITS, 18)
                      + "/"
                      + of(r, Values.B64URL, 68)),
          secret(
              "chat",
              "telegram",
              List.of("telegram_bot_token"),
              r -> "7" + of(r, Values.DIGITS, 9) + ":AA" + of(r, Values.B64URL, 33)),
          secret(
              "payments",
              "stripe-live",
              List.of("stripe_secret_key", "stripe_api_key"),
              r -> "sk_live_51" + b62(r, 97)),
          secret(
              "payments",
              "stripe-restricted",
              List.of("stripe_restricted_key"),
              r -> "rk_live_" + b62(r, 24)),
          secret(
              "payments",
              "stripe-webhook",
              List.of("stripe_webhook_secret"),
              r -> "whsec_" + b62(r, 32)),
          secret(
              "payments",
              "square",
              List.of("square_app_secret"),
              r -> "sq0csp-" + of(r, Values.B64URL, 43)),
          secret(
              "email",
              "sendgrid",
              List.of("sendgrid_api_key", "smtp_password"),
              r -> "SG." + of(r, Values.B64URL, 22) + "." + of(r, Values.B64URL, 43)),
          secret("email", "mailgun", List.of("mailgun_api_key"), r -> "key-" + hex(r, 32)),
          secret(
              "email",
              "mailchimp",
              List.of("mailchimp_api_key"),
              r -> hex(r, 32) + "-us" + (1 + r.nextInt(20))),
          secret("email", "twilio", List.of("twilio_auth_token"), r -> hex(r, 32)),
          secret(
              "monitoring",
              "newrelic",
              List.of("new_relic_api_key"),
              r -> "NRAK-" + of(r, Values.UPPER + Values.DIGITS, 27)),
          secret("monitoring", "sentry", List.of("sentry_auth_token"), r -> "sntryu_" + hex(r, 64)),
          secret(
              "monitoring",
              "grafana",
              List.of("grafana_token"),
              r -> "glsa_" + b62(r, 32) + "_" + hex(r, 8)),
          secret(
              "monitoring", "datadog", List.of("dd_api_key", "datadog_api_key"), r -> hex(r, 32)),
          secret(
              "ai",
              "openai",
              List.of("openai_api_key"),
              r -> "sk-proj-" + of(r, Values.B64URL, 74) + "T3BlbkFJ" + of(r, Values.B64URL, 74)),
          secret(
              "ai",
              "anthropic",
              List.of("anthropic_api_key"),
              r -> "sk-ant-api03-" + of(r, Values.B64URL, 93) + "AA"),
          secret(
              "ai",
              "huggingface",
              List.of("hf_token", "huggingface_token"),
              r -> "hf_" + of(r, Values.UPPER + Values.LOWER, 34)),
          secret("ai", "replicate", List.of("replicate_api_token"), r -> "r8_" + b62(r, 37)),
          secret("ai", "groq", List.of("groq_api_key"), r -> "gsk_" + b62(r, 52)),
          secret(
              "database",
              "postgres-url",
              List.of("database_url", "db_url"),
              r ->
                  "postgres://app_"
                      + Values.of(r, Values.LOWER, 4)
                      + ":"
                      + Values.urlPassword(r)
                      + "@db-"
                      + r.nextInt(9)
                      + ".internal:5432/app"),
          secret(
              "database",
              "mongodb-url",
              List.of("mongodb_uri", "mongo_url"),
              r ->
                  "mongodb+srv://svc:"
                      + Values.urlPassword(r)
                      + "@cluster0."
                      + Values.of(r, Values.LOWER, 5)
                      + ".mongodb.net/prod"),
          secret(
              "database",
              "redis-url",
              List.of("redis_url", "cache_url"),
              r -> "rediss://default:" + Values.urlPassword(r) + "@cache.internal:6380/0"),
          secret(
              "database",
              "jdbc",
              List.of("datasource_url", "jdbc_url"),
              r ->
                  "jdbc:postgresql://db.internal:5432/orders?user=orders&password="
                      + Values.urlPassword(r)
                      + "&ssl=true"),
          secret("saas", "shopify", List.of("shopify_access_token"), r -> "shpat_" + hex(r, 32)),
          secret("saas", "linear", List.of("linear_api_key"), r -> "lin_api_" + b62(r, 40)),
          secret(
              "saas",
              "notion",
              List.of("notion_token"),
              r -> "ntn_" + of(r, Values.DIGITS, 11) + b62(r, 35)),
          secret("saas", "figma", List.of("figma_token"), r -> "figd_" + of(r, Values.B64URL, 40)),
          secret(
              "saas", "hubspot", List.of("hubspot_access_token"), r -> "pat-na1-" + Values.uuid(r)),
          secret(
              "generic",
              "password",
              List.of(
                  "db_password",
                  "password",
                  "admin_password",
                  "smtp_pass",
                  "mysql_root_password",
                  "ldap_bind_password"),
              Values::password),
          secret(
              "generic",
              "random-secret",
              List.of("secret_key", "app_secret", "session_secret", "jwt_secret", "encryption_key"),
              r -> r.nextBoolean() ? hex(r, 64) : of(r, Values.B64, 43) + "="),
          secret(
              "generic",
              "api-key",
              List.of("api_key", "internal_api_token", "partner_api_key", "auth_token"),
              r -> b62(r, 24 + r.nextInt(17))),
          secret(
              "generic",
              "smtp-url",
              List.of("smtp_url", "mail_url"),
              r -> "smtp://mailer:" + Values.urlPassword(r) + "@smtp.internal:587"),
          secret(
              "jwt",
              "jwt",
              List.of("service_role_key", "bearer", "id_token_sample"),
              r -> Values.jwt(r, Values.pick(r, "service_role", "admin", "worker"))));

  static final List<Kind> NEGATIVES =
      List.of(
          new Kind(
              "",
              "env-ref",
              List.of("db_password", "api_key", "secret_key", "github_token", "stripe_secret_key"),
              r -> "",
              true),
          negative(
              "placeholder",
              List.of("db_password", "password", "api_key", "secret_key", "auth_token"),
              r ->
                  Values.pick(
                      r,
                      "changeme",
                      "<your-api-key>",
                      "${DB_PASSWORD}",
                      "{{ vault_db_password }}",
                      "%(password)s",
                      "xxxxxxxxxxxxxxxxxxxx",
                      "********",
                      "REPLACE_ME",
                      "<password>",
                      "your_api_key_here",
                      "TODO")),
          negative(
              "prefixed-placeholder",
              List.of("stripe_secret_key", "github_token", "openai_api_key"),
              r ->
                  Values.pick(
                      r,
                      "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                      "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                      "sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")),
          negative(
              "doc-example",
              List.of("aws_access_key_id", "aws_secret_access_key"),
              r ->
                  Values.pick(
                      r,
                      "AKIAIOSFODNN7EXAMPLE",
                      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                      "AKIAI44QH8DHBEXAMPLE")),
          negative(
              "hex-hash",
              List.of("checksum", "commit_sha", "sha256", "md5", "digest", "etag", "sha512"),
              r -> hex(r, new int[] {32, 40, 64, 128}[r.nextInt(4)])),
          negative(
              "uuid",
              List.of("request_id", "tenant_id", "correlation_id", "client_id", "project_id"),
              Values::uuid),
          negative(
              "identifier",
              List.of(
                  "secret_name", "token_type", "password_policy", "credentials_file", "token_url"),
              r ->
                  Values.pick(
                      r,
                      "db-credentials",
                      "bearer",
                      "strong",
                      "/etc/app/credentials.json",
                      "https://auth.internal/oauth/token")),
          negative("bad-checksum", List.of("fixture_github_token"), r -> "ghp_" + b62(r, 36)),
          negative(
              "public-value",
              List.of("stripe_publishable_key", "sentry_dsn_public", "google_client_id"),
              r ->
                  Values.pick(
                      r,
                      "pk_live_" + b62(r, 24),
                      Values.of(r, Values.DIGITS, 12)
                          + "-"
                          + Values.of(r, Values.LOWER + Values.DIGITS, 32)
                          + ".apps.googleusercontent.com")),
          negative(
              "numbers",
              List.of("token_ttl", "max_tokens", "password_min_length"),
              r -> String.valueOf(8 + r.nextInt(90000))),
          negative(
              "pagination-token",
              List.of("next_token", "continuation_token", "page_token"),
              r ->
                  Values.base64Url(
                      "{\"NextToken\": "
                          + (r.nextBoolean()
                              ? "null"
                              : "\"" + Values.base64(Values.bytes(r, 48)) + "\"")
                          + ", \"boto_truncate_amount\": "
                          + r.nextInt(50)
                          + "}")),
          negative(
              "arn",
              List.of("secret_arn", "db_secret_arn", "token_signing_key_arn"),
              r ->
                  "arn:aws:secretsmanager:eu-west-1:"
                      + of(r, Values.DIGITS, 12)
                      + ":secret:app/"
                      + Values.of(r, Values.LOWER, 6)
                      + "-"
                      + b62(r, 6)));

  /** The environment variable name for a setting key. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT);
  }
}
