package dev.sealant.allow;

import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ConfigException;
import dev.sealant.json.Json;
import dev.sealant.json.JsonParser;
import dev.sealant.kernel.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline: findings a team accepted when adopting Sealant, so only new ones block. It holds
 * fingerprints (hashes, never secrets) with rule id and path; no line numbers and no timestamps,
 * and entries are sorted, so re-creating it on an unchanged repository gives a byte-identical file
 * and unrelated edits never touch it. Matching is by fingerprint alone, so a moved secret stays
 * accepted.
 */
public final class Baseline {

  public static final String DEFAULT_FILE = ".sealant-baseline.json";
  static final int VERSION = 1;

  /** One accepted finding. */
  public record Entry(String fingerprint, String ruleId, String path) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::path)
          .thenComparing(Entry::ruleId)
          .thenComparing(Entry::fingerprint);

  private Baseline() {}

  public static Set<Entry> of(List<Finding> findings) {
    Set<Entry> out = new TreeSet<>(ORDER);
    for (Finding f : findings) {
      out.add(new Entry(f.fingerprint(), f.ruleId(), f.path()));
    }
    return out;
  }

  public static String write(Set<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    List<Map<String, Object>> list = new ArrayList<>();
    for (Entry e : sorted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fingerprint", e.fingerprint());
      m.put("ruleId", e.ruleId());
      m.put("path", e.path());
      list.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("tool", "sealant");
    doc.put("version", VERSION);
    doc.put("findings", list);
    return Json.write(doc);
  }

  /**
   * Parses a baseline; an empty (blank) file is an empty baseline, as the merge driver reads it.
   */
  public static Set<Entry> parse(String file, String text) {
    if (text.isBlank()) {
      return new TreeSet<>(ORDER);
    }
    Object doc;
    try {
      doc = JsonParser.parse(text);
    } catch (JsonParser.JsonException e) {
      throw new ConfigException(file + ": not a Sealant baseline: " + e.getMessage());
    }
    if (!(doc instanceof Map<?, ?> m) || !(m.get("findings") instanceof List<?> list)) {
      throw new ConfigException(
          file + ":1: not a Sealant baseline (expected an object with 'findings')");
    }
    if (!Long.valueOf(VERSION).equals(m.get("version"))) {
      // The value is not echoed: a baseline's fields are user text and may hold anything.
      throw new ConfigException(
          file + ":1: unsupported baseline 'version' (this Sealant reads version " + VERSION + ")");
    }
    Set<Entry> out = new TreeSet<>(ORDER);
    int i = 0;
    for (Object o : list) {
      i++;
      if (!(o instanceof Map<?, ?> e)
          || !(e.get("fingerprint") instanceof String fp)
          || !(e.get("ruleId") instanceof String rule)
          || !(e.get("path") instanceof String path)
          || !Fingerprints.isFingerprint(fp)) {
        throw new ConfigException(
            file + ": finding #" + i + " needs 'fingerprint' (32 hex digits), 'ruleId' and 'path'");
      }
      out.add(new Entry(fp, rule, path));
    }
    return out;
  }

  /**
   * A three-way merge of baselines, as a git merge driver does it: entries both sides kept or added
   * survive; an entry one side removed (present in the base) is removed.
   */
  public static Set<Entry> merge(Set<Entry> base, Set<Entry> ours, Set<Entry> theirs) {
    Set<Entry> out = new TreeSet<>(ORDER);
    out.addAll(ours);
    out.addAll(theirs);
    for (Entry e : base) {
      if (!ours.contains(e) || !theirs.contains(e)) {
        out.remove(e);
      }
    }
    return out;
  }
}
