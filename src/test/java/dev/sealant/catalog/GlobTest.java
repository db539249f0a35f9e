package dev.sealant.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*.png, a.png, true",
    "*.png, img/a.png, true",
    "*.png, img/a.png.txt, false",
    "package-lock.json, web/package-lock.json, true",
    "package-lock.json, web/package-lock.json.bak, false",
    "test_*, src/test_a.py, true",
    "test_*, src/a_test_b.py, false",
    "tests/**, tests/a/b.py, true",
    "tests/**, src/tests/a.py, false",
    "**/fixtures/**, a/fixtures/b.txt, true",
    "src/*.py, src/a.py, true",
    "src/*.py, src/x/a.py, false",
    "build/, build/out.txt, true",
    "a?c.txt, x/abc.txt, true",
    "[ab].txt, b.txt, true",
    "[!ab].txt, b.txt, false",
  })
  void matchesLikeGitignore(String glob, String path, boolean expected) {
    Glob g = Glob.of(glob);
    assertEquals(expected, g.matches(path));
    assertEquals(expected, g.pattern().matcher(path).matches(), "fast path and regex disagree");
  }
}
