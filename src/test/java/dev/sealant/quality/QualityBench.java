package dev.sealant.quality;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line entry for {@code bench/quality.sh}: generates the corpus, scans it with the shipped
 * catalog and prints precision, recall and F1 per rule family and overall.
 *
 * <p>Arguments: {@code --seed N} (default 42), {@code --files N} (default 2000), {@code --patterns
 * DIR} (default patterns), {@code --verbose} (list misses).
 */
public final class QualityBench {

  private QualityBench() {}

  public static void main(String[] args) {
    long seed = 42;
    int files = 2000;
    Path patterns = Path.of("patterns");
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--patterns" -> patterns = Path.of(args[++i]);
        case "--verbose" -> verbose = true;
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + " (use --seed N --files N --patterns DIR --verbose)");
      }
    }
    List<CorpusFile> corpus = CorpusGenerator.generate(seed, files);
    long planted = corpus.stream().mapToLong(f -> f.planted().size()).sum();
    long bytes = corpus.stream().mapToLong(f -> f.text().length()).sum();
    Detector detector = new Detector(CatalogLoader.load(patterns));
    Scorer.score(detector, corpus); // warm-up, so the timing below is of the scan, not the JIT
    long start = System.nanoTime();
    Scorer.Result result = Scorer.score(detector, corpus);
    long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
    System.out.printf(
        "corpus: seed %d, %d files, %.1f MB, %d planted secrets; scanned in %d ms (%.1f MB/s, one thread)%n",
        seed, files, bytes / 1e6, planted, ms, bytes / 1e3 / ms);
    System.out.print(Scorer.table(result));
    if (verbose) {
      result.falsePositives().forEach(s -> System.out.println("FP " + s));
      result.falseNegatives().forEach(s -> System.out.println("FN " + s));
    }
  }
}
