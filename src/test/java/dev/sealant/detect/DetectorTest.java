package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Redaction;
import dev.sealant.kernel.Suppression;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorTest {

  static final String TOKEN = "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";

  static final String RULES =
      """
      rules:
        - id: demo-token
          description: Demo token
          keywords: [demo_]
          regex: '\\b(demo_[a-z0-9]{8})\\b'
          examples:
            match: [{text: 'demo_abcd1234', secret: demo_abcd1234}]
            noMatch: ['demo_']
        - id: demo-password
          description: Demo password assignment
          keywords: [password]
          regex: '(?i)password\\s*[:=]\\s*"?([^\\s"]{6,})'
          tags: [generic]
          allow:
            stopwords: [changeme]
          entropy: 2.5
          examples:
            match: [{text: 'password = "s3cr3tValue"', secret: s3cr3tValue}]
            noMatch: ['password = changeme1']
      """;

  static Detector detector(String yaml) {
    return new Detector(CatalogLoader.parse(List.of(new CatalogLoader.Source("t.yaml", yaml))));
  }

  static List<Finding> scan(String text) {
    return detector(RULES).scan(Fragment.of("f.txt", text));
  }

  @Test
  void findsSecretWithLineAndColumn() {
    List<Finding> fs = scan("x\ny\n  demo_abcd1234\n");
    assertEquals(1, fs.size());
    assertEquals(3, fs.get(0).line());
    assertEquals(3, fs.get(0).column());
    assertEquals("demo_abcd1234", fs.get(0).secret());
  }

  @Test
  void keywordMatchingIsCaseInsensitive() {
    List<Finding> fs = scan("PASSWORD = \"Zq8#kLm2pW\"\n");
    assertEquals(1, fs.size(), fs.toString());
  }

  @Test
  void crlfAndLoneCrCountAsLineEnds() {
    assertEquals(3, scan("a\r\nb\r\ndemo_abcd1234\r\n").get(0).line());
    assertEquals(3, scan("a\rb\rdemo_abcd1234").get(0).line());
  }

  @Test
  void fragmentFirstLineOffsetsLineNumbers() {
    Finding f =
        detector(RULES).scan(new Fragment("a", Optional.empty(), 41, "\ndemo_abcd1234")).get(0);
    assertEquals(42, f.line());
  }

  @Test
  void entropyAndStopwordsFilter() {
    assertTrue(scan("password = \"aaaaaaaaaa\"\n").isEmpty());
    assertTrue(scan("password = \"changeme123\"\n").isEmpty());
  }

  @Test
  void inlineAllowSuppressesWithReason() {
    Finding f = scan("demo_abcd1234 # sealant:allow -- test data\n").get(0);
    assertEquals(
        Optional.of(new Suppression(Suppression.Kind.INLINE, Optional.of("test data"))),
        f.suppression());
  }

  @Test
  void inlineAllowScopedToAnotherRuleDoesNotSuppress() {
    assertTrue(
        scan("demo_abcd1234 // sealant:allow demo-password\n").get(0).suppression().isEmpty());
    assertTrue(scan("demo_abcd1234 // sealant:allow demo-token\n").get(0).suppressed());
  }

  @Test
  void allowNextLineCoversTheLineBelowOnly() {
    List<Finding> fs = scan("# sealant:allow-next-line\ndemo_abcd1234\ndemo_abcd9999\n");
    assertTrue(fs.get(0).suppressed());
    assertTrue(fs.get(1).suppression().isEmpty());
  }

  @Test
  void inlineAllowCanBeDisabled() {
    Catalog c = CatalogLoader.parse(List.of(new CatalogLoader.Source("t.yaml", RULES)));
    assertTrue(
        new Detector(c, false)
            .scan(Fragment.of("f", "demo_abcd1234 # sealant:allow\n"))
            .get(0)
            .suppression()
            .isEmpty());
  }

  @Test
  void genericRuleYieldsToSpecificRuleOnTheSameSecret() {
    List<Finding> fs = scan("password = demo_abcd1234\n");
    assertEquals(List.of("demo-token"), fs.stream().map(Finding::ruleId).toList());
  }

  @Test
  void base64ValueIsDecodedAndPointsAtTheEncodedLocation() {
    String enc =
        Base64.getEncoder()
            .encodeToString("{\"key\": \"demo_abcd1234\"}".getBytes(StandardCharsets.UTF_8));
    List<Finding> fs = scan("data:\n  config: " + enc + "\n");
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(2, fs.get(0).line());
    assertEquals(11, fs.get(0).column());
    assertEquals("demo_abcd1234", fs.get(0).secret());
    assertEquals(Optional.of("base64"), fs.get(0).encoding());
  }

  @Test
  void genericRuleInsideADecodedDocumentIsNotReported() {
    String enc =
        Base64.getEncoder()
            .encodeToString("password: \"Zq8#kLm2pW\"".getBytes(StandardCharsets.UTF_8));
    assertTrue(scan("data:\n  config: " + enc + "\n").isEmpty());
  }

  @Test
  void kubernetesSecretDataValueIsDecodedInPlace() {
    String enc =
        Base64.getEncoder().encodeToString("Zq8#kLm2pW!x".getBytes(StandardCharsets.UTF_8));
    List<Finding> fs = scan("data:\n  password: " + enc + "\n");
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(Optional.of("base64"), fs.get(0).encoding());
    assertEquals("Zq8#kLm2pW!x", fs.get(0).secret());
  }

  @Test
  void urlEncodedAndUnicodeEscapedValuesAreDecoded() {
    List<Finding> fs = scan("url=https://x/?k=%64%65%6d%6f_abcd1234\n");
    assertEquals(1, fs.size(), fs.toString());
    assertEquals("demo_abcd1234", fs.get(0).secret());
    assertEquals(18, fs.get(0).column());
    List<Finding> gs = scan("{\"k\": \"\\u0064emo_abcd1234\"}\n");
    assertEquals("demo_abcd1234", gs.get(0).secret());
  }

  @Test
  void binaryLookingBase64IsNotDecoded() {
    assertTrue(scan("img: AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n").isEmpty());
  }

  @Test
  void multilineRuleFindingPointsAtBeginLine() {
    Detector d = new Detector(CatalogLoader.builtIn());
    // A real throwaway EC key (the private-key validator parses the block).
    String pem =
        "key:\n-----BEGIN EC PRIVATE KEY-----\n"
            + "MHcCAQEEIJTeMNj4K60S6QTH0pt9imm2qeEnqDZEhClrbayz21bToAoGCCqGSM49\n"
            + "AwEHoUQDQgAECrdW2nX2zi4osCmcCIFjX/nJU9Y+z23w4hOJCQqnVRHkhplIERgm\n"
            + "H/gTeMJYrZvgJTCQWjBke9luZwTNtYp5eQ==\n"
            + "-----END EC PRIVATE KEY-----\n";
    List<Finding> fs =
        d.scan(Fragment.of("k.pem", pem)).stream()
            .filter(f -> f.ruleId().startsWith("private-key"))
            .toList();
    assertEquals(1, fs.size(), fs.toString());
    assertEquals(2, fs.get(0).line());
  }

  @Test
  void veryLongLineIsScannedInWindows() {
    String filler = "x".repeat(5_000_000);
    List<Finding> fs = scan(filler + " demo_abcd1234 " + filler);
    assertEquals(1, fs.size());
    assertEquals(5_000_002, fs.get(0).column());
  }

  @Test
  void pathAllowlistedFileIsNotScanned() {
    Detector d = new Detector(CatalogLoader.builtIn());
    assertTrue(d.scan(Fragment.of("web/logo.png", "t=" + TOKEN)).isEmpty());
    // A lock file is a quiet path: generic rules are silent there, a provider token is not.
    assertTrue(
        d.scan(Fragment.of("web/package-lock.json", "password = \"Sx9kQ2vLp8Zr\"")).isEmpty());
    assertEquals(1, d.scan(Fragment.of("web/package-lock.json", "t=" + TOKEN)).size());
    assertEquals(1, d.scan(Fragment.of("web/package.json", "t=" + TOKEN)).size());
  }

  @Test
  void redactionNeverShowsMoreThanAQuarter() {
    assertEquals("ghp_***", Redaction.redact(TOKEN));
    assertEquals("hu***", Redaction.redact("hunter22"));
    assertEquals("***", Redaction.redact("abc"));
  }

  @Test
  void fingerprintIgnoresPositionButNotSecret() {
    Finding a = scan("demo_abcd1234\n").get(0);
    Finding b = scan("\n\n   demo_abcd1234\n").get(0);
    Finding c = scan("demo_abcd1235\n").get(0);
    assertEquals(a.fingerprint(), b.fingerprint());
    assertTrue(!a.fingerprint().equals(c.fingerprint()));
  }

  /**
   * Property: path regexes are memoised per path, and a detector that has met thousands of paths
   * finds exactly what a fresh one finds on each: seeded paths built from the names the built-in
   * file-kind rules read (and near misses), in random directories and case, each scanned with lines
   * those rules match.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
  void memoisedPathRulesFindWhatAFreshDetectorFinds(long seed) {
    String[] names = {
      ".pgpass",
      "pgpass.conf",
      "x.pgpass",
      "pgpass.conf.bak",
      ".netrc",
      "_netrc",
      "a.netrc",
      ".git-credentials",
      "git-credentials",
      "settings.xml",
      "settings-security.xml",
      "mysettings.xml",
      "prod.tfstate",
      "prod.tfstate.backup",
      "tfstate",
      "key.p12",
      "key.pfx.b64",
      "WinSCP.ini",
      "winscp-x.reg",
      "sitemanager.xml",
      "RecentServers.xml",
      "master.key"
    };
    String[] dirs = {"", "a/", "config/", "config/credentials/", "home/u/", "x.pgpass/", "é/"};
    String text =
        String.join(
            "\n",
            "db.internal.example:5432:orders:app_rw:JrBY#Ald3tdVY=f!qJ",
            "machine api.example.com login deploy password Xq7!vR2#pLm9zT",
            "https://deploy:Xq7vR2pLm9zTw4@git.example.com",
            "<password>Xq7!vR2#pLm9zT</password>",
            "\"password\": \"Xq7!vR2#pLm9zT\"");
    java.util.Random r = new java.util.Random(seed);
    Catalog catalog = CatalogLoader.builtIn();
    Detector shared = new Detector(catalog);
    Detector racing = new Detector(catalog);
    java.util.Set<String> rulesSeen = new java.util.TreeSet<>();
    java.util.Map<String, List<String>> expected = new java.util.concurrent.ConcurrentHashMap<>();
    for (int round = 0; round < 120; round++) {
      String name = names[r.nextInt(names.length)];
      if (r.nextInt(4) == 0) {
        name = name.toUpperCase(java.util.Locale.ROOT);
      }
      String path = dirs[r.nextInt(dirs.length)] + (r.nextInt(3) == 0 ? "config/" : "") + name;
      List<String> fresh = ids(new Detector(catalog).scan(Fragment.of(path, text)));
      assertEquals(fresh, ids(shared.scan(Fragment.of(path, text))), "seed " + seed + ": " + path);
      assertEquals(fresh, ids(shared.scan(Fragment.of(path, text))), "again: " + path);
      fresh.forEach(f -> rulesSeen.add(f.substring(0, f.indexOf('@'))));
      expected.put(path, fresh);
    }
    // Workers share one detector: four threads asking about the same paths at once.
    List<String> paths = List.copyOf(expected.keySet());
    java.util.stream.IntStream.range(0, 4 * paths.size())
        .parallel()
        .forEach(
            k -> {
              String path = paths.get(k % paths.size());
              assertEquals(expected.get(path), ids(racing.scan(Fragment.of(path, text))), path);
            });
    assertTrue(rulesSeen.containsAll(List.of("pgpass-password")), "file rules met: " + rulesSeen);
  }

  private static List<String> ids(List<Finding> found) {
    return found.stream().map(f -> f.rule().id() + "@" + f.line()).sorted().toList();
  }
}
