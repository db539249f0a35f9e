package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReporterTest {

  static String field(String s) {
    StringBuilder b = new StringBuilder();
    CsvReporter.field(b, s);
    return b.toString();
  }

  @Test
  void quotesOnlyFieldsThatNeedIt() {
    assertEquals("plain", field("plain"));
    assertEquals("\"a,b\"", field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", field("say \"hi\""));
    assertEquals("\"two\nlines\"", field("two\nlines"));
    assertEquals("\"cr\rhere\"", field("cr\rhere"));
  }

  @Test
  void defusesSpreadsheetFormulas() {
    for (String s : List.of("=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
      assertEquals("'" + s, CsvReporter.defuse(s), s);
    }
    assertEquals("a=b", CsvReporter.defuse("a=b"));
    assertEquals("", CsvReporter.defuse(""));
  }

  @Test
  void headerIsTheJsonFieldNamesAndLinesEndInCrlf() {
    String csv = new CsvReporter().render(ReportFixtures.empty(), ReportOptions.defaults());
    assertEquals(String.join(",", CsvReporter.HEADER) + "\r\n", csv);
    assertTrue(
        CsvReporter.HEADER.containsAll(List.of("ruleId", "path", "line", "secret", "fingerprint")));
  }

  /** A small RFC 4180 reader: the report must parse back into the same number of columns. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        f.append(c);
      }
    }
    return rows;
  }

  @Test
  void everyRowParsesBackWithAllColumns() {
    String csv = new CsvReporter().render(ReportFixtures.files(), ReportOptions.defaults());
    List<List<String>> rows = parse(csv);
    assertEquals(5, rows.size());
    for (List<String> r : rows) {
      assertEquals(CsvReporter.HEADER.size(), r.size(), r.toString());
    }
    assertEquals("'=1+2 \"odd\", name.ini", rows.get(3).get(3));
    assertEquals("config/dév settings/ключ.env", rows.get(1).get(3));
  }
}
