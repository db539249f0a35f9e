package dev.sealant.quality;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** Files with their own shape: key files, tool credentials, lock files, docs and fixtures. */
final class SpecialFiles {

  private SpecialFiles() {}

  static final List<BiFunction<Random, String, CorpusFile>> ALL =
      List.of(
          SpecialFiles::pemKey,
          SpecialFiles::sshKey,
          SpecialFiles::pgpKey,
          SpecialFiles::serviceAccount,
          SpecialFiles::tlsSecretYaml,
          SpecialFiles::npmrc,
          SpecialFiles::netrc,
          SpecialFiles::gitCredentials,
          SpecialFiles::dockerConfig,
          SpecialFiles::kubeconfig,
          SpecialFiles::publicMaterial,
          SpecialFiles::lockFile,
          SpecialFiles::html,
          SpecialFiles::readme,
          SpecialFiles::testFixture,
          SpecialFiles::curlScript);

  static CorpusFile pemKey(Random r, String dir) {
    return new Lines(dir + "/certs/server-" + r.nextInt(100) + ".key")
        .secret(KeyMaterial.privateKey(r), "keys", "pem")
        .build();
  }

  static CorpusFile sshKey(Random r, String dir) {
    return new Lines(dir + "/.ssh/id_ed25519")
        .secret(KeyMaterial.openssh(r), "keys", "openssh")
        .build();
  }

  static CorpusFile pgpKey(Random r, String dir) {
    return new Lines(dir + "/release/signing-key.asc")
        .secret(KeyMaterial.pgp(r), "keys", "pgp")
        .build();
  }

  static CorpusFile serviceAccount(Random r, String dir) {
    String key = KeyMaterial.privateKey(r).replace("\n", "\\n") + "\\n";
    String project = "acme-" + Values.of(r, Values.LOWER, 6);
    return new Lines(dir + "/gcp/service-account.json")
        .add("{")
        .add("  \"type\": \"service_account\",")
        .add("  \"project_id\": \"" + project + "\",")
        .secret("  \"private_key_id\": \"" + Values.hex(r, 40) + "\",", "cloud", "gcp-sa")
        .secret("  \"private_key\": \"" + key + "\",", "keys", "pem-escaped")
        .add("  \"client_email\": \"deployer@" + project + ".iam.gserviceaccount.com\",")
        .add("  \"client_id\": \"" + Values.of(r, Values.DIGITS, 21) + "\"")
        .add("}")
        .build();
  }

