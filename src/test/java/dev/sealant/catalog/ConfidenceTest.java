package dev.sealant.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfidenceTest {

  @Test
  void providerPrefixesAreReadFromTheRegex() {
    assertEquals(4, Confidence.literalPrefix("\\b(ntn_[A-Za-z0-9]{40,50})\\b", 1));
    assertEquals(4, Confidence.literalPrefix("((?:AKIA|ASIA)[A-Z2-7]{16})", 1));
    assertEquals(11, Confidence.literalPrefix("(-----BEGIN (?:RSA |EC )?PRIVATE KEY-----)", 1));
    assertEquals(5, Confidence.literalPrefix("(PMAK-[a-f0-9]{24})", 1));
    assertEquals(6, Confidence.literalPrefix("(sk\\.eyJ[A-Za-z0-9_-]{20,})", 1));
  }

  @Test
  void contextBeforeTheSecretOrCaseFoldingIsNoPrefix() {
    assertEquals(0, Confidence.literalPrefix("(?i)okta[a-z]*token\\s*=\\s*(00[A-Za-z0-9]{40})", 1));
    assertEquals(0, Confidence.literalPrefix("SSWS\\s+(00[A-Za-z0-9]{40})", 1));
    assertEquals(0, Confidence.literalPrefix("\\b([a-zA-Z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43})", 1));
    assertEquals(2, Confidence.literalPrefix("(sk_?live_[a-z]{8})", 1));
    assertEquals(6, Confidence.literalPrefix("(do[por]_v1_[a-f0-9]{64})", 1));
  }

  @Test
  void anAlternationOfTheSecretItselfCertifiesNoPrefix() {
    assertEquals(0, Confidence.literalPrefix("abc|[0-9a-f]{32}", 0));
    assertEquals(0, Confidence.literalPrefix("(abc|d)[0-9a-f]{32}", 1));
    assertEquals(0, Confidence.literalPrefix("(ghp_[a-z]{36}|[0-9]{40})", 1));
    assertEquals(0, Confidence.literalPrefix("\\b(ghp_[a-z]{36}|x[0-9]{40})\\b", 1));
    // An alternation outside the secret's group, or one the prefix reads whole, is no branch of it.
    assertEquals(4, Confidence.literalPrefix("(ghp_[a-z]{36})(?:\\b|$)", 1));
    assertEquals(4, Confidence.literalPrefix("((?:AKIA|ASIA)[A-Z2-7]{16})", 1));
    assertEquals(4, Confidence.literalPrefix("(ghp_[a-z|]{36})", 1));
    assertEquals(0, Confidence.literalPrefix("(ghp_[a-z]{36})", 2));
  }

  @Test
  void genericRulesAreNeverHighConfidenceAndValidatedOnesAlwaysAre() {
    assertFalse(Confidence.derived(true, true, "(ghp_[A-Za-z0-9]{36})", 1));
    assertTrue(Confidence.derived(false, true, "(?i)key\\s*=\\s*([a-z]+)", 1));
    assertTrue(Confidence.derived(false, false, "(ghp_[A-Za-z0-9]{36})", 1));
  }

  @Test
  void shippedProviderAndKeyRulesAreHighConfidence() {
    Catalog c = CatalogLoader.load(Path.of("patterns"));
    Set<String> high = new TreeSet<>();
    for (Rule r : c.rules()) {
      if (r.highConfidence()) {
        high.add(r.id());
      }
    }
    for (String id :
        new String[] {
          "github-pat",
          "private-key-pem",
          "openssh-private-key",
          "slack-bot-token",
          "stripe-secret-key",
          "aws-access-key-id",
          "putty-private-key"
        }) {
      assertTrue(
          high.contains(id) || c.rule(id).isEmpty(), id + " should be high-confidence: " + high);
    }
    for (Rule r : c.rules()) {
      if (r.generic()) {
        assertFalse(high.contains(r.id()), r.id());
      }
    }
    System.out.println("high-confidence " + high.size() + "/" + c.rules().size());
    c.rules().stream()
        .filter(r -> !r.highConfidence())
        .forEach(r -> System.out.println("normal " + r.id()));
  }
}
