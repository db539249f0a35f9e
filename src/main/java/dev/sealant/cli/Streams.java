package dev.sealant.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * One channel per stream. picocli writes help and errors to a {@link PrintWriter}; commands print
 * to the {@link Env}'s {@link PrintStream}s. A writer of picocli's own over the same stream would
 * keep its own encoder and buffer, and the two would reach the stream out of order. The writer made
 * here keeps none: it hands every character straight to the command's stream.
 */
final class Streams {

  private Streams() {}

  static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] chars, int off, int len) {
            stream.append(CharBuffer.wrap(chars, off, len));
          }

          @Override
          public void flush() {
            stream.flush();
          }

          @Override
          public void close() {
            stream.flush();
          }
        },
        true);
  }
}
