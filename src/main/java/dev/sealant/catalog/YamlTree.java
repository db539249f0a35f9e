package dev.sealant.catalog;

import dev.sealant.error.CatalogException;
import dev.sealant.error.ConfigException;
import dev.sealant.error.SealantException;
import dev.sealant.error.Shown;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Safe, position-aware YAML reading for catalogs and configuration files.
 *
 * <p>snakeyaml-engine composes the document into plain nodes (no constructors run, so no type is
 * ever instantiated from the document); this class maps them by hand and turns every problem into
 * one error naming the file, the line and the key. Limits bound hostile input: document size,
 * aliases; nesting so deep that the composer overflows the stack is reported, not thrown.
 */
public final class YamlTree {

  /** Which error family a problem belongs to: a rule catalog or a configuration file. */
  public enum Kind {
    CATALOG,
    CONFIG
  }

  static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  /**
   * Files larger than this many bytes are refused before they are read (4 bytes per code point).
   */
  public static final long MAX_FILE_BYTES = 4L * MAX_CODE_POINTS;

  static final int MAX_ALIASES = 20;

  private final String file;
  private final Kind kind;

  private YamlTree(String file, Kind kind) {
    this.file = file;
    this.kind = kind;
  }

  /** Parses one YAML document; an empty document yields an empty mapping. */
  public static Value parse(String file, String text, Kind kind) {
    YamlTree tree = new YamlTree(file, kind);
    // snakeyaml-engine counts code points only as it scans tokens, so a document of comments or
    // blank lines passes its limit; count them all first.
    if (text.length() > MAX_CODE_POINTS
        && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      throw tree.error(
          1,
          "invalid YAML: the document is larger than the limit of "
              + MAX_CODE_POINTS
              + " code points");
    }
    int longLine = longLine(text);
    if (longLine > 0) {
      // snakeyaml-engine's scanner slows down badly on one very long token (25 s for 6 MB).
      throw tree.error(
          longLine,
          "invalid YAML: a line is longer than the limit of " + MAX_SCALAR + " characters");
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            .setUseMarks(true)
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      // The parser's words only: its messages quote alias and anchor names and document text.
      throw tree.error(line, "invalid YAML: " + Shown.prose(firstLine(e.getProblem())));
    } catch (YamlEngineException e) {
      throw tree.error(1, "invalid YAML: " + Shown.prose(firstLine(e.getMessage())));
    } catch (StackOverflowError e) {
      throw tree.error(1, "invalid YAML: nesting is too deep");
    }
    if (root.isEmpty()) {
      return tree.new Value(null, "document");
    }
    tree.checkShape(root.get());
    return tree.new Value(root.get(), "document");
  }

  /** Deeper than this, a document is refused (no Sealant file needs more than a handful). */
  static final int MAX_DEPTH = 64;

  /** Longer than this, a scalar is refused (the longest real value, a regex, is a few hundred). */
  static final int MAX_SCALAR = 64 * 1024;

