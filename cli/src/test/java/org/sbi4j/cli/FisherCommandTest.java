package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FisherCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(5_000, 11);

  @Test
  void truthAndHistogramGiveMatrixAndCovariance() {
    for (String kind : new String[] {"truth", "histogram"}) {
      CliRun run =
          CliRun.of(
              "fisher --events", events, "--theta 0.2 --luminosity 10 --kind", kind, "--json -");
      assertEquals(0, run.exitCode(), run.err());
      JsonNode r = JsonMapper.builder().build().readTree(run.out());
      double info = r.get("matrix").get(0).get(0).asDouble();
      assertTrue(info > 0, kind);
      // covariance = 1/I for one parameter; the JSON round trip keeps doubles exact.
      assertEquals(1 / info, r.get("covariance").get(0).get(0).asDouble(), 1e-12 / info);
    }
  }

  @Test
  void singularRateInformationReportsNoCovariance() {
    // With two parameters the rate information L∇σ∇σᵀ/σ has rank one: no covariance exists.
    Path twoD = dir.resolve("events2d.h5");
    MadMinerFiles.writeEvents(twoD, Simulators.INTERFERENCE_2D.create().events(2_000, 5));
    CliRun run =
        CliRun.of("fisher --events", twoD, "--theta 0.3,0.2 --luminosity 10 --kind rate --json -");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(run.out());
    assertTrue(r.get("covariance").isNull());
    assertTrue(run.err().contains("singular"), run.err());
  }

  @Test
  void badInputs() {
    CliRun wrongTheta =
        CliRun.of("fisher", "--events", events.toString(), "--theta", "0,1", "--luminosity", "10");
    assertEquals(2, wrongTheta.exitCode());
    assertTrue(wrongTheta.oneErrorLine(), wrongTheta.err());
    CliRun wrongKind =
        CliRun.of("fisher --events", events, "--theta 0 --luminosity 10 --kind magic");
    assertEquals(2, wrongKind.exitCode());
    assertTrue(wrongKind.oneErrorLine(), wrongKind.err());
  }

  @Test
  void profilingKeepsOneParameterAndWritesThePlot() {
    Path twoD = dir.resolve("events2d-profile.h5");
    MadMinerFiles.writeEvents(twoD, Simulators.INTERFERENCE_2D.create().events(2_000, 6));
    Path plot = dir.resolve("cr");
    CliRun full =
        CliRun.of("fisher --events", twoD, "--theta 0.3,0.2 --luminosity 10 --json - --plot", plot);
    assertEquals(0, full.exitCode(), full.err());
    assertTrue(java.nio.file.Files.exists(Path.of(plot + ".png")));
    JsonNode f = JsonMapper.builder().build().readTree(full.out());
    CliRun prof =
        CliRun.of(
            "fisher --events", twoD, "--theta 0.3,0.2 --luminosity 10 --profile theta_b --json -");
    assertEquals(0, prof.exitCode(), prof.err());
    JsonNode p = JsonMapper.builder().build().readTree(prof.out());
    // The profiled variance of θ_b is the (b, b) entry of the full covariance.
    assertEquals(
        f.get("covariance").get(1).get(1).asDouble(),
        p.get("covariance").get(0).get(0).asDouble(),
        1e-9 * f.get("covariance").get(1).get(1).asDouble());
  }
}
