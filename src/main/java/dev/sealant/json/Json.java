package dev.sealant.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal JSON writer for reports: maps (insertion-ordered), lists, strings, numbers, booleans,
 * {@code null} and {@link Optional}. Output is pretty-printed with two-space indents and is
 * byte-stable for equal input, which golden files rely on.
 */
public final class Json {

  private Json() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object v, int indent) {
    if (v instanceof Optional<?> o) {
      write(b, o.orElse(null), indent);
    } else if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof Double d) {
      b.append(d.isNaN() || d.isInfinite() ? "null" : format(d));
    } else if (v instanceof Map<?, ?> m) {
      object(b, m, indent);
    } else if (v instanceof List<?> l) {
      array(b, l, indent);
    } else {
      string(b, v.toString());
    }
  }

  private static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d)
        .setScale(4, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static void object(StringBuilder b, Map<?, ?> m, int indent) {
    if (m.isEmpty()) {
      b.append("{}");
      return;
    }
    b.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      pad(b, indent + 1);
      string(b, String.valueOf(e.getKey()));
      b.append(": ");
      write(b, e.getValue(), indent + 1);
      b.append(++i < m.size() ? ",\n" : "\n");
    }
    pad(b, indent);
    b.append('}');
  }

  private static void array(StringBuilder b, List<?> l, int indent) {
    if (l.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append("[\n");
    for (int i = 0; i < l.size(); i++) {
      pad(b, indent + 1);
      write(b, l.get(i), indent + 1);
      b.append(i + 1 < l.size() ? ",\n" : "\n");
    }
    pad(b, indent);
    b.append(']');
  }

  private static void pad(StringBuilder b, int indent) {
    for (int i = 0; i < indent; i++) {
      b.append("  ");
    }
  }

  /**
   * Appends {@code s} as a JSON string literal, escaping control characters and lone surrogates.
   */
  public static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          boolean lone =
              Character.isSurrogate(c)
                  && !(Character.isHighSurrogate(c)
                      && i + 1 < s.length()
                      && Character.isLowSurrogate(s.charAt(i + 1)))
                  && !(Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || lone) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
