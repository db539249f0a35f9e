package dev.sealant.detect.syntax;

/**
 * A value as read from text.
 *
 * @param value the value with its syntax's escapes undone
 * @param start offset of the value's first encoded character
 * @param end offset just past its last encoded character
 * @param next offset just past the value's closing delimiter (where reading goes on)
 * @param quoted the value was quoted (or otherwise delimited) in the source
 * @param template the value interpolates something ({@code ${x}}, {@code $X}, {@code {x}})
 */
record Literal(String value, int start, int end, int next, boolean quoted, boolean template) {}
