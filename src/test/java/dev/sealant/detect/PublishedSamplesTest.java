package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.testing.Paths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test fakes and published documentation samples are reported by no rule of the shipped catalog,
 * whatever context carries them (a provider's setting, a password, an Authorization header), while
 * a real-shaped key in the same contexts still is.
 */
class PublishedSamplesTest {

  private static final Detector DETECTOR = new Detector(CatalogLoader.load(Paths.patterns()));

  /** Settings that could each carry any of the values, read by provider and generic rules alike. */
  private static final List<String> CONTEXTS =
      List.of(
          "AWS_ACCESS_KEY_ID=%s",
          "stripe_api_key = \"%s\"",
          "github_token: %s",
          "password = \"%s\"",
          "export API_TOKEN='%s'",
          "curl -H 'Authorization: Bearer %s' https://api.example.test/v1",
          "  \"secret\": \"%s\",");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AKIATESTTESTTESTTEST", // a test fake with the AWS prefix
        "AKIAAAAAAAAAAAAAAAAA",
        "sk_live_000000000000000000000000", // Stripe's prefix and zeros
        "sk_live_0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "rk_live_123456789012345678901234",
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // GitHub's prefix and 36 x's
        "ghp_000000000000000000000000000000000000",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "xoxb-000000000000-0000000000000-aaaaaaaaaaaaaaaaaaaaaaaa",
        "glpat-ababababababababababab",
        // jwt.io's sample token (its documented HS256 form): header, the John Doe claims, signature
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        // Stripe's API reference sample test key (docs.stripe.com/api/authentication)
        "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
        // the OAuth specifications' example tokens (RFC 6749 sections 4.1.4 and 5.1, RFC 5849)
        "2YotnFZFEjr1zCsicMWpAA",
        "tGzv3JOkF0XG5Qx2TlKWIA",
        "kkk9d7dh3k39sjv7",
        // AWS's documented example key pair
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      })
  void noRuleReportsAFakeOrAPublishedSample(String value) {
    for (String context : CONTEXTS) {
      String line = String.format(context, value);
      List<Finding> found = DETECTOR.scan(Fragment.of("config/app.env", line + "\n"));
      assertEquals(
          List.of(), found.stream().map(Finding::ruleId).toList(), "reported in: " + context);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"AKIAQ3EGT7KXWZ4NRD6M", "sk_live_4qN8vRzT2mXc7LpW9bKd3HsJ"})
  void aRealShapedKeyInTheSameContextsIsStillReported(String value) {
    for (String context : CONTEXTS.subList(0, 2)) {
      String line = String.format(context, value);
      assertTrue(
          DETECTOR.scan(Fragment.of("config/app.env", line + "\n")).stream()
              .anyMatch(f -> f.secret().equals(value)),
          "not reported in: " + context);
    }
    assertFalse(KeyBody.isFake(value, KeyBody.prefixes(DETECTOR.catalog().rules())), value);
  }
}
