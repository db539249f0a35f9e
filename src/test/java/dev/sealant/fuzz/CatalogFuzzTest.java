package dev.sealant.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.error.CatalogException;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated YAML through the catalog loader: it either loads or throws a {@link
 * CatalogException} with a file:line message, never any other exception.
 */
class CatalogFuzzTest {

  static final AtomicLong TRIED = new AtomicLong();

  static final String[] YAML = {
    "rules:\n",
    "  - id: x\n",
    "    regex: '",
    "(?=",
    "[",
    "]",
    "{",
    "}",
    "    keywords: [",
    "    examples:\n",
    "      match:\n",
    "        - text: ",
    "secret: ",
    "&a ",
    "*a",
    "!!java.lang.Object ",
    "!!python/object ",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">\n",
    "\t",
    "#",
    "%YAML 1.2\n",
    "    secretGroup: 99\n",
    "    entropy: -1\n",
    "    severity: urgent\n",
    "    multiline: maybe\n"
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void anyInputLoadsOrFailsWithACatalogError(long seed) throws Exception {
    Random r = new Random(seed);
    String shipped = Files.readString(Paths.patterns().resolve("vcs.yaml"));
    int n = Fuzz.iterations(150);
    for (int i = 0; i < n; i++) {
      String text;
      if (i % 3 == 0) {
        text = Fuzz.mutate(r, shipped);
      } else {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(40); k > 0; k--) {
          b.append(r.nextBoolean() ? YAML[r.nextInt(YAML.length)] : Fuzz.text(r, 20));
        }
        text = b.toString();
      }
      TRIED.incrementAndGet();
      try {
        CatalogLoader.parse(List.of(new CatalogLoader.Source("fuzz.yaml", text)));
      } catch (CatalogException e) {
        if (!e.getMessage().startsWith("fuzz.yaml")) {
          fail(
              "seed "
                  + seed
                  + " input "
                  + i
                  + ": message does not name the file: "
                  + e.getMessage());
        }
      } catch (RuntimeException | StackOverflowError e) {
        fail("seed " + seed + " input " + i + ": " + e, e);
      }
    }
  }

  @AfterAll
  static void report() {
    System.out.println("CatalogFuzzTest: " + TRIED.get() + " inputs tried");
  }
}
