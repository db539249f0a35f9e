package dev.sealant.detect.syntax;

/**
 * A value as read from text.
 *
 * @param value the value with its syntax's escapes undone
 * @param start offset of the value's first encoded character
 * @param end offset just past its last encoded character
 * @param next offset just past the value's closing delimiter (where reading goes on)
 * @param quoted the value was quoted (or otherwise delimited) in the source
 * @param residue the value less the expansions its syntax performs ({@code ${x}}, {@code $X},
 *     {@code {x}}): see {@link Expansions}; the value itself when it expands nothing
 */
record Literal(String value, int start, int end, int next, boolean quoted, String residue) {

  /** A value that expands nothing. */
  Literal(String value, int start, int end, int next, boolean quoted) {
    this(value, start, end, next, quoted, value);
  }

  /**
   * The value interpolates something: it is a literal only if {@link Values#meantLiteral} says so.
   */
  boolean template() {
    return residue.length() < value.length();
  }
}
