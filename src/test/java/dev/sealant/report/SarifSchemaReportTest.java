package dev.sealant.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every SARIF scenario validates against the published SARIF 2.1.0 schema (vendored as a test
 * resource, see {@code src/test/resources/README.md}), with format assertions on, so a {@code uri}
 * that is not a valid URI reference fails here rather than at upload.
 */
class SarifSchemaReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in =
        SarifSchemaReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
    }
  }

  static Set<ValidationMessage> validate(String sarif) throws IOException {
    return schema.validate(MAPPER.readTree(sarif));
  }

  @TestFactory
  List<DynamicTest> everyScenarioIsValidSarif() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, ReportFixtures.Scenario> e : ReportGoldenTest.scenarios().entrySet()) {
      for (boolean all : new boolean[] {false, true}) {
        ReportOptions o = new ReportOptions(all, all, false, false);
        tests.add(
            DynamicTest.dynamicTest(
                e.getKey() + (all ? " (all options)" : ""),
                () -> {
                  String sarif = new SarifReporter("1.2.3").render(e.getValue().result(), o);
                  assertEquals(Set.of(), validate(sarif), sarif);
                }));
      }
    }
    return tests;
  }

  @Test
  void theValidatorRejectsAnInvalidLog() throws IOException {
    String sarif =
        new SarifReporter("1.2.3")
            .render(ReportFixtures.history(), ReportOptions.defaults())
            .replace("\"level\": \"error\"", "\"level\": \"critical\"");
    assertFalse(validate(sarif).isEmpty(), "a level outside the enum must fail validation");
  }

  @Test
  void theValidatorChecksUriFormat() throws IOException {
    String sarif =
        new SarifReporter("1.2.3")
            .render(ReportFixtures.files(), ReportOptions.defaults())
            .replace("config/d%C3%A9v%20settings/", "config/dév settings/");
    assertFalse(validate(sarif).isEmpty(), "an unencoded space in a uri must fail validation");
  }

  @Test
  void resultsCarryFingerprintsAndIndexes() throws IOException {
    JsonNode run =
        MAPPER
            .readTree(
                new SarifReporter("1.2.3")
                    .render(ReportFixtures.history(), ReportOptions.defaults()))
            .get("runs")
            .get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    for (JsonNode r : run.get("results")) {
      assertEquals(
          r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
      assertEquals(
          32, r.get("partialFingerprints").get(SarifReporter.FINGERPRINT_KEY).asText().length());
    }
  }
}
