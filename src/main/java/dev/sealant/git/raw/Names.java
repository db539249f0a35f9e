package dev.sealant.git.raw;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Path names as git stores them: bytes that must be UTF-8 here (anything else is JGit's). */
final class Names {

  private Names() {}

  /**
   * Decodes {@code b[from, to)}. ASCII, nearly every name, takes the JDK's compact-string copy; the
   * rest goes through a strict decoder (created when first needed, then reused).
   */
  static String decode(byte[] b, int from, int to, CharsetDecoder strict) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder d =
        strict != null
            ? strict
            : StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return d.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw StepAside.because("a path that is not UTF-8");
    }
  }
}
