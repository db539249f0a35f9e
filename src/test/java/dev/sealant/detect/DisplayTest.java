package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sealant.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

/** The one place user strings are made fit to show. */
class DisplayTest {

  static final String TOKEN = "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";
  static final Display D = Display.redacting(new Detector(CatalogLoader.builtIn()));

  @Test
  void tokenInAFileNameIsRedacted() {
    assertEquals("keys/ghp_***.env", D.name("keys/" + TOKEN + ".env"));
    assertEquals("keys/" + TOKEN + ".env", Display.PLAIN.name("keys/" + TOKEN + ".env"));
  }

  @Test
  void fileNameInAnAllowComment() {
    // An annotation in the string itself must not stop its redaction.
    String s = "a/" + TOKEN + " sealant:allow";
    assertFalse(D.name(s).contains(TOKEN.substring(4)), D.name(s));
  }

  @Test
  void ordinaryNamesAndHashedBundlesAreKept() {
    for (String p :
        new String[] {"src/main/java/App.java", "dist/app.3f9a8c7d2e1b4a6f.js", "déjà vu.txt"}) {
      assertEquals(p, D.name(p));
    }
  }

  @Test
  void authorAndMessageTextRedactTokenShapedRuns() {
    assertEquals("Eve Zq8v***", D.text("Eve Zq8vN3xLr5TkW2mYb7Hd"));
    String id = "0123456789abcdef0123456789abcdef01234567";
    assertEquals(
        "commit " + id + ": missing object", D.message("commit " + id + ": missing object"));
  }

  @Test
  void terminalControlCharactersAreEscaped() {
    assertEquals("x\\u001b]0;t\\u0007\\u001b[2J", D.terminal("x\u001b]0;t\u0007\u001b[2J"));
    assertEquals("a\\u202eb\\u009bc", D.message("a\u202eb\u009bc"));
  }
}
