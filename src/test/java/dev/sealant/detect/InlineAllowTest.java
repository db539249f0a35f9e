package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.kernel.Suppression;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Inline-allow reasons end with their comment and never carry a secret. */
class InlineAllowTest {

  static final String TOKEN = "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";

  private static Optional<String> reason(String line) {
    return InlineAllow.find(line, "github-pat-classic", false).flatMap(Suppression::reason);
  }

  @Test
  void blockCommentReasonEndsWithTheCommentNotTheLine() {
    assertEquals(
        Optional.of("fixture"), reason("/* sealant:allow -- fixture */ t = \"" + TOKEN + "\""));
    assertEquals(Optional.of("docs"), reason("<!-- sealant:allow -- docs --> " + TOKEN));
    assertEquals(Optional.of("tpl"), reason("{# sealant:allow -- tpl #} " + TOKEN));
    assertEquals(Optional.of("ml"), reason("(* sealant:allow -- ml *) " + TOKEN));
    assertEquals(Optional.of("erb"), reason("<%# sealant:allow -- erb %> " + TOKEN));
  }

  @Test
  void reasonStopsAtAStringLiteral() {
    assertEquals(Optional.of("test"), reason("# sealant:allow -- test \"" + TOKEN + "\""));
    assertEquals(Optional.of("x ="), reason("// sealant:allow -- x = `" + TOKEN + "`"));
  }

  @Test
  void tokenInsideAReasonIsRedacted() {
    String r = reason("t = 1 # sealant:allow -- copied " + TOKEN + " from prod").orElseThrow();
    assertFalse(r.contains(TOKEN.substring(4, 12)), r);
    assertTrue(r.startsWith("copied ghp_***") && r.endsWith("from prod"), r);
    String pw = reason("p = 2 # sealant:allow -- was Zq8vN3xLr5TkW2mYb7Hd").orElseThrow();
    assertFalse(pw.contains("Zq8vN3xL"), pw);
  }

  @Test
  void longReasonIsBounded() {
    String r = reason("# sealant:allow -- " + "word ".repeat(200)).orElseThrow();
    assertTrue(r.length() <= InlineAllow.MAX_REASON + 3, r);
  }

  @Test
  void lineCommentReasonKeepsItsWords() {
    assertEquals(
        Optional.of("it's a test fixture, see #12"),
        reason("t = 1 # sealant:allow -- it's a test fixture, see #12"));
  }
}
