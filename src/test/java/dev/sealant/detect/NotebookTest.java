package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookTest {

  static final Detector SHIPPED = new Detector(CatalogLoader.builtIn());

  static String notebook() throws IOException {
    return Files.readString(Path.of("src/test/resources/formats/deploy.ipynb"), StandardCharsets.UTF_8);
  }

  static List<String> found(String path, String text) {
    return SHIPPED.scan(Fragment.of(path, text)).stream()
        .map(f -> f.ruleId() + "@" + f.line() + ":" + f.column()).toList();
  }

  @Test
  void keysInCellsAreFoundAtTheNotebooksOwnLines() throws IOException {
    // A PEM block split over the cell's JSON strings, and one in a Python string inside a JSON
    // string (doubly escaped \\n).
    assertEquals(List.of("private-key-pem@18:18", "private-key-escaped@50:22"), found("deploy.ipynb", notebook()));
  }

  @Test
  void theSameTextUnderAnotherNameIsOnlyJson() throws IOException {
    assertEquals(List.of("private-key-escaped@50:22"), found("deploy.json", notebook()));
  }

  @Test
  void aDiffHunkOfANotebookIsReadLineByLine() throws IOException {
    List<String> lines = notebook().lines().toList();
    String hunk = String.join("\n", lines.subList(15, 36)) + "\n";
    Fragment f = new Fragment("nb/deploy.ipynb", java.util.Optional.empty(), 16, hunk);
    List<Finding> fs = SHIPPED.scan(f);
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(18, fs.get(0).line());
    assertTrue(fs.get(0).secret().startsWith("-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDNvopPFcQ3"));
    assertEquals(java.util.Optional.of("json"), fs.get(0).encoding());
  }

  @Test
  void escapesAreDecodedWithTheirOrigins() {
    Notebook.Cells c = Notebook.read("  \"a\\u0041\\\"b\\n\",\n  \"key\": \"x\\ty\"\n").orElseThrow();
    assertEquals("aA\"b\nx\ty\n", c.text());
    assertEquals(3, c.origin()[0]);
    assertEquals(4, c.origin()[1]);
    assertEquals(10, c.origin()[2]);
  }
}
