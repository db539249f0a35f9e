package dev.sealant.quality;

import java.util.List;

/** A generated file and the secrets planted in it (1-based line, expected rule family). */
record CorpusFile(String path, String text, List<Planted> planted) {

  CorpusFile {
    planted = List.copyOf(planted);
  }

  /** One planted secret: where it is and which family of rule should report it. */
  record Planted(String path, int line, String family, String kind) {}
}
