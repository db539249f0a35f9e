package dev.sealant.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded, reproducible corpus: settings files in many languages and config formats holding
 * planted secrets of every family among filler settings and hard negatives, plus key files, tool
 * credential files, lock files, docs and test fixtures. The same seed and size give the same
 * corpus.
 */
final class CorpusGenerator {

  private static final String[][] FILLER = {
    {"log_level", "info"},
    {"timeout_seconds", "30"},
    {"db_host", "db.internal"},
    {"db_port", "5432"},
    {"feature_flags", "search,export"},
    {"region", "eu-west-1"},
    {"max_connections", "64"},
    {"service_url", "https://api.acme.internal/v2"},
    {"cache_ttl", "300"},
    {"retry_backoff", "exponential"},
    {"token_ttl", "3600"},
    {"password_min_length", "12"},
    {"secret_name", "app-db-credentials"},
    {"public_base_url", "https://acme.test"},
    {"bucket", "acme-artifacts-prod"}
  };
  private static final String[] COMMENTS = {
    "credentials come from the vault at deploy time",
    "TODO: rotate keys quarterly",
    "see docs/config.md",
    "do not commit real secrets here",
    "values below are overridden per environment"
  };

  private CorpusGenerator() {}

  static List<CorpusFile> generate(long seed, int files) {
    Random r = new Random(seed);
    List<CorpusFile> out = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String dir = "svc" + i;
      if (r.nextInt(100) < 30) {
        out.add(SpecialFiles.ALL.get(r.nextInt(SpecialFiles.ALL.size())).apply(r, dir));
      } else {
        out.add(settingsFile(r, dir, Format.values()[r.nextInt(Format.values().length)]));
      }
    }
    // Leaked-file kinds from a generator of their own, so the files above stay what they were.
    Random leaks = new Random(seed ^ 0x1EA4F11E5L);
    for (int i = 0; i < files / 16; i++) {
      out.add(LeakFiles.ALL.get(leaks.nextInt(LeakFiles.ALL.size())).apply(leaks, "leak" + i));
    }
    return out;
  }

  private static CorpusFile settingsFile(Random r, String dir, Format f) {
    List<Entry> entries = new ArrayList<>();
    int secrets = r.nextInt(3);
    for (int i = 0; i < secrets; i++) {
      entries.add(entry(r, Kinds.SECRETS.get(r.nextInt(Kinds.SECRETS.size()))));
    }
    int negatives = 1 + r.nextInt(4);
    for (int i = 0; i < negatives; i++) {
      entries.add(entry(r, Kinds.NEGATIVES.get(r.nextInt(Kinds.NEGATIVES.size()))));
    }
    for (int i = 3 + r.nextInt(6); i > 0; i--) {
      String[] kv = FILLER[r.nextInt(FILLER.length)];
      entries.add(Entry.filler(kv[0], kv[1]));
    }
    Collections.shuffle(entries, r);
    Lines lines = new Lines(path(dir, f)).add(f.header.stripTrailing());
    for (Entry e : entries) {
      if (r.nextInt(5) == 0) {
        lines.add(f.comment(COMMENTS[r.nextInt(COMMENTS.length)]));
      }
      List<String> ls = f.lines(e);
      for (int j = 0; j < ls.size() - 1; j++) {
        lines.add(ls.get(j));
      }
      String last = ls.get(ls.size() - 1);
      Optional<Kind> k = e.kind().filter(Kind::isSecret);
      if (k.isPresent()) {
        lines.secret(last, k.get().family(), k.get().name());
      } else {
        lines.add(last);
      }
    }
    String footer = f.footer();
    if (!footer.isEmpty()) {
      lines.add(footer.stripTrailing());
    }
    return lines.build();
  }

  private static Entry entry(Random r, Kind k) {
    String key = k.keys().get(r.nextInt(k.keys().size()));
    return new Entry(key, k.value().apply(r), k.envRef(), Optional.of(k));
  }

  private static String path(String dir, Format f) {
    switch (f) {
      case JAVA:
        return dir + "/src/main/java/com/acme/app/" + f.fileName;
      case PROPERTIES:
        return dir + "/src/main/resources/" + f.fileName;
      case KUBERNETES:
        return dir + "/deploy/k8s/" + f.fileName;
      case DOTENV:
        return dir + "/" + f.fileName + ".production";
      case GO:
        return dir + "/internal/config/" + f.fileName;
      case TYPESCRIPT:
      case JAVASCRIPT:
        return dir + "/web/src/" + f.fileName;
      default:
        return dir + "/" + f.fileName;
    }
  }
}
