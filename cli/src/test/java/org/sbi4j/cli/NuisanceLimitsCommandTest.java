package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The nuisance options of {@code sbi4j limits}: an unknown name or a bad value for {@code
 * --fix-nuisance} is bad input (exit 2, one line), and on a file without nuisance parameters {@code
 * --no-nuisances} changes nothing (same doubles as without it, no nuisance keys).
 */
class NuisanceLimitsCommandTest {
  static final Path events = TestEvents.interference1d(5_000, 11);

  private static CliRun limits(String... extra) {
    return CliRun.of(
        "limits --histogram x --events",
        events,
        "--theta-true 0 --luminosity 10 --grid -1:1:11 --plot",
        events.resolveSibling("nuisance-plot"),
        "--json -",
        extra);
  }

  @Test
  void unknownNuisanceNameIsBadInput() {
    limits("--fix-nuisance", "jes=0.5")
        .assertBadInput("--fix-nuisance", "unknown nuisance parameter 'jes'", "declares none");
  }

  @Test
  void nonNumericNuisanceValueIsBadInput() {
    limits("--fix-nuisance", "jes=abc").assertBadInput("--fix-nuisance");
  }

  @Test
  void nonFiniteNuisanceValueIsBadInput() {
    limits("--fix-nuisance", "jes=NaN").assertBadInput("--fix-nuisance", "finite");
  }

  @Test
  void fixingOneAndAllIsBadInput() {
    limits("--no-nuisances", "--fix-nuisance", "jes=1").assertBadInput("--fix-nuisance");
  }

  @Test
  void noNuisancesReproducesTheNumbersOfAFileWithout() {
    CliRun plain = limits();
    CliRun none = limits("--no-nuisances");
    assertEquals(0, plain.exitCode(), plain.err());
    assertEquals(0, none.exitCode(), none.err());
    // the same numbers; only the provenance (command line, time) tells the runs apart
    JsonNode a = CliRun.withoutProvenance(plain.out());
    JsonNode b = CliRun.withoutProvenance(none.out());
    assertEquals(a, b);
    assertFalse(a.has("nuisanceParameters") || a.has("nuisanceBestFit"), a.toString());
  }
}
