package dev.sealant.detect;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.Rule;
import dev.sealant.validate.Validators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The detection engine: pure, immutable once built, safe to share across threads.
 *
 * <p>Per fragment: one Aho-Corasick pass finds the lines that carry any rule's keyword; only those
 * rules' RE2J patterns then run, on those lines only (a window around the keyword on very long
 * lines; a bounded span from the line for multi-line rules such as PEM blocks), anchored at the
 * few offsets where a match can start ({@link RuleMatcher}) rather than searching the whole line. Each candidate
 * secret then passes entropy, the rule's and the catalog's allowlists, the rule's offline
 * validator and inline annotations. A generic rule yields to a specific rule that found an
 * overlapping secret.
 *
 * <p>This class is longer than the house's usual limit because the hot loop and its bookkeeping
 * are kept together on purpose: splitting them would add per-line calls and allocations.
 */
public final class Detector implements Engine {

  /** Lines longer than this are matched in windows around each keyword (minified files). */
  static final int LONG_LINE = 4096;
  /** Half-width of the window around a keyword on a long line. */
  static final int WINDOW = 1024;
  /** How far a multi-line rule may reach from the line its keyword is on. */
  static final int MULTILINE_SPAN = 64 * 1024;

  private final Catalog catalog;
  private final Rule[] rules;
  private final List<Optional<Predicate<String>>> validators;
  private final KeywordIndex index;
  /** Per rule, built on first use (a hook run touches few rules). */
  private final AtomicReferenceArray<RuleMatcher> matchers;
  private final boolean inlineAllow;
  /** Every provider rule's keywords: the fixed prefixes {@link KeyBody} cuts before its floor. */
  private final List<String> prefixes;
  /** Memoised path allowlist verdicts (a pure function of the path; bounded). */
  private final java.util.concurrent.ConcurrentHashMap<String, Boolean> pathVerdicts =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final int MAX_PATH_VERDICTS = 1 << 18;

  public Detector(Catalog catalog) {
    this(catalog, true);
  }

  /** @param inlineAllow honour {@code sealant:allow} annotations (auditors turn this off) */
  public Detector(Catalog catalog, boolean inlineAllow) {
    this.catalog = catalog;
    this.rules = catalog.rules().toArray(new Rule[0]);
    this.validators = Arrays.stream(rules).map(r -> r.validate().flatMap(Validators::byName)).toList();
    this.index = new KeywordIndex(Arrays.stream(rules).map(Rule::keywords).toList());
    this.inlineAllow = inlineAllow;
    this.prefixes = KeyBody.prefixes(catalog.rules());
    this.matchers = new AtomicReferenceArray<>(rules.length);
  }

  private RuleMatcher matcher(int ruleIndex) {
    RuleMatcher m = matchers.get(ruleIndex);
    if (m == null) {
      m = new RuleMatcher(rules[ruleIndex]);
      matchers.compareAndSet(ruleIndex, null, m);
    }
    return m;
  }

  public Catalog catalog() {
    return catalog;
  }

  /**
   * True when the catalog's path allowlist says this path never holds secrets. Remembered per
   * path: a history scan asks for the same few thousand paths hundreds of thousands of times.
   */
  @Override
  public boolean pathAllowed(String path) {
    if (catalog.allow().paths().isEmpty()) {
      return false;
    }
    Boolean known = pathVerdicts.get(path);
    if (known == null) {
      known = catalog.allow().allowsPath(path);
      if (pathVerdicts.size() < MAX_PATH_VERDICTS) {
        pathVerdicts.put(path, known);
      }
    }
    return known;
  }

  /** How many layers of encoding the detector looks through (base64 inside base64, say). */
  static final int MAX_DECODE_DEPTH = 2;

  /** Every finding in the fragment, sorted by position then rule id; suppressed ones included. */
  @Override
  public List<Finding> scan(Fragment fragment) {
    if (rules.length == 0 || pathAllowed(fragment.path())) {
      return List.of();
    }
    return scan(fragment, MAX_DECODE_DEPTH);
  }

  private List<Finding> scan(Fragment fragment, int decodeDepth) {
    List<Finding> raw = scanRaw(fragment);
    if (decodeDepth == 0) {
      return raw;
    }
    List<Finding> decoded = scanDecoded(fragment, decodeDepth);
    if (decoded.isEmpty()) {
      return raw;
    }
    // A decoded finding replaces the raw one at the same spot: the plain value is the real
    // secret, and its fingerprint then matches the same secret found unencoded elsewhere.
    List<Finding> all = new ArrayList<>();
    for (Finding r : raw) {
      if (decoded.stream().noneMatch(d -> d.line() == r.line() && d.ruleId().equals(r.ruleId())
          && d.column() == r.column())) {
        all.add(r);
      }
    }
    all.addAll(decoded);
    return resolve(all);
  }

