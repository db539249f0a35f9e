package dev.sealant.quality;

import dev.sealant.detect.Detector;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scans a corpus with the real detector and scores it against the planted truth. A finding is a
 * true positive when its rule family (first tag), path and line match a planted secret; every other
 * unsuppressed finding is a false positive; every unmatched planted secret is a false negative.
 */
final class Scorer {

  /** Counts for one family (or "overall"). */
  record Score(String family, int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Scores by family plus the overall line, and the misses for inspection. */
  record Result(
      List<Score> families,
      Score overall,
      List<String> falsePositives,
      List<String> falseNegatives) {}

  private Scorer() {}

  static String family(Finding f) {
    return f.rule().tags().isEmpty() ? f.ruleId() : f.rule().tags().get(0);
  }

  static Result score(Detector detector, List<CorpusFile> corpus) {
    Map<String, int[]> counts = new TreeMap<>();
    List<String> fps = new ArrayList<>();
    List<String> fns = new ArrayList<>();
    for (CorpusFile file : corpus) {
      Set<String> truth = new HashSet<>();
      for (CorpusFile.Planted p : file.planted()) {
        truth.add(p.family() + "@" + p.line());
      }
      Set<String> hit = new HashSet<>();
      for (Finding f : detector.scan(Fragment.of(file.path(), file.text()))) {
        if (f.suppressed()) {
          continue;
        }
        String key = family(f) + "@" + f.line();
        int[] c = counts.computeIfAbsent(family(f), k -> new int[3]);
        if (truth.contains(key) && hit.add(key)) {
          c[0]++;
        } else {
          c[1]++;
          fps.add(file.path() + ":" + f.line() + " " + f.ruleId() + " '" + f.secret() + "'");
        }
      }
      for (CorpusFile.Planted p : file.planted()) {
        if (!hit.contains(p.family() + "@" + p.line())) {
          counts.computeIfAbsent(p.family(), k -> new int[3])[2]++;
          fns.add(
              p.path()
                  + ":"
                  + p.line()
                  + " "
                  + p.family()
                  + "/"
                  + p.kind()
                  + " "
                  + lineOf(file.text(), p.line()));
        }
      }
    }
    List<Score> families = new ArrayList<>();
    int[] all = new int[3];
    counts.forEach(
        (fam, c) -> {
          families.add(new Score(fam, c[0], c[1], c[2]));
          for (int i = 0; i < 3; i++) {
            all[i] += c[i];
          }
        });
    return new Result(families, new Score("overall", all[0], all[1], all[2]), fps, fns);
  }

  private static String lineOf(String text, int line) {
    int start = 0;
    for (int i = 1; i < line; i++) {
      start = text.indexOf('\n', start) + 1;
    }
    int end = text.indexOf('\n', start);
    String l = text.substring(start, end < 0 ? text.length() : end).strip();
    return l.length() > 120 ? l.substring(0, 120) + "..." : l;
  }

  static String table(Result r) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-12s %6s %6s %6s %9s %7s %6s%n",
                "family",
                "tp",
                "fp",
                "fn",
                "precision",
                "recall",
                "f1"));
    for (Score s : r.families()) {
      b.append(row(s));
    }
    return b.append(row(r.overall())).toString();
  }

  private static String row(Score s) {
    return String.format(
        Locale.ROOT,
        "%-12s %6d %6d %6d %9.4f %7.4f %6.4f%n",
        s.family(),
        s.tp(),
        s.fp(),
        s.fn(),
        s.precision(),
        s.recall(),
        s.f1());
  }
}
