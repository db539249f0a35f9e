package dev.sealant.catalog;

import dev.sealant.kernel.Severity;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shipped catalog in a compact binary form, written at build time from {@code patterns/} and
 * read at run time instead of the YAML: a hook should not pay for a YAML parser and two hundred
 * regex compilations to scan five files. It holds everything detection needs and no examples
 * ({@code sealant rules test} reads the YAML). Regexes compile lazily, on a rule's first keyword
 * hit. A test checks it equals the YAML catalog field for field.
 */
public final class CompiledCatalog {

  static final String RESOURCE = "dev/sealant/catalog.bin";
  private static final int MAGIC = 0x53434154; // "SCAT"
  private static final int VERSION = 5;

  private CompiledCatalog() {}

  /** Build step: {@code CompiledCatalog PATTERNS_DIR OUTPUT_FILE}. */
  public static void main(String[] args) throws IOException {
    Catalog c = CatalogLoader.load(Path.of(args[0]));
    Path out = Path.of(args[1]);
    Files.createDirectories(out.getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(c, o);
    }
  }

  public static void write(Catalog c, OutputStream out) throws IOException {
    Writer w = new Writer();
    w.d.writeInt(c.rules().size());
    for (Rule r : c.rules()) {
      w.str(r.id());
      w.str(r.description());
      w.strings(r.keywords());
      w.str(r.regex());
      w.d.writeInt(r.secretGroup());
      w.d.writeDouble(r.minEntropy());
      w.optional(r.path().map(LazyPattern::source));
      w.strings(r.allow().stopwords());
      w.strings(r.allow().regexes().stream().map(LazyPattern::source).toList());
      w.str(r.severity().name());
      w.strings(r.tags());
      w.d.writeBoolean(r.multiline());
      w.optional(r.validate());
      w.d.writeBoolean(r.requireValid());
      w.str(r.origin().file());
      w.d.writeInt(r.origin().line());
      w.optional(r.syntax());
    }
    w.strings(c.allow().paths().stream().map(Glob::glob).toList());
    w.strings(c.allow().values().stopwords());
    w.strings(c.allow().values().regexes().stream().map(LazyPattern::source).toList());
    w.strings(c.allow().quietPaths().stream().map(Glob::glob).toList());
    w.finish(out);
  }

  /**
   * Reads the catalog. Every string sits in one UTF-8 pool decoded in a single call, and the
   * structure is plain numbers: a hook reads this before anything is compiled, and decoding two
   * thousand strings one by one in the interpreter cost it milliseconds.
   */
  public static Catalog read(InputStream in) throws IOException {
    Reader d = new Reader(in.readAllBytes());
    int n = d.count();
    List<Rule> rules = new ArrayList<>(n);
    Examples none = new Examples(List.of(), List.of());
    for (int i = 0; i < n; i++) {
      String id = d.str();
      String description = d.str();
      List<String> keywords = d.strings();
      String regex = d.str();
      int group = d.b.getInt();
      double entropy = d.b.getDouble();
      Optional<String> pathSource = d.optional();
      Optional<LazyPattern> path =
          pathSource.isPresent()
              ? Optional.of(LazyPattern.deferred(pathSource.get()))
              : Optional.empty();
      RuleAllow allow = new RuleAllow(d.strings(), d.patterns());
      Severity severity = severity(d.str());
      List<String> tags = d.strings();
      boolean multiline = d.b.get() != 0;
      Optional<String> validate = d.optional();
      boolean requireValid = d.b.get() != 0;
      Origin origin = new Origin(d.str(), d.b.getInt());
      Optional<String> syntax = d.optional();
      rules.add(
          new Rule(
              id,
              description,
              keywords,
              regex,
              LazyPattern.deferred(regex),
              group,
              entropy,
              path,
              allow,
              severity,
              tags,
              multiline,
              validate,
              requireValid,
              none,
              origin,
              syntax));
    }
    List<Glob> paths = globs(d.strings());
    RuleAllow values = new RuleAllow(d.strings(), d.patterns());
    List<Glob> quietPaths = globs(d.strings());
    return new Catalog(rules, new GlobalAllow(paths, quietPaths, values));
  }

  private static List<Glob> globs(List<String> globs) {
    List<Glob> out = new ArrayList<>(globs.size());
    for (String g : globs) {
      out.add(Glob.deferred(g));
    }
    return List.copyOf(out);
  }

  /** Enum.valueOf builds its name table by reflection on first use: a loop is cheaper cold. */
  private static Severity severity(String name) throws IOException {
    for (Severity s : Severity.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IOException("unknown severity " + name);
  }

  /**
   * Numbers in one stream, strings in order in a pool written after a table of their lengths in
   * bytes: negative for the few that are not ASCII, which are decoded as UTF-8; the rest are copied
   * as they are (Latin-1). One non-ASCII string in a pool decoded whole made every string in it a
   * two-byte one, each copied out character by character.
   */
  private static final class Writer {
    final ByteArrayOutputStream numbers = new ByteArrayOutputStream();
    final DataOutputStream d = new DataOutputStream(numbers);
    final List<String> pool = new ArrayList<>();

    void str(String s) {
      pool.add(s);
    }

    void strings(List<String> list) throws IOException {
      d.writeInt(list.size());
      list.forEach(this::str);
    }

    void optional(Optional<String> s) throws IOException {
      d.writeBoolean(s.isPresent());
      s.ifPresent(this::str);
    }

    void finish(OutputStream out) throws IOException {
      DataOutputStream o = new DataOutputStream(out);
      o.writeInt(MAGIC);
      o.writeInt(VERSION);
      o.writeInt(pool.size());
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      for (String s : pool) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(utf8.length == s.length() ? utf8.length : -utf8.length);
        text.writeBytes(utf8);
      }
      o.writeInt(text.size());
      text.writeTo(o);
      d.flush();
      numbers.writeTo(o);
      o.flush();
    }
  }

  private static final class Reader {
    final ByteBuffer b;
    final byte[] bytes;
    final int[] lengths;
    int next;
    int at;

    Reader(byte[] bytes) throws IOException {
      b = ByteBuffer.wrap(bytes);
      try {
        if (b.getInt() != MAGIC || b.getInt() != VERSION) {
          throw new IOException("not a compiled catalog of this version");
        }
        lengths = new int[b.getInt()];
        for (int i = 0; i < lengths.length; i++) {
          lengths[i] = b.getInt();
        }
        int size = b.getInt();
        this.bytes = bytes;
        at = b.position();
        b.position(at + size);
      } catch (BufferUnderflowException
          | IndexOutOfBoundsException
          | NegativeArraySizeException e) {
        throw new IOException("truncated compiled catalog", e);
      }
    }

    int count() {
      return b.getInt();
    }

    String str() {
      int len = lengths[next++];
      int n = Math.abs(len);
      String s =
          new String(bytes, at, n, len >= 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    List<String> strings() {
      int n = b.getInt();
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = str();
      }
      return List.of(out);
    }

    List<LazyPattern> patterns() {
      int n = b.getInt();
      LazyPattern[] out = new LazyPattern[n];
      for (int i = 0; i < n; i++) {
        out[i] = LazyPattern.deferred(str());
      }
      return List.of(out);
    }

    Optional<String> optional() {
      return b.get() != 0 ? Optional.of(str()) : Optional.empty();
    }
  }
}
