package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped quiet paths: generic rules stay silent there, high-confidence rules still run. */
class QuietPathsTest {

  static final Detector SHIPPED = new Detector(CatalogLoader.builtIn());
  static final String TOKEN = "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";
  static final String STRIPE = "sk_live_oC0mSAdzQSwcifQ8D8BnbTHa";

  static List<String> rules(String path, String text) {
    return SHIPPED.scan(Fragment.of(path, text)).stream().map(Finding::ruleId).toList();
  }

  @Test
  void aProviderTokenABundlerInlinedIsFound() {
    String bundle =
        "!function(e){var t={apiBase:\"https://api.github.com\",token:\""
            + TOKEN
            + "\",password:\"hunter2-Sx9!kQ\"};e.exports=t}(module);";
    assertEquals(List.of("github-pat-classic"), rules("dist/app.min.js", bundle));
    assertEquals(List.of("github-pat-classic"), rules("node_modules/some-sdk/index.js", bundle));
    assertTrue(rules("src/app.js", bundle).size() >= 1);
  }

  @Test
  void lockfilesAndVendoredCodeStayQuietForGenericRulesButNotForKeys() {
    String lock =
        "\"integrity\": \"sha512-Zx0Pq7vKpL2mN4bR9tY6wE3sD8fG1hJ5kC0xV7nB2mQ9lP4oI6uY3tR8eW1qA5sZ==\",\n"
            + "\"secret\": \"Zx0Pq7vKpL2mN4bR9tY6\",\n"
            + "  \"stripe\": \""
            + STRIPE
            + "\"\n";
    assertEquals(List.of("stripe-secret-key"), rules("package-lock.json", lock));
    assertEquals(List.of("stripe-secret-key"), rules("vendor/acme/client/config.php", lock));
  }

  @Test
  void binariesAreStillNeverRead() {
    assertTrue(SHIPPED.pathAllowed("assets/logo.png"));
    assertFalse(SHIPPED.pathAllowed("dist/app.min.js"));
    assertFalse(SHIPPED.pathAllowed("package-lock.json"));
    assertEquals(List.of(), rules("assets/logo.png", "token " + TOKEN));
  }
}
