package dev.sealant.detect;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.Glob;
import dev.sealant.catalog.GlobalAllow;
import dev.sealant.catalog.Rule;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Suppression;
import dev.sealant.validate.Validators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The detection engine: pure, immutable once built, safe to share across threads.
 *
 * <p>Per fragment: one Aho-Corasick pass finds the lines that carry any rule's keyword; only those
 * rules' RE2J patterns then run, on those lines only (a window around the keyword on very long
 * lines; a bounded span from the line for multi-line rules such as PEM blocks), anchored at the few
 * offsets where a match can start ({@link RuleMatcher}) rather than searching the whole line. Each
 * candidate secret then passes entropy, the rule's and the catalog's allowlists, the rule's offline
 * validator and inline annotations. A generic rule yields to a specific rule that found an
 * overlapping secret.
 *
 * <p>This class is longer than the house's usual limit because the hot loop and its bookkeeping are
 * kept together on purpose: splitting them would add per-line calls and allocations.
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

  /** Rules without keywords, whose path names the files they read line by line. */
  private final int[] fileRules;

  /** Every provider rule's keywords: the fixed prefixes {@link KeyBody} cuts before its floor. */
  private final Prefixes prefixes;

  /** Each rule's bit in {@link #pathMatches}' sets when it has a path regex, else -1. */
  private final int[] pathBit;

  /**
   * Memoised path regex results: per path, which rules (by {@link #pathBit}) were asked about and
   * whose path regex finds a match in it (bounded). A history scan meets each path in many
   * fragments: each ran every file-kind rule's regex again, a fifth of commons-lang's full-history
   * scan.
   */
  private final ConcurrentHashMap<String, PathRules> pathMatches;

  private final int pathBits;

  /** Paths {@link #pathMatches} holds at most: a few MiB (the paths themselves are shared). */
  private static final int MAX_PATH_MATCHES = 1 << 16;

  /** Memoised path allowlist verdicts (a pure function of the path; bounded). */
  private final ConcurrentHashMap<String, Byte> pathVerdicts = new ConcurrentHashMap<>();

  /**
   * High-confidence rules only, for quiet paths; racy lazy init of an immutable value is benign.
   */
  private volatile Detector quiet;

  /** Where decisions are reported ({@code sealant explain}); null for the shared detector. */
  private final Trace trace;

  /** This detector without a trace (itself when it has none). */
  private final Detector plain;

  /** Where the last trace step was, so the next costs O(1) (null without a trace). */
  private final TracePositions tracePositions;

  static final int MAX_PATH_VERDICTS = 1 << 18;

  /**
   * {@link KeyBody#prefixes}, worked out on the first candidate: most hook runs find none. Shared
   * by a detector's traced copies; racy lazy init of an immutable value is benign.
   */
  private static final class Prefixes {
    private final List<Rule> rules;
    private volatile List<String> value;

    Prefixes(List<Rule> rules) {
      this.rules = rules;
    }

    List<String> get() {
      List<String> v = value;
      if (v == null) {
        v = KeyBody.prefixes(rules);
        value = v;
      }
      return v;
    }
  }

  public Detector(Catalog catalog) {
    this(catalog, true);
  }

  /**
   * @param inlineAllow honour {@code sealant:allow} annotations (auditors turn this off)
   */
  public Detector(Catalog catalog, boolean inlineAllow) {
    this.catalog = catalog;
    this.rules = catalog.rules().toArray(new Rule[0]);
    // Plain loops: a pre-commit hook builds this once, in the interpreter, where each stream
    // pipeline's first use costs more than the loop it replaces.
    List<Optional<Predicate<String>>> checks = new ArrayList<>(rules.length);
    List<List<String>> keywords = new ArrayList<>(rules.length);
    int[] keywordless = new int[rules.length];
    int files = 0;
    for (int i = 0; i < rules.length; i++) {
      checks.add(rules[i].validate().flatMap(Validators::byName));
      keywords.add(rules[i].keywords());
      if (rules[i].keywords().isEmpty()) {
        keywordless[files++] = i;
      }
    }
    this.validators = List.copyOf(checks);
    this.index = new KeywordIndex(keywords);
    this.inlineAllow = inlineAllow;
    this.prefixes = new Prefixes(catalog.rules());
    this.matchers = new AtomicReferenceArray<>(rules.length);
    this.fileRules = Arrays.copyOf(keywordless, files);
    this.pathBit = new int[rules.length];
    int bits = 0;
    for (int i = 0; i < rules.length; i++) {
      pathBit[i] = rules[i].path().isPresent() ? bits++ : -1;
    }
    this.pathBits = bits;
    this.pathMatches = new ConcurrentHashMap<>();
    this.trace = null;
    this.plain = this;
    this.tracePositions = null;
  }

  /** The same detector reporting its decisions to {@code trace}: shares every compiled part. */
  private Detector(Detector base, Trace trace) {
    this.catalog = base.catalog;
    this.rules = base.rules;
    this.validators = base.validators;
    this.index = base.index;
    this.inlineAllow = base.inlineAllow;
    this.matchers = base.matchers;
    this.fileRules = base.fileRules;
    this.pathBit = base.pathBit;
    this.pathMatches = base.pathMatches;
    this.pathBits = base.pathBits;
    this.prefixes = base.prefixes;
    this.trace = trace;
    this.plain = base.plain;
    this.tracePositions = new TracePositions();
  }

  @Override
  public Detector traced(Trace t) {
    return new Detector(plain, t);
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
   * True when the catalog's path allowlist says this path is never read. Remembered per path (with
   * the quiet-path verdict): a history scan asks for the same few thousand paths hundreds of
   * thousands of times.
   */
  @Override
  public boolean pathAllowed(String path) {
    return pathVerdict(path) == SKIP;
  }

  /**
   * {@link Rule#appliesTo}, memoised per path (see {@link #pathMatches}): only the rule asked about
   * is evaluated, once per path; past the bound, every question is answered directly.
   */
  private boolean appliesTo(int rule, String path) {
    int bit = pathBit[rule];
    if (bit < 0) {
      return true;
    }
    PathRules known = pathMatches.get(path);
    if (known == null) {
      if (pathMatches.size() >= MAX_PATH_MATCHES) {
        return rules[rule].appliesTo(path);
      }
      PathRules fresh = new PathRules(pathBits);
      known = pathMatches.putIfAbsent(path, fresh);
      known = known == null ? fresh : known;
    }
    return known.applies(bit, rules[rule], path);
  }

  /** Of one path: which path rules were evaluated, and which of those matched. */
  private static final class PathRules {
    private final long[] asked;
    private final long[] matched;

    PathRules(int bits) {
      asked = new long[(bits + 63) >>> 6];
      matched = new long[asked.length];
    }

    /** Workers share the detector: the two sets change together, under this object's lock. */
    synchronized boolean applies(int bit, Rule rule, String path) {
      int w = bit >>> 6;
      long m = 1L << bit;
      if ((asked[w] & m) == 0) {
        if (rule.appliesTo(path)) {
          matched[w] |= m;
        }
        asked[w] |= m;
      }
      return (matched[w] & m) != 0;
    }
  }

  private static final byte READ = 0;
  private static final byte QUIET = 1;
  private static final byte SKIP = 2;

  private byte pathVerdict(String path) {
    GlobalAllow allow = catalog.allow();
    if (path.equals(Fragment.COMMIT_MESSAGE)) {
      return allow.allowsPath(path) ? SKIP : QUIET;
    }
    if (allow.paths().isEmpty() && allow.quietPaths().isEmpty()) {
      return READ;
    }
    Byte known = pathVerdicts.get(path);
    if (known == null) {
      known = allow.allowsPath(path) ? SKIP : allow.quietGlob(path).isPresent() ? QUIET : READ;
      if (pathVerdicts.size() < MAX_PATH_VERDICTS) {
        pathVerdicts.put(path, known);
      }
    }
    return known;
  }

  /**
   * The detector for quiet paths: this catalog's high-confidence rules only (built on first use,
   * most scans never meet a quiet path).
   */
  private Detector quiet() {
    Detector q = quiet;
    if (q == null) {
      GlobalAllow a = catalog.allow();
      q =
          new Detector(
              new Catalog(
                  catalog.rules().stream().filter(Rule::highConfidence).toList(),
                  new GlobalAllow(a.paths(), List.of(), a.values())),
              inlineAllow);
      if (trace != null) {
        q = q.traced(trace);
      }
      quiet = q;
    }
    return q;
  }

  /** How many layers of encoding the detector looks through (base64 inside base64, say). */
  static final int MAX_DECODE_DEPTH = 2;

  /** Every finding in the fragment, sorted by position then rule id; suppressed ones included. */
  @Override
  public List<Finding> scan(Fragment fragment) {
    if (rules.length == 0) {
      return List.of();
    }
    byte verdict = pathVerdict(fragment.path());
    if (trace != null) {
      tracePath(fragment.path(), verdict);
    }
    if (verdict == SKIP) {
      return List.of();
    }
    if (verdict == QUIET || fragment.binary()) {
      return quiet().readable(fragment);
    }
    return readable(fragment);
  }

  /** The findings of a fragment the path allowlists let through. */
  private List<Finding> readable(Fragment fragment) {
    List<Finding> found = scan(fragment, MAX_DECODE_DEPTH);
    return Notebook.is(fragment.path()) ? withCells(fragment, found) : found;
  }

  /** A notebook's findings plus those only its decoded cells show, at the notebook's positions. */
  private List<Finding> withCells(Fragment fragment, List<Finding> raw) {
    Optional<Notebook.Cells> cells = Notebook.read(fragment.text());
    if (cells.isEmpty()) {
      return raw;
    }
    Notebook.Cells c = cells.get();
    String text = fragment.text();
    List<Finding> all = new ArrayList<>(raw);
    if (trace != null) {
      step(
          Trace.Kind.DECODED,
          fragment,
          -1,
          null,
          "",
          "notebook: cell sources and outputs decoded from their"
              + " JSON strings; findings there are mapped back to the notebook's lines (cell steps not traced)",
          true);
    }
    for (Finding f :
        plain.scan(
            new Fragment(fragment.path(), fragment.commit(), 1, c.text()), MAX_DECODE_DEPTH)) {
      int off = offsetOf(c.text(), f.line() - 1, f.column());
      if (off < 0 || off >= c.origin().length) {
        continue;
      }
      int abs = c.origin()[off];
      int start = lineStart(text, abs);
      int line = fragment.firstLine() + new LineLocator(text).lineIndex(start);
      int column = abs - start + 1;
      Optional<Finding> same =
          raw.stream()
              .filter(
                  r -> r.line() == line && r.column() == column && r.ruleId().equals(f.ruleId()))
              .findFirst();
      if (same.isPresent()) {
        if (same.get().secret().equals(f.secret())) {
          continue;
        }
        // The raw JSON read the value with one layer of escaping still in it (a Python '\\' is
        // '\\\\' in the file): the cell's reading is the secret.
        all.remove(same.get());
        if (trace != null) {
          step(
              Trace.Kind.RESOLVE,
              same.get(),
              "replaced by the notebook cell's reading at the same place (one layer"
                  + " of escaping less)",
              false);
        }
      }
      String encoding = f.encoding().map(e -> "json+" + e).orElse("json");
      all.add(
          new Finding(
              f.rule(),
              f.path(),
              line,
              column,
              f.secret(),
              f.entropy(),
              f.fingerprint(),
              f.commit(),
              f.validated(),
              Optional.of(encoding),
              f.suppression()));
    }
    return resolve(all);
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
      if (decoded.stream()
          .noneMatch(
              d ->
                  d.line() == r.line()
                      && d.ruleId().equals(r.ruleId())
                      && d.column() == r.column())) {
        all.add(r);
      } else if (trace != null) {
        step(
            Trace.Kind.RESOLVE,
            r,
            "replaced by the decoded secret at the same place (its fingerprint is the plain"
                + " value's)",
            false);
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
    LineLocator lines = new LineLocator(text);
    for (int start : lineStarts) {
      List<Decoding.Variant> variants =
          Decoding.variants(text.substring(start, lineEnd(text, start)));
      if (variants.isEmpty()) {
        continue; // most candidate lines decode to nothing; their line number is never needed
      }
      int lineNo = fragment.firstLine() + lines.lineIndex(start);
      for (Decoding.Variant v : variants) {
        Fragment vf = new Fragment(fragment.path(), fragment.commit(), lineNo, v.text());
        if (trace != null) {
          step(
              Trace.Kind.DECODED,
              vf,
              v.decodedFrom(),
              null,
              "",
              v.encoding()
                  + " value at column "
                  + (v.origin()[v.decodedFrom()] + 1)
                  + " decoded in place; the rules run on the decoded line"
                  + " (columns below are in the decoded text)",
              true);
        }
        for (Finding f : scan(vf, depth - 1)) {
          Optional<Finding> mapped = mapDecoded(f, v, lineNo);
          mapped.ifPresent(out::add);
          if (mapped.isEmpty() && trace != null) {
            step(
                Trace.Kind.RESOLVE,
                vf,
                -1,
                ruleOf(f).orElse(null),
                f.secret(),
                "dropped: a generic rule counts on decoded text"
                    + " only when the whole decoded value is the secret",
                false);
          }
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
    return Optional.of(
        new Finding(
            f.rule(),
            f.path(),
            lineNo,
            column,
            f.secret(),
            f.entropy(),
            f.fingerprint(),
            f.commit(),
            f.validated(),
            Optional.of(encoding),
            f.suppression()));
  }

  /** Offset in {@code text} of 1-based {@code column} on the line {@code lineIndex} lines down. */
  private static int offsetOf(String text, int lineIndex, int column) {
    int at = 0;
    for (int k = 0; k < lineIndex; k++) {
      int e = lineEnd(text, at);
      if (e >= text.length()) {
        return -1;
      }
      at =
          e
              + (text.charAt(e) == '\r' && e + 1 < text.length() && text.charAt(e + 1) == '\n'
                  ? 2
                  : 1);
    }
    return at + column - 1;
  }

  private List<Finding> scanRaw(Fragment fragment) {
    String text = fragment.text();
    int[] spans = keywordSpans(text);
    if (spans.length == 0 && fileRules.length == 0) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    LineLocator lines = new LineLocator(text);
    for (int rule : fileRules) {
      if (appliesTo(rule, fragment.path())) {
        if (trace != null) {
          step(
              Trace.Kind.RULE,
              fragment,
              -1,
              rules[rule],
              "",
              "file-kind rule: its path regex names this file," + " so it reads every line",
              true);
        }
        everyLine(fragment, rule, found, lines);
      }
    }
    boolean[] pathChecked = new boolean[rules.length];
    boolean[] pathOk = new boolean[rules.length];
    for (int s = 0; s < spans.length; s += SPAN_INTS) {
      int rule = spans[s];
      Rule r = rules[rule];
      if (!pathChecked[rule]) {
        pathChecked[rule] = true;
        pathOk[rule] = appliesTo(rule, fragment.path());
      }
      if (trace != null) {
        traceRule(fragment, r, spans[s + 2], spans[s + 3], pathOk[rule]);
      }
      if (pathOk[rule]) {
        match(fragment, rule, spans[s + 1], spans[s + 2], spans[s + 3], spans[s + 4], found, lines);
      }
    }
    return resolve(found);
  }

  /** Ints per span: rule, context start, from, to, context end. */
  private static final int SPAN_INTS = 5;

  /** A file-kind rule (no keywords; its path names the files) runs on every non-empty line. */
  private void everyLine(Fragment fragment, int rule, List<Finding> found, LineLocator lines) {
    String text = fragment.text();
    int at = 0;
    while (at < text.length()) {
      int end = lineEnd(text, at);
      if (end > at) {
        int to =
            rules[rule].multiline()
                ? (int) Math.min(text.length(), (long) at + MULTILINE_SPAN)
                : end;
        match(fragment, rule, at, at, to, to, found, lines);
      }
      at = end + 1;
    }
  }

  /**
   * The keyword pass, turned into the spans each rule's regex must search: {@code [rule,
   * contextStart, from, to, contextEnd]} per span. A line up to {@link #LONG_LINE} is one span per
   * rule whose keyword it holds. On a longer line each keyword hit asks for {@link #WINDOW}
   * characters either side, and the windows of one rule on one line are merged, so the spans of a
   * rule never overlap and their total length is at most the line's: the regex work is O(line
   * length) per rule however often a keyword repeats (a line of one keyword repeated once cost one
   * 2,048-character window per hit, quadratic). A multi-line rule searches from its keyword's line
   * to {@link #MULTILINE_SPAN} further on, and those spans merge the same way.
   */
  private int[] keywordSpans(String text) {
    long[] raw = index.hits(text);
    if (raw.length == 0) {
      return new int[0];
    }
    int n = rules.length;
    int[] open = new int[n * 4]; // per rule: context start, from, to, context end; from < 0: none
    for (int r = 0; r < n; r++) {
      open[r * 4 + 1] = -1;
    }
    int[] out = new int[64];
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
      boolean longLine = lineEnd - lineStart > LONG_LINE;
      for (int r : rs) {
        int cs;
        int from;
        int to;
        int ce;
        if (rules[r].multiline()) {
          cs = lineStart;
          from = lineStart;
          to = (int) Math.min(text.length(), (long) lineStart + MULTILINE_SPAN);
          ce = to;
        } else if (longLine) {
          cs = lineStart;
          from = Math.max(lineStart, i + 1 - WINDOW);
          to = (int) Math.min(lineEnd, (long) i + 1 + WINDOW);
          ce = lineEnd;
        } else {
          cs = lineStart;
          from = lineStart;
          to = lineEnd;
          ce = lineEnd;
        }
        int o = r * 4;
        if (open[o + 1] >= 0 && (rules[r].multiline() || open[o] == cs) && from <= open[o + 2]) {
          // Overlaps (or touches) the rule's open span on this line: grow it.
          open[o + 2] = Math.max(open[o + 2], to);
          open[o + 3] = Math.max(open[o + 3], ce);
          continue;
        }
        if (open[o + 1] >= 0) {
          out = flush(out, count, r, open);
          count += SPAN_INTS;
        }
        open[o] = cs;
        open[o + 1] = from;
        open[o + 2] = to;
        open[o + 3] = ce;
      }
    }
    for (int r = 0; r < n; r++) {
      if (open[r * 4 + 1] >= 0) {
        out = flush(out, count, r, open);
        count += SPAN_INTS;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private static int[] flush(int[] out, int count, int r, int[] open) {
    int[] o = count + SPAN_INTS > out.length ? Arrays.copyOf(out, out.length * 2) : out;
    o[count] = r;
    System.arraycopy(open, r * 4, o, count + 1, 4);
    return o;
  }

  private void match(
      Fragment fragment,
      int ruleIndex,
      int contextStart,
      int from,
      int to,
      int contextEnd,
      List<Finding> out,
      LineLocator lines) {
    int[] read = new int[1];
    RuleMatcher.Sink sink =
        (abs, secret) -> {
          read[0]++;
          candidate(fragment, ruleIndex, abs, secret, lines).ifPresent(out::add);
        };
    if (trace != null) {
      matchTraced(fragment, ruleIndex, contextStart, from, to, contextEnd, sink, read);
      return;
    }
    matchUntraced(fragment, ruleIndex, contextStart, from, to, contextEnd, sink);
  }

  /**
   * Runs the rule, then says so when it read nothing: a reader declining a value is a decision too.
   */
  private void matchTraced(
      Fragment fragment,
      int ruleIndex,
      int contextStart,
      int from,
      int to,
      int contextEnd,
      RuleMatcher.Sink sink,
      int[] read) {
    matchUntraced(fragment, ruleIndex, contextStart, from, to, contextEnd, sink);
    if (read[0] == 0) {
      Rule r = rules[ruleIndex];
      step(
          Trace.Kind.MATCH,
          fragment,
          from,
          r,
          "",
          r.syntax().isPresent()
              ? "no literal credential value read on this line"
              : "regex found no match",
          false);
    }
  }

  private void matchUntraced(
      Fragment fragment,
      int ruleIndex,
      int contextStart,
      int from,
      int to,
      int contextEnd,
      RuleMatcher.Sink sink) {
    Rule r = rules[ruleIndex];
    String text = fragment.text();
    if (r.syntax().isPresent()) {
      SyntaxMatcher.findAll(r, fragment.path(), text, from, to, sink);
      return;
    }
    if (r.multiline()) {
      String window = loneCrAsLf(text, from, to);
      if (window != null) {
        int base = from;
        matcher(ruleIndex)
            .findAll(
                window,
                0,
                0,
                window.length(),
                window.length(),
                (abs, secret) -> sink.match(base + abs, secret));
        return;
      }
    }
    matcher(ruleIndex).findAll(text, contextStart, from, to, contextEnd, sink);
  }

  /**
   * The window {@code [from, to)} with every lone CR (a classic Mac OS line end) turned into LF, or
   * null when it has none. Multiline rules spell a line break {@code \r?\n}, as every line end but
   * this one is; the detector counts a lone CR as a line end, so a key block written with them must
   * match too. Same length, so offsets in the window are offsets in the text.
   */
  static String loneCrAsLf(String text, int from, int to) {
    char[] w = null;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != '\r' || (i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
        continue;
      }
      if (w == null) {
        w = text.substring(from, to).toCharArray();
      }
      w[i - from] = '\n';
    }
    return w == null ? null : new String(w);
  }

  /** Characters the rules' matchers have examined so far (for tests that count work, not time). */
  long charactersExamined() {
    long sum = 0;
    for (int r = 0; r < rules.length; r++) {
      RuleMatcher m = matchers.get(r);
      if (m != null) {
        sum += m.examined();
      }
    }
    return sum;
  }

  private Optional<Finding> candidate(
      Fragment fragment, int ruleIndex, int abs, String secret, LineLocator lines) {
    Rule r = rules[ruleIndex];
    double entropy = Entropy.shannon(secret);
    if (trace != null) {
      traceChecks(fragment, ruleIndex, abs, secret, entropy);
    }
    if (entropy < r.minEntropy() || KeyBody.isFake(secret, prefixes.get())) {
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
    if (trace != null) {
      step(
          Trace.Kind.CHECK,
          fragment,
          abs,
          r,
          secret,
          suppression.isEmpty()
              ? "inline annotation: none"
              : "inline annotation: sealant:allow"
                  + suppression.get().reason().map(x -> " (reason given)").orElse("")
                  + " marks it suppressed",
          suppression.isEmpty());
    }
    return Optional.of(
        new Finding(
            r.ref(),
            fragment.path(),
            lineNo,
            column,
            secret,
            entropy,
            Fingerprints.of(r.id(), secret),
            fragment.commit(),
            validated,
            Optional.empty(),
            suppression));
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
  private static final Comparator<Finding> ORDER =
      (a, b) -> {
        int c = Integer.compare(a.line(), b.line());
        if (c == 0) {
          c = Integer.compare(a.column(), b.column());
        }
        return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
      };

  /** Drops duplicates and generic findings overlapped by a specific one; sorts by position. */
  private List<Finding> resolve(List<Finding> found) {
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
      if (prev != null
          && prev.ruleId().equals(f.ruleId())
          && prev.line() == f.line()
          && prev.column() == f.column()) {
        continue;
      }
      if (f.rule().generic() && overlappedBySpecific(found, lineFrom, f)) {
        if (trace != null) {
          traceStepAside(found, lineFrom, f);
        }
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

  // Tracing (sealant explain): only ever called when a trace is set.

  private void tracePath(String path, byte verdict) {
    GlobalAllow a = catalog.allow();
    String detail =
        verdict == SKIP
            ? "never read: path allowlist '" + a.pathGlob(path).map(Glob::glob).orElse("?") + "'"
            : verdict == QUIET
                ? "quiet path '"
                    + a.quietGlob(path).map(Glob::glob).orElse("?")
                    + "': only high-confidence rules run here (generic and context rules step aside)"
                : "read by every rule (no path allowlist or quiet-path glob matches)";
    trace.step(
        new Trace.Step(Trace.Kind.PATH, path, 0, 0, Optional.empty(), "", detail, verdict != SKIP));
  }

  private void traceRule(Fragment fragment, Rule r, int from, int to, boolean pathOk) {
    String text = fragment.text();
    String keyword = "?";
    int at = from;
    search:
    for (int i = from; i < to; i++) {
      for (String k : r.keywords()) {
        if (text.regionMatches(true, i, k, 0, k.length())) {
          keyword = k;
          at = i + k.length();
          break search;
        }
      }
    }
    step(
        Trace.Kind.RULE,
        fragment,
        Math.max(from, at - 1),
        r,
        "",
        pathOk
            ? "keyword '" + keyword + "' found: " + reader(r) + " runs"
            : "keyword '"
                + keyword
                + "' found, but the rule's path regex does not match this file:"
                + " skipped",
        pathOk);
  }

  private void traceChecks(
      Fragment fragment, int ruleIndex, int abs, String secret, double entropy) {
    Rule r = rules[ruleIndex];
    step(
        Trace.Kind.MATCH,
        fragment,
        abs,
        r,
        secret,
        r.syntax().isPresent() ? reader(r) + " read a value" : "regex matched",
        true);
    boolean ok = entropy >= r.minEntropy();
    step(
        Trace.Kind.CHECK,
        fragment,
        abs,
        r,
        secret,
        r.minEntropy() > 0
            ? String.format(
                Locale.ROOT,
                "entropy %.2f bits per character against the threshold %.2f",
                entropy,
                r.minEntropy())
            : String.format(Locale.ROOT, "entropy %.2f (the rule sets no threshold)", entropy),
        ok);
    if (!ok) {
      return;
    }
    boolean fake = KeyBody.isFake(secret, prefixes.get());
    step(
        Trace.Kind.CHECK,
        fragment,
        abs,
        r,
        secret,
        fake
            ? "key-body floor: after its prefix the value is a test fake (a short repeated pattern or a few symbols)"
            : "key-body floor: not a test-fake shape",
        !fake);
    if (fake) {
      return;
    }
    Optional<String> why = r.allow().reason(secret);
    step(
        Trace.Kind.CHECK,
        fragment,
        abs,
        r,
        secret,
        "rule allowlist: " + why.orElse("no entry matches"),
        why.isEmpty());
    if (why.isPresent()) {
      return;
    }
    why = catalog.allow().values().reason(secret);
    step(
        Trace.Kind.CHECK,
        fragment,
        abs,
        r,
        secret,
        "catalog allowlist: " + why.orElse("no entry matches"),
        why.isEmpty());
    if (why.isPresent()) {
      return;
    }
    Optional<Boolean> valid = validators.get(ruleIndex).map(v -> v.test(secret));
    if (valid.isEmpty()) {
      step(Trace.Kind.CHECK, fragment, abs, r, secret, "validator: none", true);
    } else {
      boolean pass = valid.get() || !r.requireValid();
      step(
          Trace.Kind.CHECK,
          fragment,
          abs,
          r,
          secret,
          "validator "
              + r.validate().orElse("?")
              + ": "
              + (valid.get()
                  ? "valid"
                  : r.requireValid()
                      ? "invalid, and the rule requires valid: dropped"
                      : "invalid (reported as unvalidated)"),
          pass);
    }
  }

  /** What a rule runs: its regex, or the syntax reader it names. */
  private static String reader(Rule r) {
    String syntax = r.syntax().orElse("");
    return syntax.equals("assignment")
        ? "the assignment reader"
        : syntax.isEmpty() ? "the rule's regex" : "the " + syntax + " reader";
  }

  private void traceStepAside(List<Finding> sorted, int lineFrom, Finding f) {
    for (int j = lineFrom; j < sorted.size() && sorted.get(j).line() == f.line(); j++) {
      Finding g = sorted.get(j);
      if (!g.rule().generic() && overlaps(f, g)) {
        step(
            Trace.Kind.RESOLVE,
            f,
            "generic rule steps aside: "
                + g.ruleId()
                + " (specific) found an overlapping"
                + " secret at column "
                + g.column(),
            false);
        return;
      }
    }
  }

  /**
   * The catalog rule behind a finding, for the trace (a finding carries only its summary). Traced
   * runs only: a linear look-up by id.
   */
  private Optional<Rule> ruleOf(Finding f) {
    for (Rule r : rules) {
      if (r.id().equals(f.ruleId())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private void step(Trace.Kind kind, Finding f, String detail, boolean pass) {
    trace.step(
        new Trace.Step(kind, f.path(), f.line(), f.column(), ruleOf(f), f.secret(), detail, pass));
  }

  private void step(
      Trace.Kind kind,
      Fragment fragment,
      int abs,
      Rule rule,
      String secret,
      String detail,
      boolean pass) {
    String text = fragment.text();
    int line = 0;
    int column = 0;
    if (abs >= 0) {
      TracePositions p = tracePositions.at(text, abs);
      line = fragment.firstLine() + p.lineIndex;
      column = abs - p.lineStart + 1;
    }
    trace.step(
        new Trace.Step(
            kind, fragment.path(), line, column, Optional.ofNullable(rule), secret, detail, pass));
  }

  /**
   * The line of the last traced offset, kept so that the next step on the same line costs O(1) and
   * one further down costs the distance: a long line with a candidate every few characters (a
   * keyword repeated over megabytes) was quadratic to explain when each step counted its line from
   * the text's start. A traced detector scans one fragment at a time, so one holder serves.
   */
  private static final class TracePositions {
    private String text;
    private LineLocator lines;
    private int lineStart = -1;
    private int lineEnd = -1;
    private int lineIndex;

    TracePositions at(String t, int abs) {
      @SuppressWarnings("ReferenceEquality") // identity: the same fragment's text, not an equal one
      boolean same = t == text;
      if (!same) {
        text = t;
        lines = new LineLocator(t);
        lineStart = -1;
        lineEnd = -1;
      }
      if (lineStart < 0 || abs < lineStart || abs > lineEnd) {
        lineStart = lineStart(t, abs);
        lineEnd = lineEnd(t, lineStart);
        lineIndex = lines.lineIndex(lineStart);
      }
      return this;
    }
  }
}
