package dev.sealant.catalog;

import dev.sealant.error.CatalogException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Loads pattern catalogs: the built-in one shipped in the jar (the very files under the project's
 * {@code patterns/}), or a user's directory of {@code *.yaml} files. All or nothing: the first
 * problem aborts the load with a {@link CatalogException} naming file, line and rule id.
 */
public final class CatalogLoader {

  static final String BUILT_IN_ROOT = "dev/sealant/patterns/";

  private static final Set<String> FILE_KEYS = Set.of("rules", "allow");

  private CatalogLoader() {}

  /** A catalog file's name and text, as read from disk or the jar. */
  public record Source(String name, String text) {}

  /** The built-in catalog as first read, and what identifies it (see {@link #identity}). */
  private record Shipped(Catalog catalog, String identity) {}

  private static Shipped shipped;

  /**
   * The catalog shipped inside Sealant, for scanning: its compiled form (no examples, regexes
   * compiled on first use) when the build produced one, else the YAML. Read once: it is immutable.
   */
  public static Catalog builtIn() {
    return shipped().catalog();
  }

  private static synchronized Shipped shipped() {
    if (shipped == null) {
      shipped = readShipped();
    }
    return shipped;
  }

  private static Shipped readShipped() {
    try {
      Optional<byte[]> compiled = compiledBytes();
      if (compiled.isPresent()) {
        byte[] bytes = compiled.get();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return new Shipped(
            CompiledCatalog.read(new ByteArrayInputStream(bytes)),
            "built-in catalog: "
                + bytes.length
                + " bytes, crc32 "
                + crc.getValue()
                + ", adler32 "
                + adler.getValue());
      }
    } catch (IOException | RuntimeException e) {
      // fall back to the YAML, which is always shipped
    }
    Catalog yaml = builtInWithExamples();
    return new Shipped(yaml, yaml.toString());
  }

  /**
   * The compiled catalog's bytes, read from the jar this class came from (or its class directory)
   * directly: through the class loader's resource lookup, the URL and jar-connection machinery cost
   * a pre-commit hook 3-9 ms, against 1 ms for the jar. Empty when the build made none.
   */
  private static Optional<byte[]> compiledBytes() throws IOException {
    try {
      Path self =
          Path.of(CatalogLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self)) {
        try (JarFile jar = new JarFile(self.toFile(), false)) {
          JarEntry e = jar.getJarEntry(CompiledCatalog.RESOURCE);
          if (e != null) {
            try (InputStream in = jar.getInputStream(e)) {
              return Optional.of(in.readAllBytes());
            }
          }
        }
      } else if (Files.isRegularFile(self.resolve(CompiledCatalog.RESOURCE))) {
        return Optional.of(Files.readAllBytes(self.resolve(CompiledCatalog.RESOURCE)));
      }
    } catch (URISyntaxException | RuntimeException e) {
      // not a plain file or directory: the class loader knows where it is
    }
    try (InputStream in =
        CatalogLoader.class.getClassLoader().getResourceAsStream(CompiledCatalog.RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    }
  }

  /**
   * What a catalog detects with, as a string for cache keys: every field of every rule, or, for the
   * built-in catalog, the length and checksums of the compiled form it was read from (the jar holds
   * it; spelling out its 211 rules cost a cached rescan 35-55 ms).
   */
  @SuppressWarnings(
      "ReferenceEquality") // the very instance read from those bytes, not an equal one
  public static String identity(Catalog c) {
    Shipped s = shipped;
    return s != null && s.catalog() == c ? s.identity() : c.toString();
  }

  /** The shipped catalog parsed from its YAML, examples included ({@code sealant rules test}). */
  public static Catalog builtInWithExamples() {
    return parse(readBuiltIn());
  }

  /** Every {@code *.yaml}/{@code *.yml} file of a directory (sorted), or one file. */
  public static Catalog load(Path dirOrFile) {
    Catalog c = parse(readPath(dirOrFile));
    if (c.rules().isEmpty()) {
      // Scanning with no rule finds nothing and would look clean: refuse instead.
      throw new CatalogException(
          dirOrFile + ": no rules (the catalog files are empty or only set 'allow')");
    }
    return c;
  }