  static CorpusFile tlsSecretYaml(Random r, String dir) {
    String key = KeyMaterial.privateKey(r).replace("\n", "\n    ");
    String cert = KeyMaterial.certificate(r).replace("\n", "\n    ");
    return new Lines(dir + "/k8s/tls-secret.yaml")
        .add(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\nstringData:")
        .add("  tls.crt: |\n    " + cert)
        .add("  tls.key: |")
        .secret("    " + key, "keys", "pem-yaml")
        .build();
  }

  static CorpusFile npmrc(Random r, String dir) {
    Lines l =
        new Lines(dir + "/.npmrc")
            .add("registry=https://registry.npmjs.org/")
            .add("@acme:registry=https://npm.pkg.github.com/");
    if (r.nextBoolean()) {
      l.secret(
          "//registry.npmjs.org/:_authToken=" + Values.checksummed(r, "npm_"), "packages", "npm");
    } else {
      l.secret("//npm.pkg.internal/:_authToken=" + Values.uuid(r), "config", "npmrc");
    }
    return l.add("//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}")
        .add("always-auth=true")
        .build();
  }

  static CorpusFile netrc(Random r, String dir) {
    return new Lines(dir + "/.netrc")
        .secret(
            "machine api.internal.acme login deploy password " + Values.password(r),
            "config",
            "netrc")
        .add("machine files.acme login ci password $FILES_TOKEN")
        .build();
  }

  static CorpusFile gitCredentials(Random r, String dir) {
    return new Lines(dir + "/.git-credentials")
        .secret(
            "https://build-bot:" + Values.b62(r, 32) + "@git.acme.internal",
            "config",
            "git-credentials")
        .add("https://github.com")
        .build();
  }

  static CorpusFile dockerConfig(Random r, String dir) {
    String auth =
        Values.base64(("robot$ci:" + Values.b62(r, 28)).getBytes(StandardCharsets.US_ASCII));
    return new Lines(dir + "/.docker/config.json")
        .add("{\n  \"auths\": {\n    \"registry.acme.internal\": {")
        .secret("      \"auth\": \"" + auth + "\"", "config", "docker-auth")
        .add("    }\n  },\n  \"credsStore\": \"\"\n}")
        .build();
  }

  static CorpusFile kubeconfig(Random r, String dir) {
    return new Lines(dir + "/kube/ci.kubeconfig")
        .add(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.1:6443")
        .add("users:\n- name: ci\n  user:")
        .secret(
            "    token: "
                + Values.of(r, Values.LOWER + Values.DIGITS, 6)
                + "."
                + Values.of(r, Values.LOWER + Values.DIGITS, 16),
            "infra",
            "kube-token")
        .add("contexts:\n- name: prod\n  context: {cluster: prod, user: ci}\ncurrent-context: prod")
        .build();
  }

  static CorpusFile publicMaterial(Random r, String dir) {
    return new Lines(dir + "/certs/public-" + r.nextInt(100) + ".pem")
        .add(KeyMaterial.publicKey(r))
        .add(KeyMaterial.certificate(r))
        .add("# authorized key:")
        .add(KeyMaterial.sshPublicKey(r))
        .build();
  }

  static CorpusFile lockFile(Random r, String dir) {
    Lines l =
        new Lines(dir + "/package-lock.json")
            .add("{\n  \"lockfileVersion\": 3,\n  \"packages\": {");
    for (int i = 0; i < 4; i++) {
      l.add(
          "    \"node_modules/pkg-"
              + i
              + "\": {\n      \"version\": \"1."
              + i
              + ".0\",\n      \"integrity\": \"sha512-"
              + Values.of(r, Values.B64, 86)
              + "==\"\n    },");
    }
    return l.add("  }\n}").build();
  }

  static CorpusFile html(Random r, String dir) {
    return new Lines(dir + "/public/index.html")
        .add("<!doctype html>\n<html><head>")
        .add(
            "<script src=\"https://cdn.acme.test/app.js\" integrity=\"sha384-"
                + Values.of(r, Values.B64, 64)
                + "\" crossorigin=\"anonymous\"></script>")
        .add("</head><body>")
        .add(
            "<img alt=\"logo\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA"
                + Values.of(r, Values.B64, 600)
                + "==\">")
        .add("<p>Token rotation happens every 90 days.</p></body></html>")
        .build();
  }

  static CorpusFile readme(Random r, String dir) {
    return new Lines(dir + "/README.md")
        .add("# Setup\n\nConfigure credentials as in the AWS docs:\n\n```ini\n[default]")
        .add("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")
        .add("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```")
        .add(
            "A decoded token looks like `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                + Values.base64Url(
                    "{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"iat\":1516239022}")
                + "."
                + Values.of(r, Values.B64URL, 43)
                + "`.")
        .add(
            "Set `DATABASE_URL=postgres://user:password@localhost:5432/app` and `API_KEY=<your-api-key>`.")
        .add(
            "Request ids look like " + Values.uuid(r) + "; commits like " + Values.hex(r, 40) + ".")
        .build();
  }

  static CorpusFile testFixture(Random r, String dir) {
    return new Lines(dir + "/tests/fixtures/tokens.py")
        .add("# Test fixtures: these are NOT real secrets.")
        .add("FAKE_GITHUB_TOKEN = \"ghp_" + Values.b62(r, 36) + "\"  # checksum deliberately wrong")
        .add("DUMMY_PASSWORD = \"dummy-password-for-tests\"")
        .add("EXAMPLE_KEY = \"example-key-" + Values.hex(r, 8) + "\"")
        .add("PLACEHOLDER_TOKEN = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")
        .build();
  }

  static CorpusFile curlScript(Random r, String dir) {
    Lines l = new Lines(dir + "/scripts/call-api.sh").add("#!/bin/sh\nset -eu");
    if (r.nextBoolean()) {
      l.secret(
          "curl -fsS -H \"Authorization: Bearer "
              + Values.b62(r, 40)
              + "\" https://api.acme.internal/v1/jobs",
          "generic",
          "bearer");
    } else {
      l.secret(
          "curl -fsS -H \"Authorization: Bearer "
              + Values.jwt(r, "ci")
              + "\" https://api.acme.internal/v1/jobs",
          "jwt",
          "bearer-jwt");
    }
    return l.add(
            "curl -fsS -H \"Authorization: Bearer $API_TOKEN\" https://api.acme.internal/v1/health")
        .build();
  }
}