  /**
   * Walks the composed document once, without recursion: refuses duplicate keys in any mapping
   * (snakeyaml-engine's {@code setAllowDuplicateKeys(false)} is honoured only by its constructor,
   * which the compose API never runs, so {@code extend: default} then {@code extend: false} would
   * otherwise silently keep the last) and nesting deeper than {@link #MAX_DEPTH}. Each node is
   * visited once even when aliases share it, so an alias bomb costs no more than its text.
   */
  private void checkShape(Node root) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Node> stack = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    stack.push(root);
    depths.push(1);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      int depth = depths.pop();
      if (!seen.add(n)) {
        continue;
      }
      if (depth > MAX_DEPTH) {
        throw error(lineOf(n), "invalid YAML: nesting is deeper than the limit of " + MAX_DEPTH);
      }
      if (n instanceof ScalarNode sc && sc.getValue().length() > MAX_SCALAR) {
        throw error(
            lineOf(n),
            "invalid YAML: a value is longer than the limit of " + MAX_SCALAR + " characters");
      }
      if (n instanceof MappingNode m) {
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k) {
            Node first = keys.putIfAbsent(k.getValue(), k);
            if (first != null) {
              // The key itself is not echoed: a key can be anything, a pasted token included.
              throw error(
                  lineOf(k),
                  "invalid YAML: duplicate key (first defined on line " + lineOf(first) + ")");
            }
          }
          stack.push(t.getKeyNode());
          depths.push(depth + 1);
          stack.push(t.getValueNode());
          depths.push(depth + 1);
        }
      } else if (n instanceof SequenceNode sq) {
        for (Node c : sq.getValue()) {
          stack.push(c);
          depths.push(depth + 1);
        }
      }
    }
  }

  /** The 1-based number of the first line longer than {@link #MAX_SCALAR}, or 0. */
  private static int longLine(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_SCALAR) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }

  private static int lineOf(Node n) {
    return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "parse error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  SealantException error(int line, String message) {
    String where = file + ":" + line + ": ";
    return kind == Kind.CATALOG
        ? new CatalogException(where + message)
        : new ConfigException(where + message);
  }

  /** A node with its position and the dotted key path that led to it. */
  public final class Value {
    private final Node node;
    private final String key;

    Value(Node node, String key) {
      this.node = node;
      this.key = key;
    }

    public int line() {
      return node == null ? 1 : node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    public String file() {
      return file;
    }

    public String key() {
      return key;
    }

    public boolean isNull() {
      return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
    }

    public SealantException error(String message) {
      return YamlTree.this.error(line(), message);
    }

    /** The entries of a mapping, rejecting any key outside {@code allowed}. */
    public Map<String, Value> mapping(Set<String> allowed) {
      if (isNull()) {
        return Map.of();
      }
      if (!(node instanceof MappingNode mapping)) {
        throw error("'" + key + "' must be a mapping");
      }
      Map<String, Value> out = new LinkedHashMap<>();
      for (NodeTuple t : mapping.getValue()) {
        Node k = t.getKeyNode();
        if (!(k instanceof ScalarNode scalarKey)) {
          throw new Value(k, key).error("keys under '" + key + "' must be plain strings");
        }
        String name = scalarKey.getValue();
        if (!allowed.contains(name)) {
          throw new Value(k, key)
              .error(
                  "unknown key "
                      + Shown.value(name)
                      + " under '"
                      + key
                      + "' (allowed: "
                      + String.join(", ", allowed.stream().sorted().toList())
                      + ")");
        }
        out.put(name, new Value(t.getValueNode(), name));
      }
      return out;
    }

    public List<Value> sequence() {
      if (isNull()) {
        return List.of();
      }
      if (!(node instanceof SequenceNode seq)) {
        throw error("'" + key + "' must be a list");
      }
      List<Value> out = new ArrayList<>();
      for (Node n : seq.getValue()) {
        out.add(new Value(n, key));
      }
      return out;
    }

    public boolean isScalar() {
      return node instanceof ScalarNode;
    }

    public String string() {
      if (!(node instanceof ScalarNode scalar) || isNull()) {
        throw error("'" + key + "' must be a string");
      }
      return scalar.getValue();
    }

    public List<String> strings() {
      if (isScalar() && !isNull()) {
        return List.of(string());
      }
      List<String> out = new ArrayList<>();
      for (Value v : sequence()) {
        out.add(v.string());
      }
      return out;
    }

    public int integer() {
      if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.INT)) {
        throw error("'" + key + "' must be a whole number");
      }
      try {
        return Integer.parseInt(scalar.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        throw error("'" + key + "' must be a whole number");
      }
    }

    public double number() {
      if (!(node instanceof ScalarNode scalar)
          || !(node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
        throw error("'" + key + "' must be a number");
      }
      try {
        return Double.parseDouble(scalar.getValue());
      } catch (NumberFormatException e) {
        throw error("'" + key + "' must be a number");
      }
    }

    public boolean bool() {
      if (!(node instanceof ScalarNode scalar) || !node.getTag().equals(Tag.BOOL)) {
        throw error("'" + key + "' must be true or false");
      }
      return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
    }
  }
}