  public static List<Source> readPath(Path dirOrFile) {
    if (!Files.exists(dirOrFile)) {
      throw new CatalogException(dirOrFile + ": no such file or directory");
    }
    List<Path> files;
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> s = Files.list(dirOrFile)) {
        files =
            s.filter(p -> isYaml(p.getFileName().toString()) && Files.isRegularFile(p))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new CatalogException(dirOrFile + ": cannot list directory: " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new CatalogException(dirOrFile + ": no *.yaml files in this directory");
      }
    } else {
      files = List.of(dirOrFile);
    }
    List<Source> out = new ArrayList<>();
    for (Path f : files) {
      try {
        if (!Files.isRegularFile(f) || Files.size(f) > YamlTree.MAX_FILE_BYTES) {
          throw new CatalogException(
              f + ":1: not a regular file of at most " + YamlTree.MAX_FILE_BYTES + " bytes");
        }
        out.add(new Source(f.toString(), decodeUtf8(f.toString(), Files.readAllBytes(f))));
      } catch (IOException e) {
        throw new CatalogException(f + ": cannot read: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  static String decodeUtf8(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CatalogException(name + ":1: not valid UTF-8");
    }
  }

  /**
   * The built-in catalog files, listed from the class path (a directory in tests, the jar when
   * installed).
   */
  public static List<Source> readBuiltIn() {
    URL root = CatalogLoader.class.getClassLoader().getResource(BUILT_IN_ROOT);
    if (root == null) {
      throw new CatalogException(
          "built-in catalog missing from the class path (" + BUILT_IN_ROOT + ")");
    }
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(root.getProtocol())) {
        JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String n = entries.nextElement().getName();
          if (n.startsWith(BUILT_IN_ROOT)
              && isYaml(n)
              && n.indexOf('/', BUILT_IN_ROOT.length()) < 0) {
            names.add(n.substring(BUILT_IN_ROOT.length()));
          }
        }
      } else {
        try (Stream<Path> s = Files.list(Path.of(root.toURI()))) {
          s.map(p -> p.getFileName().toString()).filter(CatalogLoader::isYaml).forEach(names::add);
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new CatalogException("cannot list the built-in catalog: " + e.getMessage(), e);
    }
    names.sort(null);
    List<Source> out = new ArrayList<>();
    for (String n : names) {
      try (InputStream in =
          CatalogLoader.class.getClassLoader().getResourceAsStream(BUILT_IN_ROOT + n)) {
        if (in == null) {
          throw new CatalogException("built-in catalog file missing: " + n);
        }
        out.add(new Source("patterns/" + n, decodeUtf8("patterns/" + n, in.readAllBytes())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** Parses and validates catalog files; ids must be unique across all of them. */
  public static Catalog parse(List<Source> sources) {
    List<Rule> rules = new ArrayList<>();
    GlobalAllow allow = GlobalAllow.NONE;
    for (Source src : sources) {
      YamlTree.Value doc = YamlTree.parse(src.name(), src.text(), YamlTree.Kind.CATALOG);
      Map<String, YamlTree.Value> top = doc.mapping(FILE_KEYS);
      if (top.containsKey("allow")) {
        allow = allow.plus(globalAllow(top.get("allow")));
      }
      if (top.containsKey("rules")) {
        for (YamlTree.Value r : top.get("rules").sequence()) {
          rules.add(RuleParser.rule(r));
        }
      }
    }
    checkUniqueIds(rules);
    return new Catalog(rules, allow);
  }

  static void checkUniqueIds(List<Rule> rules) {
    Map<String, Rule> seen = new HashMap<>();
    for (Rule r : rules) {
      Rule prev = seen.putIfAbsent(r.id(), r);
      if (prev != null) {
        throw new CatalogException(
            r.origin()
                + ": rule '"
                + r.id()
                + "': duplicate id (first defined at "
                + prev.origin()
                + ")");
      }
    }
  }

  /** Parses the {@code allow:} block of a catalog or config file. */
  public static GlobalAllow globalAllow(YamlTree.Value v) {
    return RuleParser.globalAllow(v);
  }

  /** Parses a {@code rules:} list (also used by repository configuration files). */
  public static List<Rule> rules(YamlTree.Value list) {
    return RuleParser.rules(list);
  }
}
