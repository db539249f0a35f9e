package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code --format gitlab} scenario validates against GitLab's published secret-detection
 * report schema (vendored, see {@code src/test/resources/README.md}), which GitLab applies before
 * it shows a report in merge requests and the security dashboard.
 */
public class GitLabSchemaReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static synchronized void loadSchema() throws IOException {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in =
        GitLabSchemaReportTest.class.getResourceAsStream(
            "/gitlab-secret-detection-report-format-15.2.1.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    }
  }

  /** Validates a report against the vendored schema (also for tests in other packages). */
  public static synchronized Set<ValidationMessage> validate(String report) throws IOException {
    if (schema == null) {
      loadSchema();
    }
    return schema.validate(MAPPER.readTree(report));
  }

  private static String render(ReportFixtures.Scenario s, ReportOptions o) {
    return new GitLabReporter("1.2.3", () -> Instant.parse("2026-01-02T03:04:05.678Z"))
        .render(s.result(), o);
  }

  @TestFactory
  List<DynamicTest> everyScenarioIsAValidSecretDetectionReport() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, ReportFixtures.Scenario> e : ReportGoldenTest.scenarios().entrySet()) {
      for (boolean all : new boolean[] {false, true}) {
        ReportOptions o = new ReportOptions(all, all, false, false);
        tests.add(
            DynamicTest.dynamicTest(
                e.getKey() + (all ? " (all options)" : ""),
                () -> {
                  String report = render(e.getValue(), o);
                  assertEquals(Set.of(), validate(report), report);
                }));
      }
    }
    return tests;
  }

  @Test
  void theValidatorRejectsAReportOfAnotherType() throws IOException {
    String report =
        render(ReportFixtures.scenarios().get("history"), ReportOptions.defaults())
            .replace("\"secret_detection\"", "\"sast\"");
    assertFalse(validate(report).isEmpty(), "scan.type must be secret_detection");
  }

  @Test
  void findingsCarryTheRuleTheFileTheLineAndTheCommit() throws IOException {
    JsonNode report =
        MAPPER.readTree(
            render(ReportFixtures.scenarios().get("history"), ReportOptions.defaults()));
    assertEquals("secret_detection", report.get("scan").get("type").asText());
    assertEquals("2026-01-02T03:04:05", report.get("scan").get("end_time").asText());
    JsonNode first = report.get("vulnerabilities").get(0);
    assertEquals("sealant_rule_id", first.get("identifiers").get(0).get("type").asText());
    assertTrue(first.get("location").get("start_line").asInt() > 0, first.toString());
    assertEquals(
        40, first.get("location").get("commit").get("sha").asText().length(), first.toString());
    assertTrue(
        Set.of("Critical", "High", "Medium", "Low", "Info")
            .contains(first.get("severity").asText()));
  }
}
