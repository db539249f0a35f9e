package dev.sealant.quality;

import java.util.ArrayList;
import java.util.List;

/** Builds a file line by line and records the line of each planted secret. */
final class Lines {

  private final String path;
  private final StringBuilder text = new StringBuilder();
  private final List<CorpusFile.Planted> planted = new ArrayList<>();
  private int line;

  Lines(String path) {
    this.path = path;
  }

  /** Appends text (possibly several lines). */
  Lines add(String s) {
    int from = 0;
    while (true) {
      int nl = s.indexOf('\n', from);
      text.append(s, from, nl < 0 ? s.length() : nl).append('\n');
      line++;
      if (nl < 0) {
        return this;
      }
      from = nl + 1;
    }
  }

  /** Appends text whose first line carries a secret of {@code family}. */
  Lines secret(String s, String family, String kind) {
    planted.add(new CorpusFile.Planted(path, line + 1, family, kind));
    return add(s);
  }

  CorpusFile build() {
    return new CorpusFile(path, text.toString(), planted);
  }
}
