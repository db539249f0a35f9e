package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReporterTest {

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyScenarioIsWellFormedXml() throws Exception {
    for (ReportFixtures.Scenario s : ReportGoldenTest.scenarios().values()) {
      parse(new JunitReporter().render(s.result(), s.options()));
    }
  }

  @Test
  void oneTestCasePerRuleAndFileWithAFailurePerFinding() throws Exception {
    Document d =
        parse(new JunitReporter().render(ReportFixtures.history(), ReportOptions.defaults()));
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("3", suite.getAttribute("failures"));
    assertEquals(3, d.getElementsByTagName("testcase").getLength());
    assertEquals(4, d.getElementsByTagName("failure").getLength());
  }

  @Test
  void aCleanScanIsOnePassingTestCase() throws Exception {
    Document d =
        parse(new JunitReporter().render(ReportFixtures.empty(), ReportOptions.defaults()));
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertEquals("1", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertEquals(0, d.getElementsByTagName("failure").getLength());
  }

  @Test
  void suppressedFindingsAreSkippedTestCases() throws Exception {
    Document d =
        parse(
            new JunitReporter()
                .render(ReportFixtures.suppressed(), new ReportOptions(false, true, false, false)));
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("3", suite.getAttribute("skipped"));
  }

  @Test
  void xmlEscapesAndDropsWhatXml10CannotCarry() {
    assertEquals("a&lt;b&gt;&amp;&quot;c&#10;d", Xml.attr("a<b>&\"c\nd"));
    assertEquals("bell:  nul:  esc: ", Xml.text("bell: \u0007 nul: \u0000 esc: \u001b"));
    assertEquals("lone ", Xml.text("lone \ud800"));
    assertEquals("pair \ud83d\udd11", Xml.text("pair \ud83d\udd11"));
    assertEquals("", Xml.text("\ufffe\uffff"));
    String xml = new JunitReporter().render(ReportFixtures.history(), ReportOptions.defaults());
    assertFalse(xml.contains("\u0007"));
    assertTrue(xml.contains("Dana O'Neil &lt;&amp;&gt;"));
  }
}
