package org.sbi4j.morphing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MorphingAnalysisTest {
  private final MorphingSetup setup =
      MorphingSetup.of(
          List.of(Parameter.of("c", 2, -1, 1)),
          List.of(
              new Benchmark("sm", new double[] {0}),
              new Benchmark("p", new double[] {1}),
              new Benchmark("m", new double[] {-1})),
          2);

  @Test
  void reportsWeightsGradientsAndBasisQuality() {
    MorphingReport r = new MorphingAnalysis(setup).run(new double[] {0.5}, false, 10, null, 1);
    assertArrayEquals(new double[] {0.75, 0.375, -0.125}, r.weights(), 1e-14);
    // ∂/∂θ of (1−θ², (θ+θ²)/2, (θ²−θ)/2) at 0.5
    assertArrayEquals(new double[] {-1, 1, 0}, r.weightGradients()[0], 1e-14);
    assertEquals(List.of("sm", "p", "m"), r.benchmarks());
    // mean over θ ~ U(−1, 1) of Σw² = ∫ [(1−θ²)² + ((θ+θ²)/2)² + ((θ²−θ)/2)²] dθ / 2
    //   = 1 − 2/3 + 1/5 + (1/3 + 1/5)/2 = 0.8; 1000 uniform points give ±0.01 (3σ)
    assertEquals(0.8, r.meanSquaredWeight(), 0.02);
  }

  @Test
  void setupErrorsNameTheProblem() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MorphingAnalysis(setup).run(new double[] {1, 2}, false, 10, null, 1));
    assertTrue(
        e.getMessage().contains("theta has 2 values but there are 1 parameters [c]"),
        e.getMessage());
    var noBench = MorphingSetup.of(List.of(Parameter.of("c", 2, -1, 1)), List.of(), 2);
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MorphingAnalysis(noBench).run(null, false, 10, null, 1));
    assertTrue(e2.getMessage().contains("let the basis optimiser choose them"), e2.getMessage());
    var optimised = new MorphingAnalysis(noBench).run(null, true, 50, null, 1);
    assertEquals(3, optimised.basis().length);
    var dupNames =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MorphingSetup.of(
                    List.of(Parameter.of("c", 2, -1, 1)),
                    List.of(
                        new Benchmark("a", new double[] {0}), new Benchmark("a", new double[] {1})),
                    2));
    assertTrue(dupNames.getMessage().contains("two benchmarks are named 'a'"));
  }
}
