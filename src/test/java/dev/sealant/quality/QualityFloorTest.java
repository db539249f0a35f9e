package dev.sealant.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.testing.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped catalog on a modest generated corpus must keep precision and recall >= 0.97. */
class QualityFloorTest {

  private static final long SEED = 20260101L;
  private static final int FILES = 600;

  @Test
  void shippedCatalogMeetsTheQualityFloor() {
    List<CorpusFile> corpus = CorpusGenerator.generate(SEED, FILES);
    Scorer.Result r = Scorer.score(new Detector(CatalogLoader.load(Paths.patterns())), corpus);
    System.out.println("quality floor, seed " + SEED + ", " + FILES + " files:");
    System.out.print(Scorer.table(r));
    String misses =
        String.join("\n", r.falsePositives().stream().map(s -> "FP " + s).toList())
            + "\n"
            + String.join("\n", r.falseNegatives().stream().map(s -> "FN " + s).toList());
    assertTrue(
        r.overall().precision() >= 0.97, "precision " + r.overall().precision() + "\n" + misses);
    assertTrue(r.overall().recall() >= 0.97, "recall " + r.overall().recall() + "\n" + misses);
  }

  @Test
  void theCorpusIsReproducibleFromItsSeed() {
    assertEquals(CorpusGenerator.generate(7, 50), CorpusGenerator.generate(7, 50));
  }
}
