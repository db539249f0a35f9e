package dev.sealant.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** What an error message may quote of a user's value. */
class ShownTest {

  @Test
  void nameLikeValuesAreQuotedWhole() {
    assertEquals("'alow'", Shown.value("alow"));
    assertEquals("'generic-assignment'", Shown.value("generic-assignment"));
    assertEquals("'2026-13-01'", Shown.value("2026-13-01"));
  }

  @Test
  void tokenAsAConfigKeyIsNotEchoed() {
    String v = Shown.value("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");
    assertEquals("'ghp_***' (40 characters, not shown)", v);
    assertFalse(Shown.value("Zq8vN3xLr5TkW2mYb7Hd").contains("N3xL"));
    assertFalse(Shown.value("p@ss:w0rd!").contains("w0rd"));
  }

  @Test
  void yamlAliasNameInAParserProblemIsDropped() {
    assertEquals(
        "found undefined alias ***",
        Shown.prose("found undefined alias 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"));
    assertEquals("found undefined alias ***", Shown.prose("found undefined alias hunter2"));
    assertEquals(
        "found undefined alias ***",
        Shown.prose("found undefined alias correcthorsebatterystaple"));
    assertEquals(
        "mapping values are not allowed here", Shown.prose("mapping values are not allowed here"));
    assertEquals(
        "expected ',' or ']', but got <stream end>",
        Shown.prose("expected ',' or ']', but got <stream end>"));
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("a\\u001b[2Jb\\n", Shown.escape("a\u001b[2Jb\n"));
  }
}
