package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Synthetic secrets planted in fixtures, made for this project, and a checker that finds any of
 * them (or any 8-character piece of a secret's body beyond its public prefix) in some output.
 */
final class Planted {

  static final String PAT = "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";
  static final String PAT_BASE64 =
      Base64.getEncoder().encodeToString(PAT.getBytes(StandardCharsets.US_ASCII));
  static final String PASSWORD = "Zq8vN3xLr5TkW2mYb7Hd";
  private static final String KEY = newKey();
  private static final int KEY_HEADER = commonPrefix(KEY, newKey());
  static final String PEM = pem(KEY);

  /** Windows shorter than this may occur by chance (redaction keeps at most 4 characters). */
  static final int WINDOW = 8;

  /** Each secret's public part (never checked) and body (checked piece by piece). */
  private static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    BODIES.put("github PAT", PAT.substring("ghp_".length()));
    BODIES.put("base64 of the github PAT", PAT_BASE64.substring(4));
    BODIES.put("password", PASSWORD);
    // The key's base64 line by line (a report could only show a line's piece), past the header.
    for (int i = KEY_HEADER; i < KEY.length(); i = (i / 64 + 1) * 64) {
      int end = Math.min(KEY.length(), (i / 64 + 1) * 64);
      BODIES.put("PEM body line " + (i / 64 + 1), KEY.substring(i, end));
    }
  }

  /** Every 8-character piece of every body, and the secret it belongs to. */
  private static final Map<String, String> WINDOWS = new HashMap<>();

  static {
    BODIES.forEach(
        (name, body) -> {
          for (int i = 0; i + WINDOW <= body.length(); i++) {
            WINDOWS.put(body.substring(i, i + WINDOW), name);
          }
        });
  }

  private Planted() {}

  /**
   * A PEM block of a throwaway EC key generated for this run: the catalog validates key structure,
   * so random bytes would not be reported, and no key material is kept in the repo.
   */
  private static String pem(String base64) {
    StringBuilder s = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      s.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return s.append("-----END PRIVATE KEY-----\n").toString();
  }

  private static String newKey() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(256);
      return Base64.getEncoder().encodeToString(gen.generateKeyPair().getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC keys are required by every Java platform", e);
    }
  }

  /** How many leading characters two keys share: the DER header, public like the "ghp_" prefix. */
  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  /** The file contents that carry every planted secret. */
  static Map<String, String> files() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("config/app.env", "# app settings\nGITHUB_TOKEN=" + PAT + "\n");
    f.put("keys/deploy.pem", PEM);
    f.put(
        "k8s/secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n"
            + "  token: "
            + PAT_BASE64
            + "\n");
    f.put("src/settings.py", "DEBUG = False\npassword = \"" + PASSWORD + "\"\n");
    f.put(
        "docs/allowed.md",
        "example: " + PAT + " <!-- sealant:allow github-pat-classic -- docs -->\n");
    return f;
  }

  /** Fails naming the label and the planted secret when the text holds any piece of one. */
  static void assertNoLeak(String label, String text) {
    List<String> found = leaks(text);
    if (!found.isEmpty()) {
      fail(label + " leaks " + found + ":\n" + text);
    }
  }

  /** Which planted secrets the text reveals (JSON escapes undone first). */
  static List<String> leaks(String text) {
    String t =
        text.replace("\\/", "/")
            .replace("\\n", "\n")
            .replace("\\u002b", "+")
            .replace("\\u003d", "=");
    Set<String> out = new TreeSet<>();
    for (int i = 0; i + WINDOW <= t.length(); i++) {
      String owner = WINDOWS.get(t.substring(i, i + WINDOW));
      if (owner != null) {
        out.add(owner + " (" + t.substring(i, i + WINDOW) + ")");
      }
    }
    return new ArrayList<>(out);
  }
}
