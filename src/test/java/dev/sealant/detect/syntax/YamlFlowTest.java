package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML flow collections: a plain scalar ends at {@code , ] }}, not at the end of the line. */
class YamlFlowTest {

  private static List<String> values(String line) {
    return AssignmentReader.credentials(line, Dialect.YAML).stream()
        .map(AssignmentReader.Assignment::value)
        .toList();
  }

  @Test
  void plainScalarInAFlowMappingEndsAtItsBrace() {
    assertEquals(List.of("Zq8!mR3#vL9p"), values("db: {user: admin, password: Zq8!mR3#vL9p}"));
    assertEquals(List.of("Zq8!mR3#vL9p"), values("- [{password: Zq8!mR3#vL9p, port: 5432}]"));
  }

  @Test
  void aNameInAFlowMappingIsNotReadWithTheBracesAfterIt() {
    // A rule's examples in .sealant.yaml: the value is an identifier once '}]' is no longer part of
    // it.
    assertEquals(
        List.of(), values("    match: [{text: 'x demo_abcdefgh', secret: demo_abcdefgh}]"));
  }

  @Test
  void blockScalarsKeepTheirBracesAndCommas() {
    assertEquals(List.of("Zq8!mR3#v,L9p}"), values("password: Zq8!mR3#v,L9p}"));
  }

  @Test
  void flowContextIsKeptAtAnyDistanceFromItsBrace() {
    // 41 pairs: the opening brace is ~760 characters before the last value (a fixed look-back lost
    // it).
    String line = "{" + "password: x1Yz!kQ9, ".repeat(41) + "}";
    List<String> got = values(line);
    assertEquals(41, got.size());
    assertEquals(List.of("x1Yz!kQ9"), got.stream().distinct().toList());
  }

  @Test
  void aClosedFlowCollectionEndsItsContext() {
    assertEquals(
        List.of("Zq8!mR3#v,L9p"),
        values("x: [" + "a, ".repeat(300) + "], password: Zq8!mR3#v,L9p"));
  }
}
