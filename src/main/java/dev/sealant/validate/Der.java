package dev.sealant.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough DER to check the shape of a key structure: tag-length-value elements, definite
 * lengths only. Every method throws {@link IllegalArgumentException} on malformed input.
 */
final class Der {

  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;

  /** One element: its tag and where its content lies in the input. */
  record Tlv(int tag, int start, int length) {
    int end() {
      return start + length;
    }
  }

  private Der() {}

  /** The single element spanning all of {@code der}, which must have the given tag. */
  static Tlv whole(byte[] der, int tag) {
    Tlv t = read(der, 0, der.length);
    if (t.tag() != tag || t.end() != der.length) {
      throw new IllegalArgumentException("not one element of tag " + tag);
    }
    return t;
  }

  /** The elements inside a constructed element, in order; they must fill it exactly. */
  static List<Tlv> children(byte[] der, Tlv parent) {
    List<Tlv> out = new ArrayList<>();
    int at = parent.start();
    while (at < parent.end()) {
      Tlv t = read(der, at, parent.end());
      out.add(t);
      at = t.end();
    }
    return out;
  }

  /** The element starting at {@code at}, which must end by {@code limit}. */
  static Tlv read(byte[] der, int at, int limit) {
    if (at + 2 > limit) {
      throw new IllegalArgumentException("truncated element");
    }
    int tag = der[at] & 0xFF;
    int first = der[at + 1] & 0xFF;
    int pos = at + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int n = first & 0x7F;
      if (n == 0 || n > 4 || pos + n > limit) {
        throw new IllegalArgumentException("bad length");
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (der[pos++] & 0xFF);
      }
    }
    if (pos + length > limit) {
      throw new IllegalArgumentException("element overruns its parent");
    }
    return new Tlv(tag, pos, (int) length);
  }

  /** True when the element is an INTEGER whose value is the small number {@code expected}. */
  static boolean isSmallInteger(byte[] der, Tlv t, int expected) {
    return t.tag() == INTEGER && t.length() == 1 && der[t.start()] == expected;
  }

  /** True when every element is an INTEGER. */
  static boolean allIntegers(List<Tlv> ts) {
    return ts.stream().allMatch(t -> t.tag() == INTEGER && t.length() > 0);
  }
}
