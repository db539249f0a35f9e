package dev.sealant.bench;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detector throughput with the full built-in catalog on realistic source text: one operation scans
 * 4 MiB (512 files of 8 KiB), so MB/s = ops/s x 4 (printed by bench/jmh.sh). One thread: the figure
 * is per core. {@code keywordDensity} is the share of lines carrying a rule keyword (about 2% in
 * real histories).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorBench {

  static final int FILES = 512;
  static final int FILE_BYTES = 8 * 1024;

  @Param({"0.0", "0.02", "0.10"})
  public double keywordDensity;

  private Detector detector;
  private List<Fragment> fragments;

  @Setup
  public void setup() {
    detector = new Detector(CatalogLoader.builtIn());
    Random r = new Random(42);
    fragments = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      StringBuilder b = new StringBuilder(FILE_BYTES + 200);
      while (b.length() < FILE_BYTES) {
        b.append(r.nextDouble() < keywordDensity ? keywordLine(r) : codeLine(r)).append('\n');
      }
      fragments.add(Fragment.of("src/file" + f + ".py", b.toString()));
    }
  }

  @Benchmark
  public int scan4MiB() {
    int n = 0;
    for (Fragment f : fragments) {
      List<Finding> fs = detector.scan(f);
      n += fs.size();
    }
    return n;
  }

  static final String[] WORDS = {
    "user", "order", "client", "session", "request", "handler", "cache", "result", "value", "item",
    "count", "index", "buffer", "stream", "record", "payload", "status"
  };

  static String codeLine(Random r) {
    String a = WORDS[r.nextInt(WORDS.length)];
    String b = WORDS[r.nextInt(WORDS.length)];
    return switch (r.nextInt(4)) {
      case 0 -> "    " + a + " = self." + b + ".get(\"" + a + "\", " + r.nextInt(1000) + ")";
      case 1 ->
          "    return ["
              + a
              + " for "
              + a
              + " in "
              + b
              + "s if "
              + a
              + ".status == "
              + r.nextInt(9)
              + "]";
      case 2 -> "def " + a + "_" + b + "(self, " + a + ", limit=" + r.nextInt(100) + "):";
      default -> "    # the " + a + " " + b + " is refreshed from the upstream " + a + " service";
    };
  }

  static String keywordLine(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "    password = os.environ[\"DB_PASSWORD\"]";
      case 1 -> "    token = config.get(\"api_token\")";
      case 2 -> "    secret_key = settings.SECRET_KEY";
      default -> "    auth = {\"Authorization\": \"Bearer \" + self.token}";
    };
  }
}
