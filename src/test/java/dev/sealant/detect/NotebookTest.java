package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotebookTest {

  static final Detector SHIPPED = new Detector(CatalogLoader.builtIn());

  static String notebook() throws IOException {
    return Files.readString(
        Path.of("src/test/resources/formats/deploy.ipynb"), StandardCharsets.UTF_8);
  }

  static List<String> found(String path, String text) {
    return SHIPPED.scan(Fragment.of(path, text)).stream()
        .map(f -> f.ruleId() + "@" + f.line() + ":" + f.column())
        .toList();
  }

  @Test
  void keysInCellsAreFoundAtTheNotebooksOwnLines() throws IOException {
    // A PEM block split over the cell's JSON strings, and one in a Python string inside a JSON
    // string (doubly escaped \\n).
    assertEquals(
        List.of("private-key-pem@18:18", "private-key-escaped@50:22"),
        found("deploy.ipynb", notebook()));
  }

  @Test
  void theSameTextUnderAnotherNameIsOnlyJson() throws IOException {
    assertEquals(List.of("private-key-escaped@50:22"), found("deploy.json", notebook()));
  }

  @Test
  void aDiffHunkOfANotebookIsReadLineByLine() throws IOException {
    List<String> lines = notebook().lines().toList();
    String hunk = String.join("\n", lines.subList(15, 36)) + "\n";
    Fragment f = new Fragment("nb/deploy.ipynb", Optional.empty(), 16, hunk);
    List<Finding> fs = SHIPPED.scan(f);
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(18, fs.get(0).line());
    assertTrue(
        fs.get(0).secret().startsWith("-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDNvopPFcQ3"));
    assertEquals(Optional.of("json"), fs.get(0).encoding());
  }

  @Test
  void escapesAreDecodedWithTheirOrigins() {
    Notebook.Cells c =
        Notebook.read("  \"a\\u0041\\\"b\\n\",\n  \"key\": \"x\\ty\"\n").orElseThrow();
    assertEquals("aA\"b\nx\ty\n", c.text());
    assertEquals(3, c.origin()[0]);
    assertEquals(4, c.origin()[1]);
    assertEquals(10, c.origin()[2]);
  }

  static final String TOKEN_CELL = "API_TOKEN = \\\"Xk29dLq7Vz3pRtNb5w\\\"\\n";

  @Test
  void aNotebookSavedOnOneLineIsDecoded() {
    String nb =
        "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\""
            + TOKEN_CELL
            + "\"], \"outputs\": []}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    List<Finding> fs = SHIPPED.scan(Fragment.of("b.ipynb", nb));
    assertEquals(1, fs.size(), fs.toString());
    assertEquals("Xk29dLq7Vz3pRtNb5w", fs.get(0).secret());
    assertEquals(nb.indexOf("Xk29") + 1, fs.get(0).column());
  }

  @Test
  void aTruncatedNotebookIsStillDecodedLineByLine() {
    String nb =
        "{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"db_password = \\\"Xk29dLq7Vz3pRt!\\\"\\n\"], TRUNC";
    assertEquals(
        List.of("generic-assignment@1:" + (nb.indexOf("Xk29") + 1)), found("broken.ipynb", nb));
    String open =
        "{\"cells\":[{\"source\":[\"x = 1\\n\", \"db_password = \\\"Xk29dLq7Vz3pRt!\\\" # cut her";
    assertEquals(
        List.of("generic-assignment@1:" + (open.indexOf("Xk29") + 1)), found("cut.ipynb", open));
  }

  @Test
  void aPythonEscapeInsideTheCellIsUndoneToo() {
    // The cell holds db_password = 'Qw7\\erty!Zx9' (Python: one backslash); JSON doubles each.
    String nb =
        "{\n \"cells\": [{\n  \"source\": [\n   \"db_password = 'Qw7\\\\\\\\erty!Zx9'\\n\"\n  ]\n }]\n}\n";
    List<Finding> fs = SHIPPED.scan(Fragment.of("a.ipynb", nb));
    assertEquals(1, fs.size(), fs.toString());
    assertEquals("Qw7\\erty!Zx9", fs.get(0).secret());
  }

  /** The same notebook in many JSON layouts yields the same secrets. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void everyJsonLayoutOfANotebookReadsTheSame(long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 40; i++) {
      String nb = layout(rnd);
      List<String> secrets =
          SHIPPED.scan(Fragment.of("n.ipynb", nb)).stream().map(Finding::secret).sorted().toList();
      assertEquals(
          List.of("Kp2LzR9wN4cY7bH1dF6g", "Xk29dLq7Vz3pRtNb5w"),
          secrets,
          "seed " + seed + ", case " + i + ":\n" + nb);
    }
  }

  private static String layout(Random rnd) {
    String[] ws = {"", " ", "\n", "\n ", "\n   ", "\t", "\r\n  "};
    Supplier<String> w = () -> ws[rnd.nextInt(ws.length)];
    boolean oneString = rnd.nextBoolean();
    String source =
        oneString
            ? "\"import os\\n" + TOKEN_CELL + "\""
            : "["
                + w.get()
                + "\"import os\\n\","
                + w.get()
                + "\""
                + TOKEN_CELL
                + "\""
                + w.get()
                + "]";
    String output =
        "[" + w.get() + "\"db_password = '\\u004bp2LzR9wN4cY7bH1dF6g'\"" + w.get() + "]";
    return "{"
        + w.get()
        + "\"cells\""
        + w.get()
        + ":"
        + w.get()
        + "[{"
        + w.get()
        + "\"cell_type\": \"code\","
        + w.get()
        + "\"source\":"
        + w.get()
        + source
        + ","
        + w.get()
        + "\"outputs\": [{\"name\": \"stdout\", \"text\":"
        + w.get()
        + output
        + "}]"
        + w.get()
        + "}],"
        + w.get()
        + "\"nbformat\": 4}"
        + w.get();
  }
}
