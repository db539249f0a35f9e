package dev.sealant.catalog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  private static final int VERSION = 1;

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
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(c.rules().size());
    for (Rule r : c.rules()) {
      d.writeUTF(r.id());
      d.writeUTF(r.description());
      strings(d, r.keywords());
      d.writeUTF(r.regex());
      d.writeInt(r.secretGroup());
      d.writeDouble(r.minEntropy());
      optional(d, r.path().map(LazyPattern::source));
      strings(d, r.allow().stopwords());
      strings(d, r.allow().regexes().stream().map(LazyPattern::source).toList());
      d.writeUTF(r.severity().name());
      strings(d, r.tags());
      d.writeBoolean(r.multiline());
      optional(d, r.validate());
      d.writeBoolean(r.requireValid());
      d.writeUTF(r.origin().file());
      d.writeInt(r.origin().line());
    }
    strings(d, c.allow().paths().stream().map(Glob::glob).toList());
    strings(d, c.allow().values().stopwords());
    strings(d, c.allow().values().regexes().stream().map(LazyPattern::source).toList());
    d.flush();
  }

  public static Catalog read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC || d.readInt() != VERSION) {
      throw new IOException("not a compiled catalog of this version");
    }
    int n = d.readInt();
    List<Rule> rules = new ArrayList<>(n);
    Examples none = new Examples(List.of(), List.of());
    for (int i = 0; i < n; i++) {
      String id = d.readUTF();
      String description = d.readUTF();
      List<String> keywords = strings(d);
      String regex = d.readUTF();
      int group = d.readInt();
      double entropy = d.readDouble();
      Optional<LazyPattern> path = optional(d).map(LazyPattern::deferred);
      RuleAllow allow = new RuleAllow(strings(d), strings(d).stream().map(LazyPattern::deferred).toList());
      Severity severity = Severity.valueOf(d.readUTF());
      List<String> tags = strings(d);
      boolean multiline = d.readBoolean();
      Optional<String> validate = optional(d);
      boolean requireValid = d.readBoolean();
      Origin origin = new Origin(d.readUTF(), d.readInt());
      rules.add(new Rule(id, description, keywords, regex, LazyPattern.deferred(regex), group, entropy, path,
          allow, severity, tags, multiline, validate, requireValid, none, origin));
    }
    List<Glob> paths = strings(d).stream().map(Glob::deferred).toList();
    RuleAllow values = new RuleAllow(strings(d), strings(d).stream().map(LazyPattern::deferred).toList());
    return new Catalog(rules, new GlobalAllow(paths, values));
  }

  private static void strings(DataOutputStream d, List<String> list) throws IOException {
    d.writeInt(list.size());
    for (String s : list) {
      d.writeUTF(s);
    }
  }

  private static List<String> strings(DataInputStream d) throws IOException {
    int n = d.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(d.readUTF());
    }
    return out;
  }

  private static void optional(DataOutputStream d, Optional<String> s) throws IOException {
    d.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      d.writeUTF(s.get());
    }
  }

  private static Optional<String> optional(DataInputStream d) throws IOException {
    return d.readBoolean() ? Optional.of(d.readUTF()) : Optional.empty();
  }
}