  /** Findings that appear only once a line's encoded value is decoded in place. */
  private List<Finding> scanDecoded(Fragment fragment, int depth) {
    String text = fragment.text();
    int[] lineStarts = Decoding.candidateLines(text);
    if (lineStarts.length == 0) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    LineCursor lines = new LineCursor(text);
    for (int start : lineStarts) {
      List<Decoding.Variant> variants = Decoding.variants(text.substring(start, lineEnd(text, start)));
      if (variants.isEmpty()) {
        continue; // most candidate lines decode to nothing; their line number is never needed
      }
      int lineNo = fragment.firstLine() + lines.lineIndex(start);
      for (Decoding.Variant v : variants) {
        Fragment vf = new Fragment(fragment.path(), fragment.commit(), lineNo, v.text());
        for (Finding f : scan(vf, depth - 1)) {
          mapDecoded(f, v, lineNo).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** A variant's finding at its encoded location, unless it does not involve the decoded part. */
  private static Optional<Finding> mapDecoded(Finding f, Decoding.Variant v, int lineNo) {
    int off = offsetOf(v.text(), f.line() - lineNo, f.column());
    int endOff = off + f.secret().length();
    if (off < 0 || off >= v.text().length() || endOff <= v.decodedFrom() || off >= v.decodedTo()) {
      return Optional.empty();
    }
    // A generic rule (assignment-shaped, context-driven) counts on decoded text only when the
    // whole decoded value is the secret, as in a Kubernetes Secret's 'password: <base64>'; inside a
    // decoded document (base64 of a JSON blob, say) its inner settings are not the file's own.
    if (f.rule().generic() && !(off == v.decodedFrom() && endOff == v.decodedTo())) {
      return Optional.empty();
    }
    int column = v.origin()[off] + 1;
    String encoding = f.encoding().map(e -> v.encoding() + "+" + e).orElse(v.encoding());
    return Optional.of(new Finding(f.rule(), f.path(), lineNo, column, f.secret(), f.entropy(),
        f.fingerprint(), f.commit(), f.validated(), Optional.of(encoding), f.suppression()));
  }

  /** Offset in {@code text} of 1-based {@code column} on the line {@code lineIndex} lines down. */
  private static int offsetOf(String text, int lineIndex, int column) {
    int at = 0;
    for (int k = 0; k < lineIndex; k++) {
      int e = lineEnd(text, at);
      if (e >= text.length()) {
        return -1;
      }
      at = e + (text.charAt(e) == '\r' && e + 1 < text.length() && text.charAt(e + 1) == '\n' ? 2 : 1);
    }
    return at + column - 1;
  }

  private List<Finding> scanRaw(Fragment fragment) {
    String text = fragment.text();
    long[] hits = keywordHits(text);
    if (hits.length == 0) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    LineCursor lines = new LineCursor(text);
    boolean[] pathChecked = new boolean[rules.length];
    boolean[] pathOk = new boolean[rules.length];
    for (long hit : hits) {
      int rule = (int) (hit >>> 40);
      int keywordEnd = (int) (hit & 0xFFFFFFFFFFL);
      Rule r = rules[rule];
      if (!pathChecked[rule]) {
        pathChecked[rule] = true;
        pathOk[rule] = r.appliesTo(fragment.path());
      }
      if (pathOk[rule]) {
        match(fragment, rule, keywordEnd, found, lines);
      }
    }
    return resolve(found);
  }

  /**
   * The keyword pass. Returns {@code rule << 40 | keywordEndOffset} for the first keyword hit of
   * each rule on each line (later hits on the same line add nothing), or for every hit on long
   * lines, where each hit gets its own window.
   */
  private long[] keywordHits(String text) {
    long[] raw = index.hits(text);
    if (raw.length == 0) {
      return raw;
    }
    int[] lastLineStart = new int[rules.length];
    Arrays.fill(lastLineStart, -1);
    long[] hits = new long[Math.max(16, raw.length)];
    int count = 0;
    int lineStart = 0;
    int lineEnd = -1;
    for (long packed : raw) {
      int i = (int) (packed >>> 32);
      int[] rs = index.rulesAt[(int) packed];
      if (i >= lineEnd) {
        lineStart = lineStart(text, i);
        lineEnd = lineEnd(text, i);
      }
      // As long as this keyword has 4096 characters of its line on one side, it gets its own window.
      boolean longLine = i - lineStart >= LONG_LINE || lineEnd - i >= LONG_LINE;
      for (int r : rs) {
        if (lastLineStart[r] == lineStart && !longLine) {
          continue;
        }
        lastLineStart[r] = lineStart;
        if (count == hits.length) {
          hits = Arrays.copyOf(hits, count * 2);
        }
        hits[count++] = ((long) r << 40) | (i + 1);
      }
    }
    return Arrays.copyOf(hits, count);
  }

  private void match(Fragment fragment, int ruleIndex, int keywordEnd, List<Finding> out, LineCursor lines) {
    Rule r = rules[ruleIndex];
    String text = fragment.text();
    int lineStart = lineStart(text, keywordEnd - 1);
    int lineEnd = lineEnd(text, keywordEnd);
    int from = lineStart;
    int to;
    if (r.multiline()) {
      to = Math.min(text.length(), lineStart + MULTILINE_SPAN);
    } else if (lineEnd - lineStart > LONG_LINE) {
      from = Math.max(lineStart, keywordEnd - WINDOW);
      to = Math.min(lineEnd, keywordEnd + WINDOW);
    } else {
      to = lineEnd;
    }
    matcher(ruleIndex).findAll(text, from, to,
        (abs, secret) -> candidate(fragment, ruleIndex, abs, secret, lines).ifPresent(out::add));
  }

  private Optional<Finding> candidate(Fragment fragment, int ruleIndex, int abs, String secret, LineCursor lines) {
    Rule r = rules[ruleIndex];
    double entropy = Entropy.shannon(secret);
    if (entropy < r.minEntropy() || KeyBody.isFake(secret, prefixes)) {
      return Optional.empty();
    }
    if (r.allow().allows(secret) || catalog.allow().values().allows(secret)) {
      return Optional.empty();
    }
    Optional<Boolean> validated = validators.get(ruleIndex).map(v -> v.test(secret));
    if (r.requireValid() && !validated.orElse(false)) {
      return Optional.empty();
    }
    String text = fragment.text();
    int lineStart = lineStart(text, abs);
    int lineNo = fragment.firstLine() + lines.lineIndex(lineStart);
    int column = abs - lineStart + 1;
    Optional<Suppression> suppression = Optional.empty();
    if (inlineAllow) {
      suppression = InlineAllow.find(text.substring(lineStart, lineEnd(text, abs)), r.id(), false);
      if (suppression.isEmpty() && lineStart > 0) {
        int prevEnd = lineStart - 1;
        if (prevEnd > 0 && text.charAt(prevEnd) == '\n' && text.charAt(prevEnd - 1) == '\r') {
          prevEnd--;
        }
        int prevStart = lineStart(text, prevEnd - 1);
        suppression = InlineAllow.find(text.substring(prevStart, prevEnd), r.id(), true);
      }
    }
    return Optional.of(new Finding(r, fragment.path(), lineNo, column, secret, entropy,
        Fingerprints.of(r.id(), secret), fragment.commit(), validated, Optional.empty(), suppression));
  }

  /** Start of the line holding offset {@code at} (clamped into the text). */
  static int lineStart(String text, int at) {
    int i = Math.min(at, text.length() - 1);
    while (i >= 0) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      i--;
    }
    return i + 1;
  }

  static int lineEnd(String text, int at) {
    int i = at;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  // Spelled out: Comparator's combinators spin lambda classes at run time that no start-up
  // archive holds, milliseconds of every hook run.
  private static final Comparator<Finding> ORDER = (a, b) -> {
    int c = Integer.compare(a.line(), b.line());
    if (c == 0) {
      c = Integer.compare(a.column(), b.column());
    }
    return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
  };

  /** Drops duplicates and generic findings overlapped by a specific one; sorts by position. */
  private static List<Finding> resolve(List<Finding> found) {
    if (found.size() <= 1) {
      return found;
    }
    found.sort(ORDER);
    List<Finding> out = new ArrayList<>(found.size());
    int lineFrom = 0;
    for (int i = 0; i < found.size(); i++) {
      Finding f = found.get(i);
      if (f.line() != found.get(lineFrom).line()) {
        lineFrom = i;
      }
      Finding prev = i > 0 ? found.get(i - 1) : null;
      if (prev != null && prev.ruleId().equals(f.ruleId()) && prev.line() == f.line()
          && prev.column() == f.column()) {
        continue;
      }
      if (f.rule().generic() && overlappedBySpecific(found, lineFrom, f)) {
        continue;
      }
      out.add(f);
    }
    return out;
  }

  private static boolean overlappedBySpecific(List<Finding> sorted, int lineFrom, Finding f) {
    for (int j = lineFrom; j < sorted.size() && sorted.get(j).line() == f.line(); j++) {
      Finding g = sorted.get(j);
      if (!g.rule().generic() && overlaps(f, g)) {
        return true;
      }
    }
    return false;
  }

  private static boolean overlaps(Finding a, Finding b) {
    int a0 = a.column();
    int a1 = a0 + a.secret().length();
    int b0 = b.column();
    int b1 = b0 + b.secret().length();
    return a0 < b1 && b0 < a1;
  }
}
